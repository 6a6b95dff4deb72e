//! Agency facts for grading (contract section 9): the units file, parsed from a header and
//! rows of text. Reading a file is `motcua-io`'s job; this module only checks values.
//!
//! ```
//! use motcua_core::grading::{Level, Units};
//! let units = Units::from_rows(
//!     ["DonViXuLy", "Cap", "CongKhai"],
//!     [(2, vec!["STP", "tinh", "1"]), (3, vec!["UBND-X", "xa", ""])],
//! ).unwrap();
//! assert_eq!(units.get("STP").unwrap().publication, 1);
//! assert_eq!(units.get("UBND-X").unwrap().level, Level::Xa);
//! assert_eq!(units.get("UBND-X").unwrap().publication, 2); // default
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Serialize;

pub use super::error::UnitsError;
use super::points::Ratio;

/// The administrative level of an agency (`Cap`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// `tinh`: provincial (the default).
    #[default]
    Tinh,
    /// `huyen`: district.
    Huyen,
    /// `xa`: commune.
    Xa,
    /// `bo`: ministry (indicator 5 uses the province threshold).
    Bo,
}

/// The first day of the two-tier local government (Resolution 202/2025/QH15): no district
/// level from then on.
pub const DISTRICTS_ENDED: (i32, u32, u32) = (2025, 7, 1);

/// [`DISTRICTS_ENDED`] as a date.
#[must_use]
pub fn districts_ended() -> NaiveDate {
    let (y, m, d) = DISTRICTS_ENDED;
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

impl Level {
    /// The code used in units files and rulebooks.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Tinh => "tinh",
            Self::Huyen => "huyen",
            Self::Xa => "xa",
            Self::Bo => "bo",
        }
    }

    /// Reads `tinh`/`huyen`/`xa`/`bo` (also `tỉnh`, `huyện`, `xã`, `bộ`, `province`,
    /// `district`, `commune`, `ministry`).
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_lowercase().as_str() {
            "tinh" | "tỉnh" | "province" | "provincial" => Some(Self::Tinh),
            "huyen" | "huyện" | "district" => Some(Self::Huyen),
            "xa" | "xã" | "commune" => Some(Self::Xa),
            "bo" | "bộ" | "ministry" => Some(Self::Bo),
            _ => None,
        }
    }
}

/// One row of the units file: the facts about one agency that dossiers do not carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitFacts {
    /// `DonViXuLy`: agency code, as in the dossiers.
    pub code: String,
    /// `TenDonVi`: agency name.
    pub name: Option<String>,
    /// `Cap`: level; default province.
    pub level: Level,
    /// `CongKhai`: publication of procedures, 0..=2; default 2.
    pub publication: u8,
    /// `TyLeGiaiQuyetTaiMotCua`: share of procedures received, appraised and approved at the
    /// desk; default 0.
    #[serde(serialize_with = "ratio_f64")]
    pub desk_share: Ratio,
    /// `TiepNhanDayDu`: all eligible procedures received and returned at the desk; default yes.
    pub full_desk_receipt: bool,
    /// `PhanAnhTiepNhan`: feedback and petitions received in the period.
    pub feedback_received: u64,
    /// `PhanAnhDungHan`: … of which handled on time.
    pub feedback_on_time: u64,
    /// `PhanAnhKeoDai`: … of which drawn out.
    pub feedback_drawn_out: u64,
    /// `SoTTHC`: procedures eligible for online service.
    pub procedures: u64,
    /// `SoTTHCMucDo34`: … of which offered at level 3/4.
    pub procedures_level34: u64,
    /// The national index's facts (optional columns, see [`super::IndexFacts`]).
    pub index: super::index_facts::IndexFacts,
    /// `HieuLucTu`: first day the agency exists (inclusive); `None` when not given.
    pub valid_from: Option<NaiveDate>,
    /// `HieuLucDen`: last day the agency exists (inclusive); `None` when not given.
    pub valid_to: Option<NaiveDate>,
    /// `DonViKeThua`: the code of the agency that took over its work.
    pub successor: Option<String>,
}

fn ratio_f64<S: serde::Serializer>(r: &Ratio, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(r.as_f64())
}

impl UnitFacts {
    /// An agency with every default of contract section 9.
    #[must_use]
    pub fn new(code: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            name: None,
            level: Level::Tinh,
            publication: 2,
            desk_share: Ratio::int(0),
            full_desk_receipt: true,
            feedback_received: 0,
            feedback_on_time: 0,
            feedback_drawn_out: 0,
            procedures: 0,
            procedures_level34: 0,
            index: super::index_facts::IndexFacts::default(),
            valid_from: None,
            valid_to: None,
            successor: None,
        }
    }
}

/// The columns of the units file, in the contract's order.
pub const COLUMNS: [&str; 14] = [
    "DonViXuLy",
    "TenDonVi",
    "Cap",
    "CongKhai",
    "TyLeGiaiQuyetTaiMotCua",
    "TiepNhanDayDu",
    "PhanAnhTiepNhan",
    "PhanAnhDungHan",
    "PhanAnhKeoDai",
    "SoTTHC",
    "SoTTHCMucDo34",
    "HieuLucTu",
    "HieuLucDen",
    "DonViKeThua",
];

/// Where each column of [`COLUMNS`] stands in a units file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitsHeader {
    index: [Option<usize>; 14],
    extra: super::index_facts::IndexColumns,
}

impl UnitsHeader {
    /// Checks a header row; unknown names are ignored, a leading BOM too.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Self, UnitsError> {
        let mut index = [None; 14];
        let mut found = Vec::new();
        for (i, raw) in names.into_iter().enumerate() {
            let name = if i == 0 {
                raw.trim_start_matches('\u{feff}')
            } else {
                raw
            };
            found.push(name.to_owned());
            if let Some(c) = COLUMNS.iter().position(|c| *c == name) {
                if index[c].is_some() {
                    return Err(UnitsError::DuplicateColumn(COLUMNS[c]));
                }
                index[c] = Some(i);
            }
        }
        if found.iter().all(String::is_empty) {
            return Err(UnitsError::Empty);
        }
        if index[0].is_none() {
            return Err(UnitsError::MissingCode { found });
        }
        let extra = super::index_facts::IndexColumns::new(found.iter().map(String::as_str));
        Ok(Self { index, extra })
    }

    /// Reads the row at `line`; missing or empty values take their defaults.
    pub fn parse_row(&self, line: u64, fields: &[&str]) -> Result<UnitFacts, UnitsError> {
        let get = |c: usize| {
            self.index[c]
                .and_then(|i| fields.get(i))
                .map_or("", |v| v.trim())
        };
        let err = |c: usize, message: String| UnitsError::Value {
            line,
            column: COLUMNS[c],
            message,
        };
        let whole = |c: usize| -> Result<Option<u64>, UnitsError> {
            let v = get(c);
            if v.is_empty() {
                return Ok(None);
            }
            v.parse::<u64>()
                .map(Some)
                .map_err(|_| err(c, format!("'{v}' is not a whole number ≥ 0")))
        };
        let code = get(0);
        if code.is_empty() {
            return Err(err(0, "missing value: DonViXuLy is required".into()));
        }
        if code.contains(char::is_control) {
            return Err(err(
                0,
                format!(
                    "agency code {code:?} contains a line break or control character (is a quote left open?)"
                ),
            ));
        }
        let mut u = UnitFacts::new(code);
        u.name = Some(get(1)).filter(|s| !s.is_empty()).map(str::to_owned);
        if !get(2).is_empty() {
            u.level = Level::parse(get(2)).ok_or_else(|| {
                err(
                    2,
                    format!(
                        "'{}' is not a level (expected tinh, xa, bo, or huyen for history)",
                        get(2)
                    ),
                )
            })?;
        }
        if let Some(p) = whole(3)? {
            if p > 2 {
                return Err(err(
                    3,
                    format!(
                        "'{p}' is not a publication code (expected 2 posted and electronic, 1 one of them, 0 not accurate/complete/timely)"
                    ),
                ));
            }
            u.publication = p as u8;
        }
        if !get(4).is_empty() {
            let r = Ratio::parse(get(4)).map_err(|m| err(4, m))?;
            if r > Ratio::int(1) {
                return Err(err(
                    4,
                    format!(
                        "'{}' is above 1: give a share between 0 and 1 (or a percentage)",
                        get(4)
                    ),
                ));
            }
            u.desk_share = r;
        }
        match get(5) {
            "" => {}
            "1" => u.full_desk_receipt = true,
            "0" => u.full_desk_receipt = false,
            v => {
                return Err(err(
                    5,
                    format!("'{v}' is not a flag (expected 1 yes or 0 no)"),
                ));
            }
        }
        u.feedback_received = whole(6)?.unwrap_or(0);
        u.feedback_on_time = whole(7)?.unwrap_or(0);
        u.feedback_drawn_out = whole(8)?.unwrap_or(0);
        for c in [7, 8] {
            let v = if c == 7 {
                u.feedback_on_time
            } else {
                u.feedback_drawn_out
            };
            if v > u.feedback_received {
                return Err(err(
                    c,
                    format!(
                        "{v} is more than the {} received (PhanAnhTiepNhan)",
                        u.feedback_received
                    ),
                ));
            }
        }
        u.procedures = whole(9)?.unwrap_or(0);
        u.procedures_level34 = whole(10)?.unwrap_or(0);
        if u.procedures_level34 > u.procedures {
            return Err(err(
                10,
                format!(
                    "{} is more than the {} eligible procedures (SoTTHC)",
                    u.procedures_level34, u.procedures
                ),
            ));
        }
        let day = |c: usize| -> Result<Option<NaiveDate>, UnitsError> {
            let v = get(c);
            if v.is_empty() {
                return Ok(None);
            }
            crate::timestamp::Timestamp::parse(v)
                .map(|t| Some(t.date))
                .map_err(|_| {
                    err(
                        c,
                        format!("'{v}' is not a date (write 2025-07-01 or 01/07/2025)"),
                    )
                })
        };
        u.valid_from = day(11)?;
        u.valid_to = day(12)?;
        if let (Some(f), Some(t)) = (u.valid_from, u.valid_to) {
            if t < f {
                return Err(err(12, format!("{t} is before HieuLucTu {f}")));
            }
        }
        if u.level == Level::Huyen && u.valid_from.is_some_and(|f| f >= districts_ended()) {
            return Err(err(
                11,
                format!(
                    "a district agency (Cap = huyen) cannot start on {}: the district level ended on 2025-06-30 (use xa or tinh)",
                    u.valid_from.expect("checked")
                ),
            ));
        }
        u.successor = Some(get(13)).filter(|s| !s.is_empty()).map(str::to_owned);
        if u.successor.as_deref() == Some(u.code.as_str()) {
            return Err(err(
                13,
                format!("agency '{}' cannot be its own successor", u.code),
            ));
        }
        u.index = self.extra.parse(line, fields)?;
        Ok(u)
    }
}

/// The facts of every agency in a units file, by code, with the line each came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Units {
    by_code: BTreeMap<String, (u64, UnitFacts)>,
}

impl Units {
    /// No facts: every agency takes the defaults.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the facts read at `line`; an agency given twice is an error.
    pub fn insert(&mut self, line: u64, facts: UnitFacts) -> Result<(), UnitsError> {
        if let Some((first, _)) = self.by_code.get(&facts.code) {
            return Err(UnitsError::Duplicate {
                line,
                code: facts.code,
                first: *first,
            });
        }
        self.by_code.insert(facts.code.clone(), (line, facts));
        Ok(())
    }

    /// Parses a header and numbered rows of text (the header is line 1).
    pub fn from_rows<'a, R, F>(
        header: impl IntoIterator<Item = &'a str>,
        rows: R,
    ) -> Result<Self, UnitsError>
    where
        R: IntoIterator<Item = (u64, F)>,
        F: AsRef<[&'a str]>,
    {
        let header = UnitsHeader::new(header)?;
        let mut units = Self::new();
        for (line, fields) in rows {
            units.insert(line, header.parse_row(line, fields.as_ref())?)?;
        }
        Ok(units)
    }

    /// The facts of an agency, if given.
    #[must_use]
    pub fn get(&self, code: &str) -> Option<&UnitFacts> {
        self.by_code.get(code).map(|(_, u)| u)
    }

    /// Each agency with a `DonViKeThua`, mapped to its last successor (chains followed).
    pub fn successors(
        &self,
    ) -> Result<BTreeMap<String, String>, crate::successors::SuccessorError> {
        crate::successors::resolve(
            self.iter()
                .filter_map(|u| u.successor.as_deref().map(|s| (u.code.as_str(), s))),
        )
    }

    /// Warnings for a period ending on `period_end`: every district agency (`Cap = huyen`)
    /// without validity dates used for a period ending after 2025-06-30 (contract section 9a),
    /// naming its line.
    #[must_use]
    pub fn level_warnings(&self, period_end: NaiveDate) -> Vec<String> {
        if period_end < districts_ended() {
            return Vec::new();
        }
        self.by_code
            .values()
            .filter(|(_, u)| u.level == Level::Huyen && u.valid_from.is_none() && u.valid_to.is_none())
            .map(|(line, u)| {
                format!(
                    "units line {line}: agency '{}' is a district agency (Cap = huyen) without HieuLucTu/HieuLucDen, used for a period ending {period_end}, after the district level ended on 2025-06-30; give its dates or its level after the reorganisation",
                    u.code
                )
            })
            .collect()
    }

    /// Every agency, sorted by code.
    pub fn iter(&self) -> impl Iterator<Item = &UnitFacts> {
        self.by_code.values().map(|(_, u)| u)
    }

    /// The agencies' codes in the order of the units file's lines (the order of the forms).
    #[must_use]
    pub fn codes_in_file_order(&self) -> Vec<String> {
        let mut v: Vec<(u64, &str)> = self
            .by_code
            .values()
            .map(|(line, u)| (*line, u.code.as_str()))
            .collect();
        v.sort_unstable();
        v.into_iter().map(|(_, c)| c.to_owned()).collect()
    }

    /// Number of agencies.
    #[must_use]
    pub fn len(&self) -> usize {
        self.by_code.len()
    }

    /// Whether no agency is given.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.by_code.is_empty()
    }

    /// The units file as CSV text (all columns, RFC 4180 quoting), sorted by code.
    #[must_use]
    pub fn to_csv(&self) -> String {
        let q = crate::format::csv_field;
        let mut out = COLUMNS.join(",");
        for f in super::index_facts::IndexFact::ALL {
            out.push(',');
            out.push_str(f.column());
        }
        out.push('\n');
        let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        for u in self.iter() {
            let _ = writeln!(
                out,
                "{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
                q(&u.code),
                q(u.name.as_deref().unwrap_or("")),
                u.level.code(),
                u.publication,
                u.desk_share,
                u8::from(u.full_desk_receipt),
                if u.index.petitions_given || u.feedback_received > 0 {
                    u.feedback_received.to_string()
                } else {
                    String::new()
                },
                u.feedback_on_time,
                u.feedback_drawn_out,
                u.procedures,
                u.procedures_level34,
                day(u.valid_from),
                day(u.valid_to),
                q(u.successor.as_deref().unwrap_or(""))
            );
            out.pop();
            for v in u.index.fields() {
                out.push(',');
                out.push_str(&v);
            }
            out.push('\n');
        }
        out
    }
}

impl FromIterator<UnitFacts> for Units {
    /// Collects facts; a later entry for the same code replaces an earlier one.
    fn from_iter<I: IntoIterator<Item = UnitFacts>>(it: I) -> Self {
        let mut by_code = BTreeMap::new();
        for (i, u) in it.into_iter().enumerate() {
            by_code.insert(u.code.clone(), (i as u64 + 2, u));
        }
        Self { by_code }
    }
}
