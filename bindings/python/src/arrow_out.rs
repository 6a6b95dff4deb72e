//! Tables out: Arrow record batches exported through the Arrow PyCapsule interface, and the
//! optional pyarrow / polars / pandas front ends.

use std::sync::Arc;

use arrow_array::{ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray, StructArray};
use arrow_schema::{DataType, Field, Schema};
use motcua_core::count::Counts;
use motcua_core::report::{Figures, Report};
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
        };
        let nullable = a.null_count() > 0 || matches!(dt, DataType::Float64);
        fields.push(Field::new(name, dt, nullable));
        arrays.push(a);
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).expect("columns of equal length")
}

/// The report as a table: one row per agency, then the `TOTAL` row, with every count and
/// each rate's value (null when absent) — the columns of `motcua report --format csv`.
#[must_use]
pub fn report_batch(r: &Report) -> RecordBatch {
    let rows: Vec<(&str, &Figures)> = r
        .agencies
        .iter()
        .map(|a| (a.agency.as_str(), &a.figures))
        .chain([("TOTAL", &r.total)])
        .collect();
    let mut cols = vec![(
        "agency",
        Col::Str(rows.iter().map(|(n, _)| Some((*n).to_owned())).collect()),
    )];
    for (k, name) in Counts::NAMES.iter().enumerate() {
        cols.push((
            name,
            Col::Int(
                rows.iter()
                    .map(|(_, f)| Some(f.counts.values()[k] as i64))
                    .collect(),
            ),
        ));
    }
    for (k, (name, _)) in r.total.rates.named().iter().enumerate() {
        cols.push((
            name,
            Col::Float(
                rows.iter()
                    .map(|(_, f)| f.rates.named()[k].1.map(|x| x.value))
                    .collect(),
            ),
        ));
    }
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
