//! The exceptions of the `motcua` package and the mapping of the Rust errors onto them.
#![allow(unsafe_code)] // `create_exception!` implements an unsafe trait of pyo3 for each type.

use motcua_core::calendar::CalendarError as CoreCalendarError;
use motcua_core::period::PeriodError as CorePeriodError;
use std::collections::HashMap;

use motcua_io::ReadError;
use motcua_io::resolve::{ResolveError, kind};
use pyo3::exceptions::{PyFileNotFoundError, PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

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

/// The exception classes by name, built from [`motcua_io::resolve::kind::ALL`].
static CLASSES: PyOnceLock<HashMap<&'static str, Py<PyType>>> = PyOnceLock::new();

fn builtin<'py>(py: Python<'py>, name: &str) -> Option<Bound<'py, PyType>> {
    match name {
        "ValueError" => Some(py.get_type::<PyValueError>()),
        "OSError" => Some(py.get_type::<PyOSError>()),
        "FileNotFoundError" => Some(py.get_type::<PyFileNotFoundError>()),
        _ => None,
    }
}

/// Adds the exception types to the module: the base class, then one class per line of the
/// table of error kinds (the classes the binding raises by name are among them).
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let mut classes: HashMap<&'static str, Py<PyType>> = HashMap::new();
    classes.insert(kind::PYTHON_BASE, py.get_type::<MotcuaError>().unbind());
    for (name, ty) in [
        ("InputError", py.get_type::<InputError>()),
        ("CalendarError", py.get_type::<CalendarError>()),
        ("RulebookError", py.get_type::<RulebookError>()),
        ("PeriodError", py.get_type::<PeriodError>()),
    ] {
        classes.insert(name, ty.unbind());
    }
    for row in kind::ALL {
        if builtin(py, row.python).is_some() || classes.contains_key(row.python) {
            continue;
        }
        let parent = match builtin(py, row.python_parent) {
            Some(b) => b,
            None => classes
                .get(row.python_parent)
                .map(|t| t.bind(py).clone())
                .ok_or_else(|| {
                    MotcuaError::new_err(format!(
                        "error table: {} comes before its parent {}",
                        row.python, row.python_parent
                    ))
                })?,
        };
        let qualified = std::ffi::CString::new(format!("motcua.{}", row.python))?;
        let ty = PyErr::new_type(py, &qualified, None, Some(&parent), None)?;
        classes.insert(row.python, ty);
    }
    for (name, ty) in &classes {
        m.add(*name, ty.bind(py))?;
    }
    let _ = CLASSES.set(py, classes);
    m.add_function(wrap_pyfunction!(error_kinds, m)?)?;
    Ok(())
}

/// The table of error kinds: (kind's JavaScript name, Python class, its parent), one per
/// kind.
#[pyfunction]
#[must_use]
pub fn error_kinds() -> Vec<(&'static str, &'static str, &'static str)> {
    kind::ALL
        .iter()
        .map(|k| (k.js, k.python, k.python_parent))
        .collect()
}

/// The Python exception of an error of the resolution layer: the class of its kind, with
/// `line` and `column` where it has them.
#[must_use]
pub fn resolve_error(py: Python<'_>, e: &ResolveError) -> PyErr {
    let k = e.kind();
    let class = k.python_class();
    let err = match builtin(py, class) {
        Some(t) => PyErr::from_type(t, e.to_string()),
        None => match CLASSES.get(py).and_then(|c| c.get(class)) {
            Some(t) => PyErr::from_type(t.bind(py).clone(), e.to_string()),
            None => MotcuaError::new_err(e.to_string()),
        },
    };
    let v = err.value(py);
    let _ = v.setattr("kind", k.js_name());
    let _ = v.setattr("line", e.line());
    match e.text_column() {
        Some(c) => {
            let _ = v.setattr("column", c);
        }
        None => {
            let _ = v.setattr("column", e.column());
        }
    }
    err
}
