//! `motcua.Dataset`, `motcua.read` and `motcua.from_arrow`.

use std::sync::Arc;

use chrono::NaiveDate;

use motcua_core::calendar::Calendar;
use motcua_core::dossier::Dataset;
use motcua_core::format::{Lang, int};
use motcua_core::record::RowError;
use motcua_io::dossiers::ReadOptions;
use motcua_io::input::{InputError as IoInputError, Place};
use motcua_io::resolve::ReceivedRange;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;
use pyo3_arrow::input::AnyRecordBatch;

use crate::arrow_in;
use crate::convert::{self, Int, Text};
use crate::errors::{arrow_error, input_error, read_error};

/// One rejected row: `line` (the header is line 1), `column` (None for a fault of the whole
/// row) and `message`.
#[pyclass(name = "RowError", module = "motcua", frozen)]
#[derive(Clone)]
pub struct PyRowError {
    inner: RowError,
}

impl From<&RowError> for PyRowError {
    fn from(e: &RowError) -> Self {
        Self { inner: e.clone() }
    }
}

#[pymethods]
impl PyRowError {
    /// Where the record starts: CSV line (the header is line 1), Excel row, JSON record,
    /// Arrow row across batches.
    #[getter]
    fn line(&self) -> u64 {
        self.inner.line
    }

    /// The column at fault, or None.
    #[getter]
    fn column(&self) -> Option<String> {
        self.inner.column.clone()
    }

    /// The kind of fault (contract section 6a): `missing`, `unparseable`, `unknown_code`,
    /// `duplicate`, `closed_before_received`, `no_deadline` or `limit`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind.name()
    }

    /// What is wrong and what is expected.
    #[getter]
    fn message(&self) -> String {
        self.inner.message.clone()
    }

    /// The worksheet of a workbook, or None.
    #[getter]
    fn sheet(&self) -> Option<String> {
        self.inner.sheet.clone()
    }

    /// The JSON record number, or None.
    #[getter]
    fn record(&self) -> Option<u64> {
        self.inner.record
    }

    /// The input file, when several files were read as one input (`motcua.read([a, b])`),
    /// or None.
    #[getter]
    fn file(&self) -> Option<String> {
        self.inner.file.clone()
    }

    fn _repr_html_(&self) -> String {
        motcua_core::format::html::row_errors(std::slice::from_ref(&self.inner), Lang::Vi)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let column = match &self.inner.column {
            Some(c) => PyString::new(py, c).repr()?.to_string(),
            None => "None".to_owned(),
        };
        let message = PyString::new(py, &self.inner.message).repr()?;
        Ok(format!(
            "RowError(line={}, column={column}, kind='{}', message={message})",
            self.inner.line, self.inner.kind
        ))
    }

    fn __str__(&self) -> String {
        motcua_core::format::row_error_text(&self.inner, motcua_core::format::Lang::En)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Self>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __hash__(&self) -> u64 {
        self.inner.line
    }

    /// The error as in the JSON report: `line`, `column`, `kind`, `message` (and `sheet`,
    /// `record` where the input has them).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::json::to_py(py, &self.inner)
    }
}

/// A validated table of dossiers held in memory: `len(ds)` received dossiers, and the
/// summary of the rows it was read from (`ds.rows = ds.used + ds.rejected + ds.not_received`,
/// `ds.errors` lists every rejected row).
#[pyclass(name = "Dataset", module = "motcua", frozen)]
pub struct PyDataset {
    /// The dossiers and the input summary.
    pub inner: Arc<Dataset>,
    /// The calendar the due dates were computed with.
    pub calendar: Calendar,
}

#[pymethods]
impl PyDataset {
    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// The rejected rows, in input order.
    #[getter]
    fn errors(&self) -> Vec<PyRowError> {
        self.inner
            .input
            .errors
            .iter()
            .map(PyRowError::from)
            .collect()
    }

    /// Data rows read (the header not included).
    #[getter]
    fn rows(&self) -> u64 {
        self.inner.input.rows
    }

    /// Rows that became dossiers (= len(ds)).
    #[getter]
    fn used(&self) -> u64 {
        self.inner.input.used
    }

    /// Rows rejected as bad (each is in `errors`).
    #[getter]
    fn rejected(&self) -> u64 {
        self.inner.input.rejected
    }

    /// Valid rows with status 1 or 3 (not received dossiers).
    #[getter]
    fn not_received(&self) -> u64 {
        self.inner.input.not_received
    }

    /// The input summary as the JSON report's `input` object.
    #[getter]
    fn input<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::json::to_py(py, &self.inner.input)
    }

    /// Agency codes with at least one used row, sorted.
    #[getter]
    fn agencies(&self) -> Vec<String> {
        let mut v: Vec<String> = self.inner.agencies.names().map(str::to_owned).collect();
        v.sort();
        v
    }

    /// Officials (`CanBoTiepNhan`) of the used rows, sorted.
    #[getter]
    fn officials(&self) -> Vec<String> {
        let mut v: Vec<String> = self.inner.officials.names().map(str::to_owned).collect();
        v.sort();
        v
    }

    /// The calendar the due dates were computed with.
    #[getter]
    fn calendar(&self) -> crate::calendar::PyCalendar {
        crate::calendar::PyCalendar {
            inner: self.calendar.clone(),
        }
    }

    /// The first and last receipt dates of the dossiers, as (first, last); None when there
    /// is no dossier. A period outside this range counts nothing.
    #[getter]
    fn received_range(&self) -> Option<(NaiveDate, NaiveDate)> {
        received_range(&self.inner)
    }

    fn _repr_html_(&self) -> String {
        motcua_core::format::html::dataset(&self.inner, received_range(&self.inner), Lang::Vi)
    }

    fn __repr__(&self) -> String {
        let i = &self.inner.input;
        let l = Lang::En;
        let received = received_range(&self.inner)
            .map(|(a, b)| format!(", received {a}..{b}"))
            .unwrap_or_default();
        format!(
            "<motcua.Dataset: {} dossiers of {} agencies{received}; {} rows = {} used + {} rejected + {} not received>",
            int(self.inner.len() as u64, l),
            self.inner.agencies.len(),
            int(i.rows, l),
            int(i.used, l),
            int(i.rejected, l),
            int(i.not_received, l)
        )
    }
}

/// The first and last receipt dates of a dataset's dossiers.
fn received_range(ds: &Dataset) -> Option<(NaiveDate, NaiveDate)> {
    let mut r = ReceivedRange::default();
    for d in &ds.dossiers {
        r.add(d.received);
    }
    r.get()
}

/// Reads a dossier table: CSV, Excel (`.xlsx`, `.xlsm`, `.xls`) or the national portal's
/// JSON records (`.json` array, `.jsonl` one per line), by extension (CSV when it says
/// nothing). `path` may be a list of paths (monthly exports) read as one input, in order, as
/// `motcua report --input a.csv b.csv` reads them: a code repeated in a later file is a
/// rejected row of that file, and each `RowError.file` names its file.
///
/// `calendar`: None (the built-in Vietnamese calendar), a `Calendar`, a built-in name, or a
/// TOML path or text. `strict`: raise `InputError` at the first bad row instead of listing it
/// in `ds.errors`. `format`: "csv", "xlsx" or "json" to override the extension. `sheet`: the
/// worksheet of a workbook (default the first). `threads`: CSV worker threads, 0 = every core.
/// `profile`: the source profile (a built-in name, a file or TOML text; detected when None).
/// `catalog`: a procedure catalog (a path, or its CSV text or bytes) that fills `MucDo` and
/// the field from `MaTTHC`. `deadline_from`: "receipt" (the default) or "deciding-agency"
/// (the time limit runs from `NgayTiepNhanCoQuanGiaiQuyet` when a row gives it).
/// `RowError.line` is the CSV line (the header is line 1), the worksheet row, or the JSON
/// record number.
#[pyfunction]
#[pyo3(signature = (path, calendar = None, strict = false, *, format = None, sheet = None, threads = Int(0), profile = None, catalog = None, deadline_from = None))]
#[pyo3(
    text_signature = "(path, calendar=None, strict=False, *, format=None, sheet=None, threads=0, profile=None, catalog=None, deadline_from=None)"
)]
#[allow(clippy::too_many_arguments)]
pub fn read(
    py: Python<'_>,
    path: &Bound<'_, PyAny>,
    calendar: Option<&Bound<'_, PyAny>>,
    strict: bool,
    format: Option<Text>,
    sheet: Option<Text>,
    threads: Int<usize>,
    profile: Option<&Bound<'_, PyAny>>,
    catalog: Option<&Bound<'_, PyAny>>,
    deadline_from: Option<Text>,
) -> PyResult<PyDataset> {
    let (format, sheet) = (format.map(String::from), sheet.map(String::from));
    let deadline_from = deadline_from.map(String::from);
    let data = crate::request::Data::paths(path)?;
    let cal = convert::calendar(calendar)?;
    let profile = crate::request::value(profile, "profile")?;
    let catalog = crate::request::value(catalog, "catalog")?;
    let o = motcua_io::resolve::Options {
        strict,
        format: format.as_deref(),
        sheet: sheet.as_deref(),
        profile: profile.as_ref().map(crate::request::Value::given),
        catalog: catalog.as_ref().map(crate::request::Value::given),
        deadline_from: deadline_from.as_deref(),
        ..motcua_io::resolve::Options::default()
    };
    let mut opts = o
        .read_options(motcua_io::resolve::Files::Read)
        .map_err(|e| crate::errors::resolve_error(py, &e))?;
    opts.read.threads = threads.0;
    let ds = py
        .detach(|| motcua_io::resolve::read_dataset(&opts, &cal, data.input(), &|_| {}))
        .map_err(|e| crate::errors::resolve_error(py, &e))?;
    Ok(PyDataset {
        inner: Arc::new(ds),
        calendar: cal,
    })
}

/// The read options of `read_postgres` and `from_arrow`, resolved by the layer's rule
/// (`Options::read_options`) as for `read`, with the caller's thread count.
fn read_options(
    py: Python<'_>,
    strict: bool,
    profile: Option<&Bound<'_, PyAny>>,
    catalog: Option<&Bound<'_, PyAny>>,
    deadline_from: Option<Text>,
    threads: usize,
) -> PyResult<ReadOptions> {
    let deadline_from = deadline_from.map(String::from);
    let profile = crate::request::value(profile, "profile")?;
    let catalog = crate::request::value(catalog, "catalog")?;
    let o = motcua_io::resolve::Options {
        strict,
        profile: profile.as_ref().map(crate::request::Value::given),
        catalog: catalog.as_ref().map(crate::request::Value::given),
        deadline_from: deadline_from.as_deref(),
        ..motcua_io::resolve::Options::default()
    };
    let mut read = o
        .read_options(motcua_io::resolve::Files::Read)
        .map_err(|e| crate::errors::resolve_error(py, &e))?
        .read;
    read.threads = threads;
    Ok(read)
}

/// The source profile a `profile=` argument names (detected when None).
fn source_profile(
    py: Python<'_>,
    profile: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<Arc<motcua_core::profile::Profile>>> {
    let given = crate::request::value(profile, "profile")?;
    let p = motcua_io::resolve::profile(
        given.as_ref().map(crate::request::Value::given).as_ref(),
        motcua_io::resolve::Files::Read,
    )
    .map_err(|e| crate::errors::resolve_error(py, &e))?;
    Ok(Some(Arc::new(p)))
}

/// Reads the rows of a PostgreSQL query as a dossier table: `uri` is a connection URI
/// (`postgresql://user@host:port/db`), `query` a `SELECT` whose columns are named as the
/// contract (or the source `profile`) names them. The rows are streamed (`COPY … TO STDOUT
/// WITH CSV HEADER`), so memory stays bounded; `RowError.line` is the row's line in that
/// CSV (the header is line 1). `profile`, `catalog` and `deadline_from` as for `read`.
#[pyfunction]
#[pyo3(signature = (uri, query, calendar = None, strict = false, *, profile = None, threads = Int(0), catalog = None, deadline_from = None))]
#[pyo3(
    text_signature = "(uri, query, calendar=None, strict=False, *, profile=None, threads=0, catalog=None, deadline_from=None)"
)]
#[allow(clippy::too_many_arguments)]
pub fn read_postgres(
    py: Python<'_>,
    uri: Text,
    query: Text,
    calendar: Option<&Bound<'_, PyAny>>,
    strict: bool,
    profile: Option<&Bound<'_, PyAny>>,
    threads: Int<usize>,
    catalog: Option<&Bound<'_, PyAny>>,
    deadline_from: Option<Text>,
) -> PyResult<PyDataset> {
    let (uri, query) = (String::from(uri), String::from(query));
    let (uri, query) = (uri.as_str(), query.as_str());
    let cal = convert::calendar(calendar)?;
    let read = read_options(py, strict, profile, catalog, deadline_from, threads.0)?;
    let ds = py
        .detach(|| {
            let mut dossiers = Vec::new();
            motcua_io::postgres::read_query(uri, query, &cal, &read, &|_| {}, |d| {
                dossiers.push(*d);
            })
            .map(|ing| ing.into_dataset(dossiers))
        })
        .map_err(|e| input_error_of(py, &e))?;
    Ok(PyDataset {
        inner: Arc::new(ds),
        calendar: cal,
    })
}

/// How a source would be read (`motcua inspect`): its format, profile (and why it was
/// picked), separator, header line, column mapping (contract ← source), the first `rows`
/// rows as mapped, the rejections by kind with their first lines, and hints for near
/// misses, as a dict.
#[pyfunction]
#[pyo3(signature = (path, *, profile = None, calendar = None, rows = Int(5)))]
#[pyo3(text_signature = "(path, *, profile=None, calendar=None, rows=5)")]
pub fn inspect<'py>(
    py: Python<'py>,
    path: &Bound<'py, PyAny>,
    profile: Option<&Bound<'py, PyAny>>,
    calendar: Option<&Bound<'py, PyAny>>,
    rows: Int<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let rows = rows.0;
    let path = convert::path(path)?;
    let cal = convert::calendar(calendar)?;
    let p = source_profile(py, profile)?.unwrap_or_default();
    let i = py.detach(|| motcua_io::inspect::inspect_path(&path, &p, &cal, rows));
    crate::json::to_py(py, &i)
}

/// The Python exception of an error of the any-format reader.
fn input_error_of(py: Python<'_>, e: &IoInputError) -> PyErr {
    let place_line = |p: &Place| match p {
        Place::Line(l) => *l,
        Place::Row { row, .. } => *row,
        Place::Record { number, .. } => *number,
    };
    match e {
        IoInputError::Read(r) => read_error(py, r),
        IoInputError::At { place, .. } => {
            input_error(py, e.to_string(), Some(place_line(place)), None)
        }
        IoInputError::Row { error, .. } => {
            input_error(py, e.to_string(), Some(error.line), error.column.as_deref())
        }
        _ => input_error(py, e.to_string(), None, None),
    }
}

/// Reads a dossier table from any Arrow data: a `pyarrow.Table` or `RecordBatch`, a
/// `polars.DataFrame`, a pandas `DataFrame`, or any object with `__arrow_c_stream__` /
/// `__arrow_c_array__`. Columns are named as in the contract; string or typed columns.
/// Rows are numbered across all batches from 1; errors also name the batch and its row.
/// `profile`, `catalog` and `deadline_from` as for `read` (the profile maps column names and
/// values; detected when None).
#[pyfunction]
#[pyo3(signature = (data, calendar = None, strict = false, threads = Int(0), *, profile = None, catalog = None, deadline_from = None))]
#[pyo3(
    text_signature = "(data, calendar=None, strict=False, threads=0, *, profile=None, catalog=None, deadline_from=None)"
)]
#[allow(clippy::too_many_arguments)]
pub fn from_arrow(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    calendar: Option<&Bound<'_, PyAny>>,
    strict: bool,
    threads: Int<usize>,
    profile: Option<&Bound<'_, PyAny>>,
    catalog: Option<&Bound<'_, PyAny>>,
    deadline_from: Option<Text>,
) -> PyResult<PyDataset> {
    let opts = read_options(py, strict, profile, catalog, deadline_from, threads.0)?;
    let cal = convert::calendar(calendar)?;
    let input: AnyRecordBatch = data.extract().map_err(|e| {
        PyTypeError::new_err(format!(
            "from_arrow needs Arrow data (pyarrow.Table, polars.DataFrame, pandas.DataFrame, or an object with __arrow_c_stream__): {e}"
        ))
    })?;
    let table = input.into_table()?;
    let (batches, schema) = table.into_inner();
    let ds = py
        .detach(|| arrow_in::read_batches(&schema, &batches, &cal, &opts))
        .map_err(|e| arrow_error(py, &e))?;
    Ok(PyDataset {
        inner: Arc::new(ds),
        calendar: cal,
    })
}
