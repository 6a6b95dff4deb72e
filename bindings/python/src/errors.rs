//! The exceptions of the `motcua` package and the mapping of the Rust errors onto them.
#![allow(unsafe_code)] // `create_exception!` implements an unsafe trait of pyo3 for each type.

use motcua_core::calendar::CalendarError as CoreCalendarError;
use motcua_core::period::PeriodError as CorePeriodError;
use motcua_io::ReadError;
use pyo3::exceptions::{PyFileNotFoundError, PyOSError, PyValueError};
use pyo3::prelude::*;

use crate::arrow_in::ArrowReadError;

pyo3::create_exception!(
    motcua,
    MotcuaError,
    PyValueError,
    "Base class of motcua's errors (a ValueError)."
);
pyo3::create_exception!(
    motcua,
    InputError,
    MotcuaError,
    "Input that cannot be read: a missing required column, text that is not UTF-8, a bad row in strict mode. `.line` is the line (the header is line 1) and `.column` the column, when known."
);
pyo3::create_exception!(
    motcua,
    CalendarError,
    MotcuaError,
    "A work calendar that cannot be built (TOML errors carry `.line` and `.column`)."
);
pyo3::create_exception!(
    motcua,
    RulebookError,
    MotcuaError,
    "A grading rulebook that is unknown or invalid (`.line` when it comes from a file)."
);
pyo3::create_exception!(
    motcua,
    PeriodError,
    MotcuaError,
    "A period that cannot be read: use 2021-Q3, 2021-07, 2021, 2021-07-01..2021-09-30 or (from, to)."
);

/// Sets `line` and `column` on an exception value.
fn with_position(py: Python<'_>, err: PyErr, line: Option<u64>, column: Option<&str>) -> PyErr {
    let v = err.value(py);
    // Setting attributes on a fresh exception instance cannot fail in practice.
    let _ = v.setattr("line", line);
    let _ = v.setattr("column", column);
    err
}

/// An [`InputError`] at `line`, `column`.
#[must_use]
pub fn input_error(
    py: Python<'_>,
    message: String,
    line: Option<u64>,
    column: Option<&str>,
) -> PyErr {
    with_position(py, InputError::new_err(message), line, column)
}

/// A [`CalendarError`] from the core's error, with its TOML position.
#[must_use]
pub fn calendar_error(py: Python<'_>, e: &CoreCalendarError) -> PyErr {
    let (line, column) = e.position();
    let err = CalendarError::new_err(e.to_string());
    let v = err.value(py);
    let _ = v.setattr("line", line);
    let _ = v.setattr("column", column);
    err
}

/// A [`PeriodError`].
#[must_use]
pub fn period_error(e: &CorePeriodError) -> PyErr {
    PeriodError::new_err(e.to_string())
}

/// The Python exception of a reader error.
#[must_use]
pub fn read_error(py: Python<'_>, e: &ReadError) -> PyErr {
    match e {
        ReadError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
            PyFileNotFoundError::new_err(e.to_string())
        }
        ReadError::Io { .. } | ReadError::Stream(_) => PyOSError::new_err(e.to_string()),
        ReadError::Calendar { source, .. } => calendar_error(py, source),
        _ => input_error(py, e.to_string(), e.line(), e.column()),
    }
}

/// The Python exception of an Arrow reader error.
#[must_use]
pub fn arrow_error(py: Python<'_>, e: &ArrowReadError) -> PyErr {
    input_error(py, e.to_string(), e.line(), e.column())
}

/// Adds the exception types to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("MotcuaError", py.get_type::<MotcuaError>())?;
    m.add("InputError", py.get_type::<InputError>())?;
    m.add("CalendarError", py.get_type::<CalendarError>())?;
    m.add("RulebookError", py.get_type::<RulebookError>())?;
    m.add("PeriodError", py.get_type::<PeriodError>())?;
    Ok(())
}
