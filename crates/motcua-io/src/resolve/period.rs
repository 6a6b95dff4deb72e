//! The period of a request: a period text in any form of the contract, or a first and a
//! last day in any timestamp form of the contract (section 2); and the year guard.

use motcua_core::period::Period;

use super::ResolveError;

/// How a user gave the period: `period` alone, or `from` and `to`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PeriodSpec<'a> {
    /// A month (2021-07), quarter (2021-Q3), year (2021) or range (2021-07-01..2021-09-30).
    pub period: Option<&'a str>,
    /// The first day, in any timestamp form of the contract.
    pub from: Option<&'a str>,
    /// The last day, in any timestamp form of the contract.
    pub to: Option<&'a str>,
}

fn day(s: &str, which: &str) -> Result<chrono::NaiveDate, ResolveError> {
    motcua_core::record::parse_date(s)
        .map_err(|e| ResolveError::Period(format!("{which} '{s}' is not a date: {e}")))
}

/// The period given.
///
/// ```
/// use motcua_io::resolve::{PeriodSpec, period};
/// let p = period(&PeriodSpec { from: Some("20210701000000"), to: Some("30/09/2021"), period: None }).unwrap();
/// assert_eq!(p.to_string(), "2021-Q3");
/// assert!(period(&PeriodSpec::default()).is_err());
/// ```
pub fn period(spec: &PeriodSpec<'_>) -> Result<Period, ResolveError> {
    match (spec.period, spec.from, spec.to) {
        (Some(p), None, None) => p
            .parse::<Period>()
            .map_err(|e| ResolveError::Period(e.to_string())),
        (None, Some(f), Some(t)) => {
            Period::range(day(f, "from")?, day(t, "to")?)
                .map_err(|e| ResolveError::Period(e.to_string()))
        }
        (None, None, None) => Err(ResolveError::Period(
            "give a period: period 2021-Q3 (or 2021-07, 2021, 2021-07-01..2021-09-30), or from and to (two dates)"
                .to_owned(),
        )),
        (Some(_), _, _) => Err(ResolveError::Period(
            "give either a period or from and to, not both".to_owned(),
        )),
        _ => Err(ResolveError::Period("from and to go together".to_owned())),
    }
}

/// A calendar year, from 1 to 9999.
pub fn calendar_year(year: i64) -> Result<i32, ResolveError> {
    if (1..=9999).contains(&year) {
        Ok(year as i32)
    } else {
        Err(ResolveError::Argument(format!(
            "year {year} is out of range: give a year from 1 to 9999"
        )))
    }
}
