//! Tables out: Arrow record batches exported through the Arrow PyCapsule interface, and the
//! optional pyarrow / polars / pandas front ends.

use std::collections::BTreeMap;
use std::sync::Arc;

use arrow_array::{
    ArrayRef, Date32Array, Float64Array, Int64Array, RecordBatch, StringArray, StructArray,
};
use arrow_schema::{DataType, Field, Schema};
use chrono::NaiveDate;
use motcua_core::breakdown::{Breakdown, Dim};
use motcua_core::count::Counts;
use motcua_core::report::{AgencyFigures, Figures, Rates, Report};
use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::types::PyCapsule;
use pyo3_arrow::ffi::{ArrayIterator, to_stream_pycapsule};

/// A column of a table being built.
pub enum Col {
    /// Text.
    Str(Vec<Option<String>>),
    /// 64-bit integers.
    Int(Vec<Option<i64>>),
    /// 64-bit floats.
    Float(Vec<Option<f64>>),
    /// Dates.
    Date(Vec<Option<NaiveDate>>),
}

/// Days since 1970-01-01, as Arrow's date32 counts them.
fn days(d: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid date");
    i32::try_from((d - epoch).num_days()).unwrap_or(i32::MAX)
}

/// Builds a record batch from named columns.
#[must_use]
pub fn batch(columns: Vec<(&str, Col)>) -> RecordBatch {
    let mut fields = Vec::with_capacity(columns.len());
    let mut arrays: Vec<ArrayRef> = Vec::with_capacity(columns.len());
    for (name, col) in columns {
        let (dt, a): (DataType, ArrayRef) = match col {
            Col::Str(v) => (DataType::Utf8, Arc::new(StringArray::from(v))),
            Col::Int(v) => (DataType::Int64, Arc::new(Int64Array::from(v))),
            Col::Float(v) => (DataType::Float64, Arc::new(Float64Array::from(v))),
            Col::Date(v) => (
                DataType::Date32,
                Arc::new(Date32Array::from(
                    v.into_iter().map(|d| d.map(days)).collect::<Vec<_>>(),
                )),
            ),
        };
        let nullable = a.null_count() > 0 || matches!(dt, DataType::Float64);
        fields.push(Field::new(name, dt, nullable));
        arrays.push(a);
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).expect("columns of equal length")
}

/// Appends every count of contract section 5 (in its order), then each rate's value (null
/// when absent, never 0 or NaN), of each row's figures.
fn push_figures(cols: &mut Vec<(&str, Col)>, figs: &[&Figures]) {
    for (k, name) in Counts::NAMES.iter().enumerate() {
        cols.push((
            name,
            Col::Int(
                figs.iter()
                    .map(|f| Some(f.counts.values()[k] as i64))
                    .collect(),
            ),
        ));
    }
    for (k, (name, _)) in Rates::of(&Counts::default()).named().iter().enumerate() {
        cols.push((
            name,
            Col::Float(
                figs.iter()
                    .map(|f| f.rates.named()[k].1.map(|x| x.value))
                    .collect(),
            ),
        ));
    }
}

/// The agencies' columns `agency` and `name` (the units file's `TenDonVi`, null when unknown).
fn push_agencies(
    cols: &mut Vec<(&str, Col)>,
    agencies: &[&AgencyFigures],
    names: &BTreeMap<String, String>,
) {
    cols.push((
        "agency",
        Col::Str(agencies.iter().map(|a| Some(a.agency.clone())).collect()),
    ));
    cols.push((
        "name",
        Col::Str(
            agencies
                .iter()
                .map(|a| names.get(&a.agency).cloned())
                .collect(),
        ),
    ));
}

/// The report's agencies as a table: one row per agency (no total row, so that sums and
/// plots over the rows are the agencies'), `agency`, `name`, every count and each rate's
/// value — the columns of `motcua report --format csv` with `name` after `agency`.
#[must_use]
pub fn report_batch(r: &Report, names: &BTreeMap<String, String>) -> RecordBatch {
    agencies_batch(&r.agencies.iter().collect::<Vec<_>>(), names)
}

fn agencies_batch(agencies: &[&AgencyFigures], names: &BTreeMap<String, String>) -> RecordBatch {
    let mut cols = Vec::new();
    push_agencies(&mut cols, agencies, names);
    let figs: Vec<&Figures> = agencies.iter().map(|a| &a.figures).collect();
    push_figures(&mut cols, &figs);
    batch(cols)
}

/// The report's total as a one-row table: every count and each rate's value.
#[must_use]
pub fn total_batch(r: &Report) -> RecordBatch {
    let mut cols = Vec::new();
    push_figures(&mut cols, &[&r.total]);
    batch(cols)
}

/// The key columns of breakdown rows: one per key, named as the key.
fn push_keys(cols: &mut Vec<(&str, Col)>, by: &[Dim], keys: &[&[Option<String>]]) {
    for (k, dim) in by.iter().enumerate() {
        cols.push((
            dim.name(),
            Col::Str(keys.iter().map(|ks| ks.get(k).cloned().flatten()).collect()),
        ));
    }
}

/// A breakdown (contract section 11) as a table: one row per group, a column per key
/// (named as the key: `procedure`, `field`…; null for a dossier without a value), then
/// every count and each rate's value.
#[must_use]
pub fn breakdown_batch(b: &Breakdown) -> RecordBatch {
    let mut cols = Vec::new();
    let keys: Vec<&[Option<String>]> = b.rows.iter().map(|r| r.keys.as_slice()).collect();
    push_keys(&mut cols, &b.by, &keys);
    let figs: Vec<&Figures> = b.rows.iter().map(|r| &r.figures).collect();
    push_figures(&mut cols, &figs);
    batch(cols)
}

/// The rows of a series table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesOf {
    /// One row per step: the step's total.
    Total,
    /// One row per step and agency.
    Agencies,
    /// One row per step and breakdown group.
    Breakdown,
}

/// A series (contract section 11) as a tidy table: `from` and `to` (the step's first and
/// last day), then the group's columns (`agency` and `name`, or the breakdown's keys;
/// none for totals), then every count and each rate's value.
#[must_use]
pub fn series_batch(r: &Report, of: SeriesOf, names: &BTreeMap<String, String>) -> RecordBatch {
    let steps = r.series.as_deref().unwrap_or_default();
    let mut from = Vec::new();
    let mut to = Vec::new();
    let mut figs: Vec<&Figures> = Vec::new();
    let mut agencies: Vec<&AgencyFigures> = Vec::new();
    let mut keys: Vec<&[Option<String>]> = Vec::new();
    for s in steps {
        let before = figs.len();
        match of {
            SeriesOf::Total => figs.push(&s.total),
            SeriesOf::Agencies => {
                figs.extend(s.agencies.iter().map(|a| &a.figures));
                agencies.extend(s.agencies.iter());
            }
            SeriesOf::Breakdown => {
                for row in s.breakdown.iter().flat_map(|b| &b.rows) {
                    figs.push(&row.figures);
                    keys.push(&row.keys);
                }
            }
        }
        let n = figs.len() - before;
        from.extend(std::iter::repeat_n(Some(s.period.from()), n));
        to.extend(std::iter::repeat_n(Some(s.period.to()), n));
    }
    let mut cols = vec![("from", Col::Date(from)), ("to", Col::Date(to))];
    match of {
        SeriesOf::Total => {}
        SeriesOf::Agencies => push_agencies(&mut cols, &agencies, names),
        SeriesOf::Breakdown => {
            let by = r
                .breakdown
                .as_ref()
                .map(|b| b.by.as_slice())
                .unwrap_or_default();
            push_keys(&mut cols, by, &keys);
        }
    }
    push_figures(&mut cols, &figs);
    batch(cols)
}

/// `__arrow_c_stream__` of one record batch.
pub fn stream<'py>(
    py: Python<'py>,
    batch: RecordBatch,
    requested_schema: Option<Bound<'py, PyCapsule>>,
) -> PyResult<Bound<'py, PyCapsule>> {
    let schema = batch.schema();
    stream_batches(py, &schema, vec![batch], requested_schema)
}

/// `__arrow_c_stream__` of record batches of one schema.
pub fn stream_batches<'py>(
    py: Python<'py>,
    schema: &Schema,
    batches: Vec<RecordBatch>,
    requested_schema: Option<Bound<'py, PyCapsule>>,
) -> PyResult<Bound<'py, PyCapsule>> {
    let field = Field::new_struct("", schema.fields().clone(), false)
        .with_metadata(schema.metadata().clone());
    let arrays = batches
        .into_iter()
        .map(|b| Ok(Arc::new(StructArray::from(b)) as ArrayRef));
    let reader = Box::new(ArrayIterator::new(arrays, Arc::new(field)));
    Ok(to_stream_pycapsule(py, reader, requested_schema)?)
}

/// A table made in Rust, exported through the Arrow PyCapsule interface (`pyarrow.table(t)`,
/// `polars.DataFrame(t)`); the functions of the package return it converted.
#[pyclass(name = "_Table", module = "motcua", frozen)]
pub struct PyTableOut {
    schema: Arc<Schema>,
    batches: Vec<RecordBatch>,
}

impl PyTableOut {
    /// A table of non-empty `batches` of one schema.
    #[must_use]
    pub fn new(batches: Vec<RecordBatch>) -> Self {
        let schema = batches
            .first()
            .map_or_else(|| Arc::new(Schema::empty()), RecordBatch::schema);
        Self { schema, batches }
    }

    /// A table of `batches` (possibly none) of `schema`.
    #[must_use]
    pub fn with_schema(schema: Arc<Schema>, batches: Vec<RecordBatch>) -> Self {
        Self { schema, batches }
    }
}

#[pymethods]
impl PyTableOut {
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyCapsule>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        stream_batches(py, &self.schema, self.batches.clone(), requested_schema)
    }

    fn __len__(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }
}

/// Imports an optional dependency, or says which extra installs it.
pub fn require<'py>(py: Python<'py>, module: &str, extra: &str) -> PyResult<Bound<'py, PyModule>> {
    py.import(module).map_err(|e| {
        if e.is_instance_of::<PyImportError>(py) {
            PyImportError::new_err(format!(
                "this needs {module}, which is not installed: pip install 'motcua[{extra}]' (or pip install {module})"
            ))
        } else {
            e
        }
    })
}

/// `pyarrow.table(obj)` for an object with `__arrow_c_stream__`.
pub fn to_pyarrow<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    require(obj.py(), "pyarrow", "arrow")?.call_method1("table", (obj,))
}

/// `polars.DataFrame(obj)` for an object with `__arrow_c_stream__`.
pub fn to_polars<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    require(obj.py(), "polars", "polars")?.call_method1("DataFrame", (obj,))
}

/// A pandas DataFrame through pyarrow.
pub fn to_pandas<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    require(obj.py(), "pandas", "pandas")?;
    to_pyarrow(obj)?.call_method0("to_pandas")
}
