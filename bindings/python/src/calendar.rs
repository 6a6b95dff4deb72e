//! `motcua.Calendar`: the work calendar of contract section 4.

use chrono::{NaiveDate, NaiveTime};
use motcua_core::calendar::{BUILTIN_CALENDARS, Calendar};
use pyo3::exceptions::PyFileNotFoundError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::{self, Int, Text};
use crate::errors::{CalendarError, calendar_error};
use crate::json;

/// A work calendar: weekly rest days, holidays, make-up working days and the receipt cutoff.
///
/// `Calendar.vn()` is the built-in Vietnamese calendar for state agencies;
/// `Calendar.from_toml(path_or_text)` reads a calendar file (contract section 4).
/// Dates may be given as `datetime.date`, `datetime.datetime` or text ('2021-09-01',
/// '01/09/2021', '20210901093000'…).
#[pyclass(name = "Calendar", module = "motcua", frozen)]
#[derive(Clone)]
pub struct PyCalendar {
    /// The core's calendar.
    pub inner: Calendar,
}

impl PyCalendar {
    /// A calendar from a path (`str` or `os.PathLike`) or TOML text.
    pub fn from_source(source: &Bound<'_, PyAny>) -> PyResult<Self> {
        let py = source.py();
        let text = match source.cast::<PyString>() {
            Ok(s) => {
                let s = convert::text(s)?;
                if s.contains('\n') || s.contains('=') {
                    s.into_owned()
                } else {
                    read_file(&std::path::PathBuf::from(s.trim()))?
                }
            }
            Err(_) => read_file(&convert::path(source)?)?,
        };
        Calendar::from_toml(&text)
            .map(|inner| Self { inner })
            .map_err(|e| calendar_error(py, &e))
    }
}

fn read_file(p: &std::path::Path) -> PyResult<String> {
    std::fs::read_to_string(p).map_err(|e| {
        let msg = format!(
            "cannot read calendar file {}: {e} (give a path to a TOML file, TOML text, or one of: {})",
            p.display(),
            BUILTIN_CALENDARS.join(", ")
        );
        if e.kind() == std::io::ErrorKind::NotFound {
            PyFileNotFoundError::new_err(msg)
        } else {
            CalendarError::new_err(msg)
        }
    })
}

#[pymethods]
impl PyCalendar {
    /// The built-in Vietnamese calendar for state agencies (statutory holidays, Tết and Giỗ
    /// Tổ from the lunar calendar, official closures and make-up Saturdays of 2019–2026).
    #[staticmethod]
    fn vn() -> Self {
        Self {
            inner: Calendar::vn(),
        }
    }

    /// Saturdays and Sundays off, nothing else.
    #[staticmethod]
    fn blank() -> Self {
        Self {
            inner: Calendar::blank(),
        }
    }

    /// A built-in calendar by name: "vn" or "blank".
    #[staticmethod]
    fn builtin(name: Text) -> PyResult<Self> {
        let name = String::from(name);
        let name = name.as_str();
        Calendar::builtin(name)
            .map(|inner| Self { inner })
            .ok_or_else(|| {
                CalendarError::new_err(format!(
                    "unknown calendar '{name}' (built-in calendars: {})",
                    BUILTIN_CALENDARS.join(", ")
                ))
            })
    }

    /// A calendar from a TOML file (a path) or TOML text (text containing '=' or a newline).
    #[staticmethod]
    fn from_toml(source: &Bound<'_, PyAny>) -> PyResult<Self> {
        Self::from_source(source)
    }

    /// The calendar's name.
    #[getter]
    fn name(&self) -> &str {
        self.inner.name()
    }

    /// Receipts at or after this time count from the next working day.
    #[getter]
    fn receipt_cutoff(&self) -> NaiveTime {
        self.inner.receipt_cutoff()
    }

    /// The weekly rest days, Monday first: e.g. `['Sat', 'Sun']`.
    #[getter]
    fn weekend(&self) -> Vec<String> {
        self.inner
            .weekend()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    /// Whether `date` is a working day.
    fn is_working_day(&self, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.inner.is_working_day(convert::date(date)?))
    }

    /// The name of the holiday or day off closing `date`, or None.
    fn holiday_name(&self, date: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
        Ok(self
            .inner
            .holiday_name(convert::date(date)?)
            .map(str::to_owned))
    }

    /// The `n`-th working day after `date` (`date` itself not counted); n = 0 gives `date`.
    fn add_working_days(&self, date: &Bound<'_, PyAny>, n: Int<u32>) -> PyResult<NaiveDate> {
        self.inner
            .checked_add_working_days(convert::date(date)?, n.0)
            .ok_or_else(past_the_end)
    }

    /// Working days in (a, b]; negative when b < a.
    fn working_days_between(&self, a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<i64> {
        Ok(self
            .inner
            .working_days_between(convert::date(a)?, convert::date(b)?))
    }

    /// The due date of a dossier received at `received` (a datetime, a date or text) with a
    /// limit of `days` working days (contract section 4: the cutoff and non-working days
    /// move the start; the day of receipt is not counted).
    fn due_date(&self, received: &Bound<'_, PyAny>, days: Int<u32>) -> PyResult<NaiveDate> {
        self.inner
            .checked_due_date(&convert::timestamp(received)?, days.0)
            .ok_or_else(past_the_end)
    }

    /// The date from which a deadline runs: the receipt date, or the next working day when
    /// the receipt is on a non-working day or at or after the cutoff.
    fn effective_receipt_date(&self, received: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
        self.inner
            .checked_effective_receipt_date(&convert::timestamp(received)?)
            .ok_or_else(past_the_end)
    }

    /// A year of the calendar as `motcua calendar --year Y --format json` prints it.
    fn year<'py>(&self, py: Python<'py>, year: Int<i64>) -> PyResult<Bound<'py, PyAny>> {
        let year = check_year(year)?;
        json::to_py(py, &self.inner.year(year))
    }

    /// The days off of a year that would be working days by the weekend rule, as
    /// (date, name) pairs, sorted.
    fn holidays(&self, year: Int<i64>) -> PyResult<Vec<(NaiveDate, String)>> {
        let year = check_year(year)?;
        Ok(self
            .inner
            .year(year)
            .holidays
            .into_iter()
            .map(|h| (h.date, h.name))
            .collect())
    }

    /// The weekend dates of a year that are working days (make-up days, "làm bù").
    fn make_up_working_days(&self, year: Int<i64>) -> PyResult<Vec<NaiveDate>> {
        let year = check_year(year)?;
        Ok(self.inner.year(year).make_up_working_days)
    }

    /// Whether the year's holidays are projected from the statutory rules (no official list).
    fn is_projected(&self, year: Int<i32>) -> bool {
        self.inner.is_projected(year.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "<motcua.Calendar '{}' (cutoff {})>",
            self.inner.name(),
            self.inner.receipt_cutoff().format("%H:%M")
        )
    }
}

fn check_year(Int(year): Int<i64>) -> PyResult<i32> {
    motcua_io::resolve::calendar_year(year).map_err(|e| CalendarError::new_err(e.to_string()))
}

fn past_the_end() -> PyErr {
    CalendarError::new_err("the date is past the year 9999")
}
