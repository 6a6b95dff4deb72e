//! `motcua.generate`: the built-in sample data, for tutorials and benchmarks.

use std::sync::Arc;

use arrow_array::builder::StringBuilder;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use motcua_sample::{HEADER, Profile, generate as generate_rows, units_for};
use pyo3::prelude::*;

use crate::arrow_out::{self, PyTableOut};
use crate::convert::{self, Int, Text};
use crate::errors::MotcuaError;

/// Rows per record batch.
const BATCH_ROWS: usize = 1 << 20;

fn string_schema(names: &[&str]) -> Arc<Schema> {
    Arc::new(Schema::new(
        names
            .iter()
            .map(|n| Field::new(*n, DataType::Utf8, true))
            .collect::<Vec<_>>(),
    ))
}

/// Builds string columns row by row; empty text becomes null.
struct Columns {
    schema: Arc<Schema>,
    builders: Vec<StringBuilder>,
    rows: usize,
    batches: Vec<RecordBatch>,
}

impl Columns {
    fn new(names: &[&str]) -> Self {
        let schema = string_schema(names);
        Self {
            builders: names.iter().map(|_| StringBuilder::new()).collect(),
            schema,
            rows: 0,
            batches: Vec::new(),
        }
    }

    fn push<'a>(&mut self, fields: impl Iterator<Item = &'a str>) {
        for (b, f) in self.builders.iter_mut().zip(fields) {
            if f.is_empty() {
                b.append_null();
            } else {
                b.append_value(f);
            }
        }
        self.rows += 1;
        if self.rows == BATCH_ROWS {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.rows == 0 {
            return;
        }
        let arrays: Vec<ArrayRef> = self
            .builders
            .iter_mut()
            .map(|b| Arc::new(b.finish()) as ArrayRef)
            .collect();
        self.batches.push(
            RecordBatch::try_new(Arc::clone(&self.schema), arrays)
                .expect("columns of equal length"),
        );
        self.rows = 0;
    }

    fn finish(mut self) -> PyTableOut {
        self.flush();
        PyTableOut::with_schema(self.schema, self.batches)
    }
}

/// The sample `name` names (checked even when `rows` asks for random rows instead, so that
/// a misspelt name is never passed over in silence).
fn profile(name: &str, rows: Option<u64>, seed: u64) -> PyResult<Profile> {
    let named = name
        .parse::<Profile>()
        .map_err(|e| MotcuaError::new_err(e.to_string()))?;
    Ok(match rows {
        Some(rows) => Profile::Random { rows, seed },
        None => named,
    })
}

/// The units table of a profile (contract section 9), as strings.
fn units_table(p: &Profile) -> PyResult<PyTableOut> {
    let text = units_for(p).to_csv();
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = rdr
        .headers()
        .map_err(|e| MotcuaError::new_err(e.to_string()))?
        .iter()
        .map(str::to_owned)
        .collect();
    let names: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut cols = Columns::new(&names);
    for rec in rdr.records() {
        let rec = rec.map_err(|e| MotcuaError::new_err(e.to_string()))?;
        cols.push(rec.iter());
    }
    Ok(cols.finish())
}

/// The built-in sample as a `pyarrow.Table` of text columns named as in the contract (empty
/// values are nulls), for tutorials and benchmarks.
///
/// `profile`: "soc-trang-2021" (about 36 000 rows whose Q3/2021 report reproduces the Sóc
/// Trăng center's published figures), or "random:ROWS[:SEED]"; or give `rows` (and `seed`)
/// for realistic random data of any size. `calendar`: the work calendar the rows are
/// generated with (read them with the same one; default the built-in Vietnamese calendar).
/// With `with_units=True`, returns `(dossiers, units)`, `units` being the agencies' facts
/// for grading (contract section 9) that go with the profile.
#[pyfunction]
#[pyo3(signature = (profile = Text::from("soc-trang-2021"), *, rows = None, seed = Int(1), calendar = None, with_units = false))]
#[pyo3(
    text_signature = "(profile=\"soc-trang-2021\", *, rows=None, seed=1, calendar=None, with_units=False)"
)]
pub fn generate<'py>(
    py: Python<'py>,
    profile: Text,
    rows: Option<Int<u64>>,
    seed: Int<u64>,
    calendar: Option<&Bound<'py, PyAny>>,
    with_units: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let p = self::profile(&profile, rows.map(|r| r.0), seed.0)?;
    let cal = convert::calendar(calendar)?;
    arrow_out::require(py, "pyarrow", "arrow")?;
    let table = py.detach(|| {
        let mut cols = Columns::new(&HEADER);
        generate_rows(&p, &cal, |rec| cols.push(rec.fields()));
        cols.finish()
    });
    let dossiers = arrow_out::to_pyarrow(Bound::new(py, table)?.as_any())?;
    if with_units {
        let units = arrow_out::to_pyarrow(Bound::new(py, units_table(&p)?)?.as_any())?;
        Ok((dossiers, units).into_pyobject(py)?.into_any())
    } else {
        Ok(dossiers)
    }
}

/// The agencies' facts for grading (a units table, contract section 9) that go with a
/// sample profile, as a `pyarrow.Table` of text columns.
#[pyfunction]
#[pyo3(signature = (profile = Text::from("soc-trang-2021")), text_signature = "(profile=\"soc-trang-2021\")")]
pub fn generate_units(py: Python<'_>, profile: Text) -> PyResult<Bound<'_, PyAny>> {
    let p = self::profile(&profile, None, 1)?;
    arrow_out::require(py, "pyarrow", "arrow")?;
    arrow_out::to_pyarrow(Bound::new(py, units_table(&p)?)?.as_any())
}

/// The sample's agencies: (code, Vietnamese name, English name).
#[pyfunction]
#[must_use]
pub fn sample_agencies() -> Vec<(&'static str, &'static str, &'static str)> {
    motcua_sample::agencies().to_vec()
}
