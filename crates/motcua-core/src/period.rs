//! Reporting periods: a month (`2021-07`), a quarter (`2021-Q3`), a year (`2021`), or any
//! closed range of dates (`2021-07-01..2021-09-30`).
//!
//! ```
//! use motcua_core::period::Period;
//! let q3: Period = "2021-Q3".parse().unwrap();
//! assert_eq!(q3.from().to_string(), "2021-07-01");
//! assert_eq!(q3.to().to_string(), "2021-09-30");
//! assert_eq!(q3.previous().unwrap().to_string(), "2021-Q2");
//! assert_eq!("2021-01".parse::<Period>().unwrap().previous().unwrap().to_string(), "2020-12");
//! ```

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A period that cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PeriodError {
    /// The text is none of the accepted forms.
    #[error(
        "cannot read period '{0}': use a quarter (2021-Q3), a month (2021-07), a year (2021) \
         or a date range (2021-07-01..2021-09-30)"
    )]
    Format(String),
    /// A range whose end is before its start.
    #[error("period ends ({to}) before it starts ({from})")]
    Reversed {
        /// First day.
        from: NaiveDate,
        /// Last day.
        to: NaiveDate,
    },
    /// A year, month or quarter out of range.
    #[error("period '{0}' is out of range (years 1..9999, months 01..12, quarters Q1..Q4)")]
    OutOfRange(String),
    /// A series step other than month or quarter.
    #[error("unknown series step '{0}': use month or quarter")]
    Step(String),
}

/// The step of a series (`--every`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Calendar months.
    Month,
    /// Calendar quarters.
    Quarter,
}

impl FromStr for Step {
    type Err = PeriodError;
    fn from_str(s: &str) -> Result<Self, PeriodError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "month" | "thang" | "tháng" => Ok(Self::Month),
            "quarter" | "quy" | "quý" => Ok(Self::Quarter),
            _ => Err(PeriodError::Step(s.trim().to_owned())),
        }
    }
}

/// The kind of a period, which decides what its previous period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// A calendar month.
    Month,
    /// A calendar quarter.
    Quarter,
    /// A calendar year.
    Year,
    /// Any other range of dates.
    Range,
}

/// A closed range of dates `[from, to]`, remembering whether it is a month, quarter or year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    from: NaiveDate,
    to: NaiveDate,
    kind: PeriodKind,
}

impl Period {
    /// A range of dates; it is recognised as a month, quarter or year when it is exactly one.
    pub fn range(from: NaiveDate, to: NaiveDate) -> Result<Self, PeriodError> {
        if !in_years(from) || !in_years(to) {
            return Err(PeriodError::OutOfRange(format!("{from}..{to}")));
        }
        if to < from {
            return Err(PeriodError::Reversed { from, to });
        }
        let kind = classify(from, to);
        Ok(Self { from, to, kind })
    }

    /// Quarter `q` (1..=4) of `year`.
    pub fn quarter(year: i32, q: u32) -> Result<Self, PeriodError> {
        if !(1..=4).contains(&q) || !(1..=9999).contains(&year) {
            return Err(PeriodError::OutOfRange(format!("{year}-Q{q}")));
        }
        let from = ymd(year, (q - 1) * 3 + 1, 1)
            .ok_or_else(|| PeriodError::OutOfRange(format!("{year}-Q{q}")))?;
        let to = month_end(year, q * 3)
            .ok_or_else(|| PeriodError::OutOfRange(format!("{year}-Q{q}")))?;
        Ok(Self {
            from,
            to,
            kind: PeriodKind::Quarter,
        })
    }

    /// Month `m` (1..=12) of `year`.
    pub fn month(year: i32, m: u32) -> Result<Self, PeriodError> {
        let err = || PeriodError::OutOfRange(format!("{year}-{m:02}"));
        if !(1..=9999).contains(&year) {
            return Err(err());
        }
        let from = ymd(year, m, 1).ok_or_else(err)?;
        let to = month_end(year, m).ok_or_else(err)?;
        Ok(Self {
            from,
            to,
            kind: PeriodKind::Month,
        })
    }

    /// The calendar year `year`.
    pub fn year(year: i32) -> Result<Self, PeriodError> {
        let err = || PeriodError::OutOfRange(year.to_string());
        if !(1..=9999).contains(&year) {
            return Err(err());
        }
        let from = ymd(year, 1, 1).ok_or_else(err)?;
        let to = ymd(year, 12, 31).ok_or_else(err)?;
        Ok(Self {
            from,
            to,
            kind: PeriodKind::Year,
        })
    }

    /// First day.
    #[must_use]
    pub const fn from(&self) -> NaiveDate {
        self.from
    }

    /// Last day (included).
    #[must_use]
    pub const fn to(&self) -> NaiveDate {
        self.to
    }

    /// Month, quarter, year or range.
    #[must_use]
    pub const fn kind(&self) -> PeriodKind {
        self.kind
    }

    /// Whether `d` lies in the period.
    #[must_use]
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }

    /// Number of days in the period.
    #[must_use]
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// The period of the same kind just before: previous month, quarter or year.
    /// A plain range has none.
    #[must_use]
    pub fn previous(&self) -> Option<Self> {
        let (y, m) = (self.from.year(), self.from.month());
        match self.kind {
            PeriodKind::Month => {
                let (py, pm) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
                Self::month(py, pm).ok()
            }
            PeriodKind::Quarter => {
                let q = (m - 1) / 3 + 1;
                let (py, pq) = if q == 1 { (y - 1, 4) } else { (y, q - 1) };
                Self::quarter(py, pq).ok()
            }
            PeriodKind::Year => Self::year(y - 1).ok(),
            PeriodKind::Range => None,
        }
    }

    /// The same period a year earlier (`--compare last-year`): the same month, quarter or
    /// year, or the same dates (29 February becomes 28 February).
    #[must_use]
    pub fn year_earlier(&self) -> Option<Self> {
        let back = |d: NaiveDate| {
            d.with_year(d.year() - 1)
                .or_else(|| d.with_day(28).and_then(|d| d.with_year(d.year() - 1)))
        };
        Self::range(back(self.from)?, back(self.to)?).ok()
    }

    /// The calendar months (or quarters) that meet the period, each clipped to it, in order
    /// (the steps of a series, contract section 11).
    #[must_use]
    pub fn steps(&self, every: Step) -> Vec<Self> {
        let mut out = Vec::new();
        let (mut y, mut m) = (self.from.year(), self.from.month());
        if every == Step::Quarter {
            m = (m - 1) / 3 * 3 + 1;
        }
        while let Some(start) = ymd(y, m, 1) {
            if start > self.to {
                break;
            }
            let len = if every == Step::Quarter { 3 } else { 1 };
            let (ny, nm) = if m + len > 12 {
                (y + 1, m + len - 12)
            } else {
                (y, m + len)
            };
            let end = ymd(ny, nm, 1).and_then(|d| d.pred_opt()).unwrap_or(self.to);
            if let Ok(p) = Self::range(start.max(self.from), end.min(self.to)) {
                out.push(p);
            }
            (y, m) = (ny, nm);
        }
        out
    }

    /// A Vietnamese name: "quý III năm 2021", "tháng 7 năm 2021", "năm 2021",
    /// "từ ngày 01/07/2021 đến ngày 30/09/2021".
    #[must_use]
    pub fn label_vi(&self) -> String {
        let y = self.from.year();
        match self.kind {
            PeriodKind::Quarter => format!("quý {} năm {y}", roman(quarter_of(self.from))),
            PeriodKind::Month => format!("tháng {} năm {y}", self.from.month()),
            PeriodKind::Year => format!("năm {y}"),
            PeriodKind::Range => format!(
                "từ ngày {} đến ngày {}",
                self.from.format("%d/%m/%Y"),
                self.to.format("%d/%m/%Y")
            ),
        }
    }

    /// An English name: "Q3 2021", "July 2021", "2021", "1 Jul 2021 – 30 Sep 2021".
    #[must_use]
    pub fn label_en(&self) -> String {
        let y = self.from.year();
        match self.kind {
            PeriodKind::Quarter => format!("Q{} {y}", quarter_of(self.from)),
            PeriodKind::Month => self.from.format("%B %Y").to_string(),
            PeriodKind::Year => y.to_string(),
            PeriodKind::Range => format!(
                "{} – {}",
                self.from.format("%-d %b %Y"),
                self.to.format("%-d %b %Y")
            ),
        }
    }
}

/// Roman numeral of a quarter, as Vietnamese reports write it ("quý III").
#[must_use]
pub fn roman(q: u32) -> &'static str {
    match q {
        1 => "I",
        2 => "II",
        3 => "III",
        _ => "IV",
    }
}

fn quarter_of(d: NaiveDate) -> u32 {
    (d.month() - 1) / 3 + 1
}

/// Whether a date is within the years 1 to 9999, the years a period may cover.
fn in_years(d: NaiveDate) -> bool {
    (1..=9999).contains(&d.year())
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    ymd(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .filter(|_| (1..=12).contains(&m))
}

fn classify(from: NaiveDate, to: NaiveDate) -> PeriodKind {
    let (y, m) = (from.year(), from.month());
    if from.day() != 1 {
        return PeriodKind::Range;
    }
    if month_end(y, m) == Some(to) {
        PeriodKind::Month
    } else if m % 3 == 1 && month_end(y, m + 2) == Some(to) {
        PeriodKind::Quarter
    } else if m == 1 && ymd(y, 12, 31) == Some(to) {
        PeriodKind::Year
    } else {
        PeriodKind::Range
    }
}

impl FromStr for Period {
    type Err = PeriodError;

    fn from_str(text: &str) -> Result<Self, PeriodError> {
        let s = text.trim();
        let fmt_err = || PeriodError::Format(s.to_owned());
        let oor = || PeriodError::OutOfRange(s.to_owned());
        for sep in ["..", "/", " to "] {
            if let Some((a, b)) = s.split_once(sep) {
                let a = NaiveDate::parse_from_str(a.trim(), "%Y-%m-%d").map_err(|_| fmt_err())?;
                let b = NaiveDate::parse_from_str(b.trim(), "%Y-%m-%d").map_err(|_| fmt_err())?;
                return Self::range(a, b);
            }
        }
        let bytes = s.as_bytes();
        let all_digits = |b: &[u8]| !b.is_empty() && b.iter().all(u8::is_ascii_digit);
        if bytes.len() == 4 && all_digits(bytes) {
            return Self::year(s.parse().map_err(|_| fmt_err())?);
        }
        if bytes.len() == 7 && bytes[4] == b'-' && all_digits(&bytes[..4]) {
            let y: i32 = s[..4].parse().map_err(|_| fmt_err())?;
            if matches!(bytes[5], b'Q' | b'q') && bytes[6].is_ascii_digit() {
                return Self::quarter(y, u32::from(bytes[6] - b'0')).map_err(|_| oor());
            }
            if all_digits(&bytes[5..]) {
                return Self::month(y, s[5..].parse().map_err(|_| fmt_err())?).map_err(|_| oor());
            }
        }
        if bytes.len() == 10 {
            if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                return Self::range(d, d);
            }
        }
        Err(fmt_err())
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            PeriodKind::Quarter => write!(f, "{}-Q{}", self.from.year(), quarter_of(self.from)),
            PeriodKind::Month => write!(f, "{}-{:02}", self.from.year(), self.from.month()),
            PeriodKind::Year => write!(f, "{}", self.from.year()),
            PeriodKind::Range => write!(f, "{}..{}", self.from, self.to),
        }
    }
}

/// `{"from": "2021-07-01", "to": "2021-09-30"}`, as contract section 7 prints it.
impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Period", 2)?;
        st.serialize_field("from", &self.from)?;
        st.serialize_field("to", &self.to)?;
        st.end()
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            from: NaiveDate,
            to: NaiveDate,
        }
        let raw = Raw::deserialize(d)?;
        Self::range(raw.from, raw.to).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    #[test]
    fn parses_each_kind() {
        assert_eq!(p("2021-Q3").kind(), PeriodKind::Quarter);
        assert_eq!(p("2021-q1").to().to_string(), "2021-03-31");
        assert_eq!(p("2024-02").to().to_string(), "2024-02-29");
        assert_eq!(p("2021").kind(), PeriodKind::Year);
        let r = p("2021-07-05..2021-07-20");
        assert_eq!(r.kind(), PeriodKind::Range);
        assert_eq!(r.days(), 16);
        assert_eq!(p("2021-07-01..2021-09-30").kind(), PeriodKind::Quarter);
        assert_eq!(p("2021-07-01/2021-07-31").kind(), PeriodKind::Month);
        assert_eq!(p("2021-07-01").days(), 1);
    }

    #[test]
    fn previous_of_each_kind() {
        assert_eq!(p("2021-Q1").previous().unwrap().to_string(), "2020-Q4");
        assert_eq!(p("2021-Q3").previous().unwrap().to_string(), "2021-Q2");
        assert_eq!(p("2021-03").previous().unwrap().to_string(), "2021-02");
        assert_eq!(p("2021").previous().unwrap().to_string(), "2020");
        assert!(p("2021-07-05..2021-07-20").previous().is_none());
        // nothing before year 1
        assert!(p("0001-Q1").previous().is_none());
        assert!(p("0001-01").previous().is_none());
        assert!(p("0001").previous().is_none());
    }

    #[test]
    fn periods_stay_within_years_1_to_9999() {
        for bad in [
            "0000-01-01..0000-12-31",
            "0000-Q4",
            "0000-12",
            "0000",
            "0-1-1..0-1-1",
        ] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert!(matches!(
            Period::range(d(0, 12, 31), d(1, 1, 1)),
            Err(PeriodError::OutOfRange(_))
        ));
        assert!(Period::range(d(9999, 12, 31), d(10000, 1, 1)).is_err());
        assert_eq!(p("9999-Q4").to_string(), "9999-Q4");
        assert_eq!(
            p("0001-01-01..9999-12-31").to_string(),
            "0001-01-01..9999-12-31"
        );
    }

    #[test]
    fn bad_periods_say_what_to_write() {
        for bad in [
            "",
            "Q3",
            "2021-Q5",
            "2021-13",
            "21-07",
            "2021-07-32",
            "2021-09-30..2021-07-01",
            "x..y",
        ] {
            let e = bad.parse::<Period>().unwrap_err();
            assert!(!e.to_string().is_empty(), "{bad}");
        }
        assert!(matches!(
            "2021-Q5".parse::<Period>(),
            Err(PeriodError::OutOfRange(_))
        ));
        assert!(matches!(
            "2021-09-30..2021-07-01".parse::<Period>(),
            Err(PeriodError::Reversed { .. })
        ));
    }

    #[test]
    fn labels() {
        assert_eq!(p("2021-Q3").label_vi(), "quý III năm 2021");
        assert_eq!(p("2021-Q2").label_en(), "Q2 2021");
        assert_eq!(p("2021-07").label_vi(), "tháng 7 năm 2021");
        assert_eq!(
            serde_json::to_string(&p("2021-Q3")).unwrap(),
            r#"{"from":"2021-07-01","to":"2021-09-30"}"#
        );
    }
}
