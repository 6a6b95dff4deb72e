//! Python values in: dates, timestamps, periods, calendars, paths.

use std::borrow::Cow;
use std::path::PathBuf;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime};
use motcua_core::calendar::Calendar;
use motcua_core::period::Period;
use motcua_core::timestamp::{Timestamp, VN_OFFSET_SECONDS};
use motcua_io::resolve::ResolveError;
use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};

use crate::calendar::PyCalendar;
use crate::errors::{MotcuaError, PeriodError, period_error, resolve_error};

/// The text of a Python `str`. A `str` holding a lone surrogate (`"\ud800"`) has no UTF-8
/// form: that is an `ArgumentError`, not Python's `UnicodeEncodeError`.
pub fn text<'a>(s: &'a Bound<'_, PyString>) -> PyResult<Cow<'a, str>> {
    s.to_cow().map_err(|_| {
        let shown = shown(s.as_any());
        argument_error(
            s.py(),
            format!("{shown} is not Unicode text: it holds a lone surrogate"),
        )
    })
}

/// A `str` argument, read with [`text`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Text(pub String);

impl<'a, 'py> FromPyObject<'a, 'py> for Text {
    type Error = PyErr;

    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let s = ob.cast::<PyString>()?;
        text(&s).map(|t| Self(t.into_owned()))
    }
}

impl std::ops::Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Self(s.to_owned())
    }
}

impl From<Text> for String {
    fn from(t: Text) -> Self {
        t.0
    }
}

/// The range of a whole-number argument.
pub trait Bounds: TryFrom<i128> {
    /// The smallest value.
    const MIN: i128;
    /// The largest value.
    const MAX: i128;
}

macro_rules! bounds {
    ($($t:ty),*) => {$(
        #[allow(clippy::cast_lossless)]
        impl Bounds for $t {
            const MIN: i128 = <$t>::MIN as i128;
            const MAX: i128 = <$t>::MAX as i128;
        }
    )*};
}
bounds!(u32, u64, usize, i32, i64);

/// A whole-number argument: a Python `int` outside the range of `T` is an `ArgumentError`
/// naming the range, not Python's `OverflowError`.
#[derive(Clone, Copy)]
pub struct Int<T>(pub T);

impl<'a, 'py, T: Bounds> FromPyObject<'a, 'py> for Int<T> {
    type Error = PyErr;

    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let wide = match ob.extract::<i128>() {
            Ok(v) => Some(v),
            Err(e) if e.is_instance_of::<PyOverflowError>(ob.py()) => None,
            Err(e) => return Err(e),
        };
        wide.and_then(|v| T::try_from(v).ok())
            .map(Self)
            .ok_or_else(|| {
                argument_error(
                    ob.py(),
                    format!(
                        "{} is out of range: give a whole number from {} to {}",
                        shown(&ob),
                        T::MIN,
                        T::MAX
                    ),
                )
            })
    }
}

/// A value as an error message shows it: its `repr`, cut after 40 characters.
fn shown(ob: &Bound<'_, PyAny>) -> String {
    let r = ob
        .repr()
        .map_or_else(|_| "the value".to_owned(), |r| r.to_string());
    if r.chars().count() > 40 {
        format!("{}…", r.chars().take(40).collect::<String>())
    } else {
        r
    }
}

fn argument_error(py: Python<'_>, message: String) -> PyErr {
    resolve_error(py, &ResolveError::Argument(message))
}

/// A point in time given from Python: `datetime.datetime` (naive = local Vietnamese time;
/// aware = converted to UTC+7), `datetime.date`, or text in one of the contract's forms.
pub fn timestamp(ob: &Bound<'_, PyAny>) -> PyResult<Timestamp> {
    if let Ok(s) = ob.cast::<PyString>() {
        let s = text(s)?;
        return Timestamp::parse(&s).map_err(|e| MotcuaError::new_err(e.to_string()));
    }
    if let Ok(dt) = ob.extract::<DateTime<FixedOffset>>() {
        let vn = FixedOffset::east_opt(VN_OFFSET_SECONDS).expect("UTC+7 is an offset");
        let local = dt.with_timezone(&vn).naive_local();
        if !(1..=9999).contains(&local.year()) {
            return Err(argument_error(
                ob.py(),
                format!(
                    "{} is in the year {} once converted to UTC+7: dates run from year 1 to 9999",
                    shown(ob),
                    local.year()
                ),
            ));
        }
        return Ok(Timestamp::from_datetime(local));
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
        return text(s)?.parse::<Period>().map_err(|e| period_error(&e));
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
        if let Some(c) = Calendar::builtin(text(s)?.trim()) {
            return Ok(c);
        }
    }
    PyCalendar::from_source(ob).map(|c| c.inner)
}
