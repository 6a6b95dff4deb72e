//! Python values in: dates, timestamps, periods, calendars, paths.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use motcua_core::calendar::Calendar;
use motcua_core::period::Period;
use motcua_core::timestamp::{Timestamp, VN_OFFSET_SECONDS};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};

use crate::calendar::PyCalendar;
use crate::errors::{MotcuaError, PeriodError, period_error};

/// A point in time given from Python: `datetime.datetime` (naive = local Vietnamese time;
/// aware = converted to UTC+7), `datetime.date`, or text in one of the contract's forms.
pub fn timestamp(ob: &Bound<'_, PyAny>) -> PyResult<Timestamp> {
    if let Ok(s) = ob.cast::<PyString>() {
        let s = s.to_cow()?;
        return Timestamp::parse(&s).map_err(|e| MotcuaError::new_err(e.to_string()));
    }
    if let Ok(dt) = ob.extract::<DateTime<FixedOffset>>() {
        let vn = FixedOffset::east_opt(VN_OFFSET_SECONDS).expect("UTC+7 is an offset");
        return Ok(Timestamp::from_datetime(
            dt.with_timezone(&vn).naive_local(),
        ));
    }
    if let Ok(dt) = ob.extract::<NaiveDateTime>() {
        return Ok(Timestamp::from_datetime(dt));
    }
    if let Ok(d) = ob.extract::<NaiveDate>() {
        return Ok(Timestamp::from_date(d));
    }
    Err(PyTypeError::new_err(format!(
        "expected a date, a datetime or text such as '2021-07-01' or '2021-07-01 09:30', got {}",
        ob.get_type().name()?
    )))
}

/// A date given from Python (see [`timestamp`]; a datetime gives its date in UTC+7).
pub fn date(ob: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
    timestamp(ob).map(|t| t.date)
}

/// A period: text (`2021-Q3`, `2021-07`, `2021`, `2021-07-01..2021-09-30`) or a pair
/// `(from, to)` of dates (or date texts).
pub fn period(ob: &Bound<'_, PyAny>) -> PyResult<Period> {
    if let Ok(s) = ob.cast::<PyString>() {
        return s.to_cow()?.parse::<Period>().map_err(|e| period_error(&e));
    }
    let pair = ob
        .cast::<PyTuple>()
        .ok()
        .filter(|t| t.len() == 2)
        .map(|t| (t.get_item(0), t.get_item(1)))
        .or_else(|| {
            ob.extract::<(Bound<'_, PyAny>, Bound<'_, PyAny>)>()
                .ok()
                .map(|(a, b)| (Ok(a), Ok(b)))
        });
    match pair {
        Some((a, b)) => {
            let from = date(&a?).map_err(|e| PeriodError::new_err(format!("period start: {e}")))?;
            let to = date(&b?).map_err(|e| PeriodError::new_err(format!("period end: {e}")))?;
            Period::range(from, to).map_err(|e| period_error(&e))
        }
        None => Err(PeriodError::new_err(format!(
            "a period is text ('2021-Q3', '2021-07', '2021', '2021-07-01..2021-09-30') or a pair (from, to) of dates, not {}",
            ob.get_type().name()?
        ))),
    }
}

/// A file path: `str` or `os.PathLike`.
pub fn path(ob: &Bound<'_, PyAny>) -> PyResult<PathBuf> {
    ob.extract::<PathBuf>()
}

/// A calendar argument: `None` (the built-in Vietnamese calendar), a [`PyCalendar`], the
/// name of a built-in calendar (`"vn"`, `"blank"`), a TOML file path or TOML text.
pub fn calendar(ob: Option<&Bound<'_, PyAny>>) -> PyResult<Calendar> {
    let Some(ob) = ob.filter(|o| !o.is_none()) else {
        return Ok(Calendar::vn());
    };
    if let Ok(c) = ob.cast::<PyCalendar>() {
        return Ok(c.get().inner.clone());
    }
    if let Ok(s) = ob.cast::<PyString>() {
        if let Some(c) = Calendar::builtin(s.to_cow()?.trim()) {
            return Ok(c);
        }
    }
    PyCalendar::from_source(ob).map(|c| c.inner)
}
