//! Applying a profile: a source header mapped once to contract columns, and each row's
//! values rewritten (null tokens, value maps, defaults, derived fields, timestamp forms,
//! time limits in hours) into the contract's forms, before the row is checked.

use std::borrow::Cow;

use super::parse::key;
use super::{Profile, TimeLimitUnit};
use crate::record::{Column, Header, HeaderError};
use crate::text::trim;

/// The columns whose values are timestamps.
const TIMESTAMPS: [Column; 5] = [
    Column::NgayTiepNhan,
    Column::NgayHenTra,
    Column::NgayKetThucXuLy,
    Column::NgayTra,
    Column::NgayTiepNhanCoQuanGiaiQuyet,
];

/// One row's values in the contract's forms, by column: borrowed from the source unless a
/// profile rewrote them. Lives on the stack; reused row after row.
#[derive(Debug, Clone, Default)]
pub struct MappedValues<'a>([Cow<'a, str>; Column::COUNT]);

impl<'a> MappedValues<'a> {
    /// The value of a column (`""` when absent).
    #[must_use]
    pub fn get(&self, c: Column) -> &str {
        &self.0[c as usize]
    }

    /// Sets a column's value.
    pub fn set(&mut self, c: Column, v: Cow<'a, str>) {
        self.0[c as usize] = v;
    }
}

/// What a profile does to one column's values, found once per header so that a row's
/// values are not looked up in the profile's maps one by one.
#[derive(Debug, Clone, Copy, Default)]
struct Plan {
    /// The column's source field is the one a [`super::Derived`] names.
    derived: bool,
    default: bool,
    values: bool,
    /// Some key of the column's value map is a number (else a number is never looked up).
    numeric_keys: bool,
    timestamp: bool,
    hours: bool,
}

impl Plan {
    /// Whether the plan leaves a value as it is, null tokens apart.
    fn keeps(self) -> bool {
        !(self.derived || self.default || self.values || self.timestamp || self.hours)
    }

    /// What `profile` may do to the values of column `c` (never derived: that depends on
    /// the header).
    fn of(profile: &Profile, c: Column) -> Self {
        Self {
            derived: false,
            default: profile.defaults.contains_key(&c),
            values: profile.values.contains_key(&c),
            numeric_keys: profile
                .values
                .get(&c)
                .is_some_and(|m| m.keys().any(|k| is_number(k))),
            timestamp: TIMESTAMPS.contains(&c) && !profile.timestamp_forms.is_empty(),
            hours: c == Column::ThoiHanGiaiQuyet
                && matches!(profile.time_limit_unit, TimeLimitUnit::Hours { .. }),
        }
    }
}

/// Whether `s` is a non-empty run of ASCII digits (a code, a count, a status number).
fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The shortest and longest null token of a profile: most values are told apart from them
/// by their length alone.
fn null_lengths(profile: &Profile) -> (usize, usize) {
    let lengths = profile.null_tokens.iter().map(String::len);
    (
        lengths.clone().min().unwrap_or(usize::MAX),
        lengths.max().unwrap_or(0),
    )
}

/// One value of column `c` rewritten by profile `p` as `plan` says: a null token becomes
/// empty, an empty value takes the column's default, a value map applies, a timestamp form
/// converts, hours become working days. The one rule of [`map_value`] and of
/// [`MappedHeader::apply`].
fn rewrite<'a>(
    p: &'a Profile,
    plan: Plan,
    null_lengths: (usize, usize),
    c: Column,
    raw: &'a str,
) -> Cow<'a, str> {
    let t = trim(raw);
    let null = !t.is_empty()
        && (null_lengths.0..=null_lengths.1).contains(&t.len())
        && p.null_tokens.iter().any(|n| n.eq_ignore_ascii_case(t));
    let mut v: Cow<'a, str> = Cow::Borrowed(if null { "" } else { raw });
    if plan.default && (null || t.is_empty()) {
        if let Some(d) = p.defaults.get(&c) {
            v = Cow::Borrowed(d.as_str());
        }
    }
    // most sources already write numbers where a map turns words into numbers
    if plan.values && (plan.numeric_keys || !is_number(trim(&v))) {
        if let Some(map) = p.values.get(&c) {
            if let Some(to) = lookup(map, &v) {
                v = Cow::Borrowed(to);
            }
        }
    }
    // every timestamp form writes its date with '/' (`/Date(…)/`, `d/M/yyyy`…): a value
    // without one is left to the contract's forms without trying them
    if plan.timestamp && v.contains('/') {
        if let Some(t) = p.timestamp_forms.iter().find_map(|f| f.convert(&v)) {
            v = Cow::Owned(t);
        }
    }
    if plan.hours {
        if let TimeLimitUnit::Hours { per_day } = p.time_limit_unit {
            if let Some(days) = hours_to_days(&v, per_day) {
                v = Cow::Owned(days.to_string());
            }
        }
    }
    v
}

/// Where each contract column comes from in a source, and how its values are rewritten.
#[derive(Debug, Clone)]
pub struct MappedHeader {
    header: Header,
    /// Contract column ← source column name, for every column found (inspect, reports).
    mapping: Vec<(Column, String)>,
    profile: Profile,
    plain: bool,
    /// The columns the source has: contract column, source position, plan.
    present: Vec<(Column, usize, Plan)>,
    /// The columns the source lacks whose value is not empty: what an empty value becomes
    /// (a default), the same on every row.
    constants: Vec<(Column, String)>,
    /// The shortest and longest null token: most values are told apart by their length.
    null_lengths: (usize, usize),
}

impl MappedHeader {
    /// Maps a header row through `profile`: each contract column takes the first of its
    /// names (aliases, then its own) that the header has; every missing required column is
    /// reported at once, with the names the header has.
    pub fn new<'a>(
        profile: &Profile,
        names: impl IntoIterator<Item = &'a str>,
    ) -> Result<Self, HeaderError> {
        let found: Vec<String> = names
            .into_iter()
            .enumerate()
            .map(|(i, n)| {
                let n = if i == 0 {
                    n.trim_start_matches('\u{feff}')
                } else {
                    n
                };
                n.trim().to_owned()
            })
            .collect();
        if found.is_empty() || found.iter().all(String::is_empty) {
            return Err(HeaderError::Empty);
        }
        let matches = |wanted: &str, name: &str| {
            if profile.case_insensitive {
                super::nfc(wanted).to_lowercase() == super::nfc(name).to_lowercase()
            } else {
                wanted == name
            }
        };
        let mut slot: Vec<Option<Column>> = vec![None; found.len()];
        let mut mapping = Vec::new();
        let mut derived = Vec::new();
        for c in Column::ALL {
            let hit = profile.names_of(c).find_map(|want| {
                let mut at = found
                    .iter()
                    .enumerate()
                    .filter(|(i, n)| slot[*i].is_none() && matches(want, n));
                at.next().map(|(i, _)| (i, at.next().is_some()))
            });
            match hit {
                Some((_, true)) => return Err(HeaderError::DuplicateColumn(c.name())),
                Some((i, false)) => {
                    slot[i] = Some(c);
                    mapping.push((c, found[i].clone()));
                }
                None => {
                    if let Some(d) = profile.derived.get(&c) {
                        if let Some(i) = found.iter().position(|n| matches(&d.from, n)) {
                            if slot[i].is_none() {
                                slot[i] = Some(c);
                                derived.push(c);
                                mapping.push((c, found[i].clone()));
                            }
                        }
                    }
                }
            }
        }
        let translated: Vec<&str> = slot
            .iter()
            .map(|s| s.map_or("\u{0}", Column::name))
            .collect();
        let header = Header::new(translated).map_err(|e| match e {
            HeaderError::MissingColumns { missing, .. } => HeaderError::MissingColumns {
                missing,
                found: found.clone(),
            },
            other => other,
        })?;
        let mut plan = [Plan::default(); Column::COUNT];
        for c in Column::ALL {
            plan[c as usize] = Plan {
                derived: derived.contains(&c),
                ..Plan::of(profile, c)
            };
        }
        let null_lengths = null_lengths(profile);
        let plain = profile.maps_no_value();
        let mut present = Vec::new();
        let mut constants = Vec::new();
        for c in Column::ALL {
            let p = plan[c as usize];
            match header.index(c) {
                Some(i) => present.push((c, i, p)),
                None if !plain => {
                    let v = rewrite(profile, p, null_lengths, c, "");
                    if !v.is_empty() {
                        constants.push((c, v.into_owned()));
                    }
                }
                None => {}
            }
        }
        Ok(Self {
            header,
            mapping,
            plain,
            profile: profile.clone(),
            present,
            constants,
            null_lengths,
        })
    }

    /// The source column of a contract column, by position.
    #[must_use]
    pub fn source_of(&self, c: Column) -> Option<usize> {
        self.header.index(c)
    }

    /// The contract header over the source's positions (width = the source's).
    #[must_use]
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// Contract column ← source column name, in contract order.
    #[must_use]
    pub fn mapping(&self) -> &[(Column, String)] {
        &self.mapping
    }

    /// Whether values are taken as they are (no rewriting): the contract's fast path.
    #[must_use]
    pub fn is_plain(&self) -> bool {
        self.plain
    }

    /// The profile.
    #[must_use]
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// Empty values for [`MappedHeader::apply`].
    #[must_use]
    pub fn values<'a>(&self) -> MappedValues<'a> {
        MappedValues::default()
    }

    /// Fills `out` with one row's values in the contract's forms; `field` returns the text
    /// of a source column by position (`""` when the row is short).
    pub fn apply<'a>(&'a self, field: impl Fn(usize) -> &'a str, out: &mut MappedValues<'a>) {
        for (c, v) in &self.constants {
            out.0[*c as usize] = Cow::Borrowed(v.as_str());
        }
        let no_nulls = self.profile.null_tokens.is_empty();
        for &(c, i, plan) in &self.present {
            let raw = field(i);
            let slot = &mut out.0[c as usize];
            // a value left as it is is written in place: a `Cow` built in one branch and
            // moved after the others costs a stall on every column of every row
            if self.plain || (plan.keeps() && (no_nulls || !self.may_be_null(raw))) {
                *slot = Cow::Borrowed(raw);
            } else if plan.derived {
                *slot = derive(&self.profile, c, raw);
            } else {
                *slot = rewrite(&self.profile, plan, self.null_lengths, c, raw);
            }
        }
    }

    /// Whether `raw` may be a null token: its trimmed length is one a token has (false for
    /// nearly every value, told by [`trim`]'s fast path and a length).
    fn may_be_null(&self, raw: &str) -> bool {
        let t = trim(raw);
        !t.is_empty() && (self.null_lengths.0..=self.null_lengths.1).contains(&t.len())
    }
}

/// Column `c`'s value from the field its [`super::Derived`] names.
#[must_use]
pub fn derive<'a>(p: &'a Profile, c: Column, raw: &'a str) -> Cow<'a, str> {
    let Some(d) = p.derived.get(&c) else {
        return Cow::Borrowed(raw);
    };
    let raw = if p.is_null(raw) { "" } else { raw.trim() };
    if let Some(v) = d.map.get(&key(raw)) {
        return Cow::Borrowed(v);
    }
    match &d.otherwise {
        Some(v) => Cow::Borrowed(v),
        None => Cow::Borrowed(raw),
    }
}

/// The value map's entry for `v` (by [`key`]: trimmed, NFC, lower case); an ASCII value is
/// lowered on the stack instead of into a new string.
fn lookup<'m>(map: &'m std::collections::BTreeMap<String, String>, v: &str) -> Option<&'m str> {
    let t = v.trim();
    if t.is_empty() {
        return None;
    }
    let mut buf = [0u8; 64];
    if t.is_ascii() && t.len() <= buf.len() {
        let b = &mut buf[..t.len()];
        b.copy_from_slice(t.as_bytes());
        b.make_ascii_lowercase();
        let k = std::str::from_utf8(b).ok()?;
        return map.get(k).map(String::as_str);
    }
    map.get(&key(t)).map(String::as_str)
}

/// One value of column `c` rewritten by profile `p` into the contract's form (the
/// readers that map a whole header use [`MappedHeader::apply`], which plans this once per
/// column).
#[must_use]
pub fn map_value<'a>(p: &'a Profile, c: Column, raw: &'a str) -> Cow<'a, str> {
    if p.maps_no_value() {
        return Cow::Borrowed(raw);
    }
    rewrite(p, Plan::of(p, c), null_lengths(p), c, raw)
}

/// A limit in hours as the whole working days it covers, rounded up (`16` → 2, `20` → 3
/// at 8 a day); `None` when it is not a number of hours ≥ 0 (the row check then rejects it).
#[must_use]
pub fn hours_to_days(v: &str, per_day: u32) -> Option<u32> {
    let t = v.trim();
    let whole = t
        .strip_suffix(".0")
        .or_else(|| t.strip_suffix(",0"))
        .unwrap_or(t);
    let hours: u32 = whole.parse().ok()?;
    Some(hours.div_ceil(per_day.max(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values that touch every rule: null tokens in any case and with spaces, blanks,
    /// mapped words in NFC, NFD and upper case, timestamp forms, hours, non-ASCII.
    const VALUES: [&str; 22] = [
        "",
        "   ",
        "NULL",
        " null ",
        "N/a",
        "NULLX",
        "Đang xử lý",
        "ĐANG XỬ LÝ",
        "Đang xu\u{309} ly\u{301}",
        "done",
        " Done ",
        "Toàn trình",
        "Trực tuyến",
        "/Date(1712020500000)/",
        "4/2/2024 8:15:00 AM",
        "02/04/2024 8:15:00 SA",
        "16",
        "16.0",
        "20,0",
        "x",
        "10",
        "\u{feff}",
    ];

    fn profiles() -> Vec<Profile> {
        let mut v: Vec<Profile> = Profile::builtin_names()
            .iter()
            .map(|n| Profile::builtin(n).unwrap())
            .collect();
        v.push(
            Profile::from_toml(
                "name = \"t\"\nextends = \"sqlserver\"\ntime_limit_unit = \"hours\"\nhours_per_day = 8\nnull_tokens = [\"NULL\", \"\", \"-\"]\n[defaults]\nKenhThucHien = \"1\"\nMucDo = \"2\"\n",
                "t",
            )
            .unwrap(),
        );
        v
    }

    #[test]
    fn absent_columns_take_what_an_empty_value_becomes() {
        let names = [
            "MaHoSo",
            "DonViXuLy",
            "KenhThucHien",
            "NgayTiepNhan",
            "NgayHenTra",
            "TrangThaiHoSo",
        ];
        for p in profiles() {
            let m = MappedHeader::new(&p, names).unwrap();
            for raw in VALUES {
                let mut out = m.values();
                m.apply(|_| raw, &mut out);
                for c in Column::ALL {
                    let want = if m.source_of(c).is_some() {
                        map_value(&p, c, raw)
                    } else {
                        map_value(&p, c, "")
                    };
                    assert_eq!(out.get(c), want, "profile {}, column {c:?}", p.name);
                }
            }
        }
        // the last profile's default fills its absent column on every row
        let p = profiles().pop().unwrap();
        let m = MappedHeader::new(&p, names).unwrap();
        let mut out = m.values();
        m.apply(|_| "x", &mut out);
        assert_eq!(out.get(Column::MucDo), "2");
    }

    #[test]
    fn every_timestamp_form_needs_a_slash() {
        // what `rewrite` relies on to skip values without one
        for f in super::super::TimestampForm::ALL {
            assert!(f.name().contains('/'), "{}", f.name());
            assert_eq!(f.convert("2024-04-02 08:15:00"), None);
            assert_eq!(f.convert("20240402081500"), None);
        }
    }

    #[test]
    fn the_planned_mapping_gives_map_values_value_for_every_column() {
        let names: Vec<&str> = Column::ALL.iter().map(|c| c.name()).collect();
        for p in profiles() {
            let m = MappedHeader::new(&p, names.iter().copied()).unwrap();
            for raw in VALUES {
                let mut out = m.values();
                m.apply(|_| raw, &mut out);
                for c in Column::ALL {
                    let derived = m.present.iter().any(|&(x, _, p)| x == c && p.derived);
                    let want = if derived {
                        derive(&p, c, raw)
                    } else {
                        map_value(&p, c, raw)
                    };
                    assert_eq!(
                        out.get(c),
                        want,
                        "profile {}, column {c:?}, value {raw:?}",
                        p.name
                    );
                }
            }
        }
    }
}
