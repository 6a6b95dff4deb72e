//! Counting by dimensions (contract section 11): the counts of section 5 per agency,
//! procedure, field, level, official or channel, or per pair of them, for several periods
//! (the period and the steps of a series) in one pass.
//!
//! [`Grouped`] is the hot loop: it keys dossiers by small ids. [`GroupTally`] is the
//! mergeable partial aggregate keyed by names, and [`Breakdown`] the rows of the report.
//!
//! ```
//! use motcua_core::breakdown::{Dim, GroupTally};
//! use motcua_core::count::Counts;
//! let mut t = GroupTally::default();
//! t.add(&[Some("1.2172".into())], &Counts { received: 2, ..Counts::default() });
//! t.add(&[None], &Counts { received: 1, ..Counts::default() });
//! let b = t.into_breakdown(vec![Dim::Procedure]);
//! assert_eq!(b.rows[0].keys, vec![Some("1.2172".to_owned())]);
//! assert_eq!(b.rows[1].keys, vec![None]); // null last
//! ```

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

use crate::codes::Channel;
use crate::count::Counts;
use crate::dossier::{Dossier, Interner};
use crate::period::Period;
use crate::report::{Figures, Rates};

/// A key of a breakdown (`--by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dim {
    /// `DonViXuLy`.
    Agency,
    /// `MaTTHC`.
    Procedure,
    /// The row's `MaLinhVuc`, else the procedure catalog's.
    Field,
    /// The agency's level (`Cap` of the units file), default `tinh`.
    Level,
    /// `CanBoTiepNhan`.
    Official,
    /// `KenhThucHien` as `in_person`, `online`, `postal`.
    Channel,
}

impl Dim {
    /// Every key, in the contract's order.
    pub const ALL: [Self; 6] = [
        Self::Agency,
        Self::Procedure,
        Self::Field,
        Self::Level,
        Self::Official,
        Self::Channel,
    ];

    /// The key's name (`agency`, `procedure`…), as in the JSON rows.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Agency => "agency",
            Self::Procedure => "procedure",
            Self::Field => "field",
            Self::Level => "level",
            Self::Official => "official",
            Self::Channel => "channel",
        }
    }

    /// A Vietnamese heading for text tables.
    #[must_use]
    pub const fn label_vi(self) -> &'static str {
        match self {
            Self::Agency => "Đơn vị",
            Self::Procedure => "Thủ tục",
            Self::Field => "Lĩnh vực",
            Self::Level => "Cấp",
            Self::Official => "Cán bộ",
            Self::Channel => "Kênh",
        }
    }

    /// An English heading for text tables.
    #[must_use]
    pub const fn label_en(self) -> &'static str {
        match self {
            Self::Agency => "Agency",
            Self::Procedure => "Procedure",
            Self::Field => "Field",
            Self::Level => "Level",
            Self::Official => "Official",
            Self::Channel => "Channel",
        }
    }
}

impl fmt::Display for Dim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A `--by` value that is not a key, or too many keys.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DimError {
    /// An unknown key.
    #[error(
        "unknown breakdown key '{0}': use agency, procedure, field, level, official or channel"
    )]
    Unknown(String),
    /// More than two keys, or one key twice.
    #[error(
        "a breakdown takes one or two different keys (--by procedure or --by agency,channel), not '{0}'"
    )]
    Shape(String),
}

impl FromStr for Dim {
    type Err = DimError;
    fn from_str(s: &str) -> Result<Self, DimError> {
        let t = s.trim().to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|d| d.name() == t)
            .ok_or_else(|| DimError::Unknown(s.trim().to_owned()))
    }
}

/// Parses `KEY[,KEY2]`.
pub fn parse_dims(s: &str) -> Result<Vec<Dim>, DimError> {
    let dims = s
        .split(',')
        .map(str::parse)
        .collect::<Result<Vec<Dim>, _>>()?;
    if dims.is_empty() || dims.len() > 2 || (dims.len() == 2 && dims[0] == dims[1]) {
        return Err(DimError::Shape(s.to_owned()));
    }
    Ok(dims)
}

/// The channel's name as a breakdown key.
#[must_use]
pub const fn channel_name(c: Channel) -> &'static str {
    match c {
        Channel::InPerson => "in_person",
        Channel::Online => "online",
        Channel::Postal => "postal",
    }
}

const NULL: u32 = u32::MAX;

/// Counts dossiers per group of one or two keys, for several periods at once.
#[derive(Debug, Clone)]
pub struct Grouped {
    conventions: crate::convention::Conventions,
    dims: Vec<Dim>,
    periods: Vec<Period>,
    groups: HashMap<[u32; 2], Vec<Counts>>,
}

impl Grouped {
    /// A counter for these keys and periods.
    #[must_use]
    pub fn new(dims: &[Dim], periods: &[Period]) -> Self {
        Self {
            conventions: crate::convention::Conventions::default(),
            dims: dims.to_vec(),
            periods: periods.to_vec(),
            groups: HashMap::new(),
        }
    }

    /// The same counter under `conventions`.
    #[must_use]
    pub fn with_conventions(mut self, conventions: crate::convention::Conventions) -> Self {
        self.conventions = conventions;
        self
    }

    fn id(dim: Dim, d: &Dossier) -> u32 {
        match dim {
            // the level is the agency's: counted by agency, resolved when named
            Dim::Agency | Dim::Level => d.agency.0,
            Dim::Procedure => d.procedure.map_or(NULL, |p| p.0),
            Dim::Field => d.field.map_or(NULL, |f| f.0),
            Dim::Official => d.official.map_or(NULL, |o| o.0),
            Dim::Channel => u32::from(d.channel.code()),
        }
    }

    /// Counts one dossier into its group (which then appears, zeros included).
    #[inline]
    pub fn count(&mut self, d: &Dossier) {
        let mut key = [NULL; 2];
        for (k, dim) in key.iter_mut().zip(&self.dims) {
            *k = Self::id(*dim, d);
        }
        let n = self.periods.len();
        let counts = self
            .groups
            .entry(key)
            .or_insert_with(|| vec![Counts::default(); n]);
        for (c, p) in counts.iter_mut().zip(&self.periods) {
            c.count_with(d, p, &self.conventions);
        }
    }

    /// The groups by name, one [`GroupTally`] per period.
    #[must_use]
    pub fn into_tallies(self, names: &Names<'_>) -> Vec<GroupTally> {
        let mut out = vec![GroupTally::default(); self.periods.len()];
        for (key, counts) in self.groups {
            let keys: Vec<Option<String>> = self
                .dims
                .iter()
                .zip(key)
                .map(|(dim, id)| names.name(*dim, id))
                .collect();
            for (t, c) in out.iter_mut().zip(&counts) {
                t.add(&keys, c);
            }
        }
        out
    }
}

/// How ids become names: the interners of the input and the agency levels.
pub struct Names<'a> {
    /// Agency codes.
    pub agencies: &'a Interner,
    /// Official codes.
    pub officials: &'a Interner,
    /// Procedure codes.
    pub procedures: &'a Interner,
    /// Field codes.
    pub fields: &'a Interner,
    /// The level of an agency code (`tinh` when unknown).
    pub level_of: &'a dyn Fn(&str) -> String,
}

impl Names<'_> {
    fn name(&self, dim: Dim, id: u32) -> Option<String> {
        if id == NULL {
            return None;
        }
        let text = |i: &Interner| (id < i.len() as u32).then(|| i.name(id).to_owned());
        match dim {
            Dim::Agency => text(self.agencies),
            Dim::Level => text(self.agencies).map(|a| (self.level_of)(&a)),
            Dim::Procedure => text(self.procedures),
            Dim::Field => text(self.fields),
            Dim::Official => text(self.officials),
            Dim::Channel => Channel::try_from(id.to_string().as_str())
                .ok()
                .map(|c| channel_name(c).to_owned()),
        }
    }
}

/// The sort key of a row: code points, first key first, `null` last.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
struct SortKey(Vec<(bool, String)>);

impl SortKey {
    fn of(keys: &[Option<String>]) -> Self {
        Self(
            keys.iter()
                .map(|k| {
                    k.as_ref()
                        .map_or((true, String::new()), |s| (false, s.clone()))
                })
                .collect(),
        )
    }

    fn keys(&self) -> Vec<Option<String>> {
        self.0
            .iter()
            .map(|(null, s)| (!null).then(|| s.clone()))
            .collect()
    }
}

/// Counts keyed by group names: a partial aggregate that merges by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupTally {
    groups: BTreeMap<SortKey, Counts>,
}

impl GroupTally {
    /// Adds `c` to the group `keys`.
    pub fn add(&mut self, keys: &[Option<String>], c: &Counts) {
        *self.groups.entry(SortKey::of(keys)).or_default() += c;
    }

    /// Adds another partial aggregate.
    pub fn merge(&mut self, other: &Self) {
        for (k, c) in &other.groups {
            *self.groups.entry(k.clone()).or_default() += c;
        }
    }

    /// The sum over all groups.
    #[must_use]
    pub fn total(&self) -> Counts {
        self.groups.values().fold(Counts::default(), |a, b| a + *b)
    }

    /// Maps every key of dimension `at` through `f` (e.g. agencies to their successors),
    /// summing the groups that become one.
    #[must_use]
    pub fn map_keys(&self, at: usize, f: impl Fn(&str) -> String) -> Self {
        let mut out = Self::default();
        for (k, c) in &self.groups {
            let mut keys = k.keys();
            if let Some(Some(v)) = keys.get_mut(at) {
                *v = f(v);
            }
            out.add(&keys, c);
        }
        out
    }

    /// The rows of the report, sorted by code point, `null` last.
    #[must_use]
    pub fn into_breakdown(self, by: Vec<Dim>) -> Breakdown {
        let rows = self
            .groups
            .into_iter()
            .map(|(k, c)| BreakdownRow {
                keys: k.keys(),
                figures: Figures::from(c),
            })
            .collect();
        Breakdown { by, rows }
    }
}

/// A breakdown of the report (contract section 11).
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    /// The keys, in the order given.
    pub by: Vec<Dim>,
    /// One row per group met in a used row, zeros included.
    pub rows: Vec<BreakdownRow>,
}

/// One group of a breakdown: its keys, its counts and rates.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakdownRow {
    /// The value of each key (`None` for a dossier without one), in the order of `by`.
    pub keys: Vec<Option<String>>,
    /// The group's counts and rates.
    pub figures: Figures,
}

/// A breakdown row serialises as its keys by name, the counts, then `rates`; the names of
/// the keys come from the breakdown, so a row alone writes them as `key1`, `key2`.
impl Serialize for Breakdown {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("by", &self.by)?;
        let rows: Vec<RowOut<'_>> = self
            .rows
            .iter()
            .map(|r| RowOut {
                by: &self.by,
                row: r,
            })
            .collect();
        m.serialize_entry("rows", &rows)?;
        m.end()
    }
}

struct RowOut<'a> {
    by: &'a [Dim],
    row: &'a BreakdownRow,
}

impl Serialize for RowOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        for (dim, k) in self.by.iter().zip(&self.row.keys) {
            m.serialize_entry(dim.name(), k)?;
        }
        for (name, v) in Counts::NAMES.iter().zip(self.row.figures.counts.values()) {
            m.serialize_entry(name, &v)?;
        }
        m.serialize_entry::<str, Rates>("rates", &self.row.figures.rates)?;
        m.end()
    }
}
