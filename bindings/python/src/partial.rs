//! `motcua.partial`, `motcua.merge`, `motcua.merge_score`, `motcua.merge_json` and
//! `motcua.Partial`: partial aggregates for distributed engines (contract section 16).

#![allow(unsafe_code)] // `create_exception!` implements an unsafe trait of pyo3.

use std::sync::Arc;

use motcua_core::grading::Rulebook;
use motcua_core::partial::{Partial, PartialError as CorePartialError};
use motcua_io::input::{InputError as IoInputError, InputFormat};
use motcua_io::partial::{
    PartialOptions, merged_json, partial_from_bytes, partial_from_dataset, report_of,
};
use motcua_io::resolve::{self, ResolveError};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes};
use pyo3_arrow::input::AnyRecordBatch;

use crate::convert::Text;
use crate::errors::{MotcuaError, arrow_error, input_error, resolve_error};
use crate::report::PyReport;
use crate::score::PyScore;
use crate::{arrow_in, convert};

pyo3::create_exception!(
    _motcua,
    PartialError,
    MotcuaError,
    "Bytes that are not a partial aggregate (kind 'bad_magic', 'unsupported_version', 'truncated', 'corrupt'), or partial aggregates that do not merge ('mismatch', 'empty', 'grades')."
);

fn partial_error(py: Python<'_>, e: &CorePartialError) -> PyErr {
    let err = PartialError::new_err(e.to_string());
    let _ = err.value(py).setattr("kind", e.kind());
    err
}

/// A partial aggregate: the counts, grading sums and input summary of one part of an input.
#[pyclass(name = "Partial", module = "motcua", frozen)]
pub struct PyPartial {
    /// The core's partial.
    pub inner: Arc<Partial>,
}

#[pymethods]
impl PyPartial {
    /// Reads the bytes of `motcua.partial` / `Partial.to_bytes`.
    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<Self> {
        Partial::from_bytes(data)
            .map(|p| Self { inner: Arc::new(p) })
            .map_err(|e| partial_error(py, &e))
    }

    /// The partial as bytes (magic `MOTCUAPA`, format version, CBOR body).
    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.inner.to_bytes())
    }

    /// The period counted, as '2021-Q3', '2021-07', '2021' or a range.
    #[getter]
    fn period_name(&self) -> String {
        self.inner.header.period.to_string()
    }

    /// The input summary of the part (rows, used, rejected, not_received, errors…).
    #[getter]
    fn input<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::json::to_py(py, &self.inner.input)
    }

    /// The options the part was counted with (period, compare, by, every, digests).
    #[getter]
    fn header<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::json::to_py(py, &self.inner.header)
    }

    fn __repr__(&self) -> String {
        let i = &self.inner.input;
        format!(
            "<motcua.Partial {}: rows {}, used {}, rejected {}, {} agencies>",
            self.inner.header.period,
            i.rows,
            i.used,
            i.rejected,
            self.inner.period.agencies.len()
        )
    }
}

#[allow(clippy::too_many_arguments)]
fn options(
    py: Python<'_>,
    period: &Bound<'_, PyAny>,
    calendar: Option<&Bound<'_, PyAny>>,
    by: Option<&Bound<'_, PyAny>>,
    every: Option<Text>,
    compare: Option<Text>,
    units: Option<&Bound<'_, PyAny>>,
    rulebook: Option<&Bound<'_, PyAny>>,
    strict: bool,
) -> PyResult<PartialOptions> {
    let mut opts = PartialOptions::new(convert::period(period)?);
    opts.calendar = convert::calendar(calendar)?;
    let resolved = |e: ResolveError| resolve_error(py, &e);
    let by = crate::request::by(by)?;
    opts.plan.by =
        resolve::dims(&by.iter().map(String::as_str).collect::<Vec<_>>()).map_err(resolved)?;
    opts.plan.every = resolve::step(every.as_deref()).map_err(resolved)?;
    opts.plan.compare = match compare.as_deref() {
        None => None,
        Some(c) => resolve::comparison(c).map_err(resolved)?,
    };
    opts.units = crate::score::units(py, units)?;
    opts.rulebook = rulebook
        .filter(|r| !r.is_none())
        .map(|r| crate::score::rulebook(py, r))
        .transpose()?;
    opts.strict = strict;
    Ok(opts)
}

fn io_error(py: Python<'_>, e: &IoInputError) -> PyErr {
    match e {
        IoInputError::Row { error, .. } => {
            input_error(py, e.to_string(), Some(error.line), error.column.as_deref())
        }
        _ => input_error(py, e.to_string(), None, None),
    }
}

/// The partial aggregate of one part of the dossier table, as bytes.
///
/// `batch`: CSV bytes, or Arrow data (a `pyarrow.RecordBatch` or `Table`, a polars or pandas
/// DataFrame…) with the contract's columns. Rejected rows keep their position within the
/// part. `period`, `calendar`, `by` ('procedure', 'agency,channel'…), `every` ('month',
/// 'quarter'), `compare` ('previous' (default), 'last-year' or 'none'), `units` and
/// `rulebook` (grading sums are kept when given) must be the same for every part.
///
/// Duplicate dossier codes are checked within the part: partition the input by `MaHoSo` so
/// that every row of one code is in one part, in input order.
#[pyfunction]
#[pyo3(signature = (batch, period, *, calendar = None, by = None, every = None, compare = Some(Text::from("previous")), units = None, rulebook = None, strict = false))]
#[pyo3(
    text_signature = "(batch, period, *, calendar=None, by=None, every=None, compare='previous', units=None, rulebook=None, strict=False)"
)]
#[allow(clippy::too_many_arguments, clippy::result_large_err)]
pub fn partial<'py>(
    py: Python<'py>,
    batch: &Bound<'py, PyAny>,
    period: &Bound<'py, PyAny>,
    calendar: Option<&Bound<'py, PyAny>>,
    by: Option<&Bound<'py, PyAny>>,
    every: Option<Text>,
    compare: Option<Text>,
    units: Option<&Bound<'py, PyAny>>,
    rulebook: Option<&Bound<'py, PyAny>>,
    strict: bool,
) -> PyResult<Bound<'py, PyBytes>> {
    let opts = options(
        py, period, calendar, by, every, compare, units, rulebook, strict,
    )?;
    let csv: Option<Vec<u8>> = if let Ok(b) = batch.cast::<PyBytes>() {
        Some(b.as_bytes().to_vec())
    } else if let Ok(b) = batch.cast::<PyByteArray>() {
        Some(b.to_vec())
    } else {
        None
    };
    let p = if let Some(bytes) = csv {
        py.detach(|| partial_from_bytes(InputFormat::Csv, &bytes, &opts))
            .map_err(|e| io_error(py, &e))?
    } else {
        let data = py.import("motcua")?.getattr("_as_arrow")?.call1((batch,))?;
        let input: AnyRecordBatch = data.extract().map_err(|e| {
            PyTypeError::new_err(format!(
                "partial needs CSV bytes or Arrow data (pyarrow.RecordBatch or Table, polars or pandas DataFrame): {e}"
            ))
        })?;
        let (batches, schema) = input.into_table()?.into_inner();
        py.detach(|| {
            arrow_in::read_batches(&schema, &batches, &opts.calendar, &opts.read_options())
                .map(|ds| partial_from_dataset(&ds, &opts))
        })
        .map_err(|e| arrow_error(py, &e))?
    };
    Ok(PyBytes::new(py, &p.to_bytes()))
}

/// Reads and merges partials (bytes or `Partial` objects), in any order.
fn merged(py: Python<'_>, partials: &Bound<'_, PyAny>) -> PyResult<Partial> {
    let mut parts = Vec::new();
    for item in partials.try_iter()? {
        let item = item?;
        if let Ok(p) = item.cast::<PyPartial>() {
            parts.push(p.get().inner.as_ref().clone());
        } else if let Ok(b) = item.extract::<Vec<u8>>() {
            parts.push(Partial::from_bytes(&b).map_err(|e| partial_error(py, &e))?);
        } else {
            return Err(PyTypeError::new_err(
                "merge takes an iterable of partial aggregates: bytes of motcua.partial, or motcua.Partial",
            ));
        }
    }
    py.detach(|| Partial::merge(parts))
        .map_err(|e| partial_error(py, &e))
}

/// Merges partial aggregates (bytes of `motcua.partial` or `Partial` objects), in any order,
/// into the report of the whole input, as `motcua report` gives it.
#[pyfunction]
pub fn merge(py: Python<'_>, partials: &Bound<'_, PyAny>) -> PyResult<PyReport> {
    let p = merged(py, partials)?;
    Ok(PyReport {
        inner: Arc::new(report_of(&p)),
        ratings: None,
        names: Arc::default(),
        warnings: Arc::default(),
    })
}

fn book(py: Python<'_>, rulebook: Option<&Bound<'_, PyAny>>) -> PyResult<Rulebook> {
    match rulebook {
        Some(r) if !r.is_none() => crate::score::rulebook(py, r),
        _ => Rulebook::builtin("circular-01-2018")
            .ok_or_else(|| MotcuaError::new_err("no built-in rulebook circular-01-2018")),
    }
}

/// Merges partial aggregates made with `rulebook` (default 'circular-01-2018') and `units`
/// into the grades of the whole input, as `motcua score` gives them.
#[pyfunction]
#[pyo3(signature = (partials, rulebook = None, units = None))]
pub fn merge_score(
    py: Python<'_>,
    partials: &Bound<'_, PyAny>,
    rulebook: Option<&Bound<'_, PyAny>>,
    units: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyScore> {
    let p = merged(py, partials)?;
    let book = book(py, rulebook)?;
    let units = crate::score::units(py, units)?;
    let report = p.grades(&book, &units).map_err(|e| partial_error(py, &e))?;
    Ok(PyScore {
        inner: Arc::new(report),
        book: Arc::new(book),
        ratings: None,
    })
}

/// Merges partial aggregates into the report JSON of contract section 7, exactly as
/// `motcua report --format json` prints it; with `rulebook` (the partials' own) the grades
/// of `motcua score --format json` under the key `grades`.
#[pyfunction]
#[pyo3(signature = (partials, rulebook = None, units = None))]
pub fn merge_json(
    py: Python<'_>,
    partials: &Bound<'_, PyAny>,
    rulebook: Option<&Bound<'_, PyAny>>,
    units: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let p = merged(py, partials)?;
    let book = rulebook
        .filter(|r| !r.is_none())
        .map(|r| crate::score::rulebook(py, r))
        .transpose()?;
    let units = crate::score::units(py, units)?;
    merged_json(&p, book.as_ref(), &units).map_err(|e| partial_error(py, &e))
}

/// Registers the partial-aggregate functions, class and exception.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("PartialError", m.py().get_type::<PartialError>())?;
    m.add_class::<PyPartial>()?;
    m.add_function(wrap_pyfunction!(partial, m)?)?;
    m.add_function(wrap_pyfunction!(merge, m)?)?;
    m.add_function(wrap_pyfunction!(merge_score, m)?)?;
    m.add_function(wrap_pyfunction!(merge_json, m)?)?;
    Ok(())
}
