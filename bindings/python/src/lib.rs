//! Python bindings of motcua: the private extension module `motcua._motcua`, wrapped by the
//! pure-Python package `motcua` (`bindings/python/python/motcua`).
//!
//! Everything is computed by `motcua-core` and `motcua-io`; this crate only converts values
//! between Python and Rust, reads Arrow data (row by row into the core's row parser, like
//! every other reader) and writes Arrow tables. Long work runs with the GIL released.

// Doc comments of the Python-facing items are the Python docstrings, which name Python
// objects (pyarrow.Table, polars.DataFrame) in Python's style rather than Rust's.
#![allow(clippy::doc_markdown)]
// pyo3 hands every argument over by value: a `Text` is the checked form of a `str`, read
// once, whether the function then keeps it or only looks at it.
#![allow(clippy::needless_pass_by_value)]

use pyo3::prelude::*;

pub mod arrow_in;
pub mod arrow_out;
pub mod calendar;
pub mod convert;
pub mod dataset;
pub mod errors;
pub mod generate;
pub mod json;
pub mod list;
pub mod partial;
pub mod report;
pub mod request;
pub mod score;
pub mod warn;

/// The extension module.
#[pymodule]
fn _motcua(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    partial::register(m)?;
    warn::register(m)?;
    m.add_class::<calendar::PyCalendar>()?;
    m.add_class::<dataset::PyDataset>()?;
    m.add_class::<dataset::PyRowError>()?;
    m.add_class::<report::PyReport>()?;
    m.add_class::<score::PyScore>()?;
    m.add_class::<arrow_out::PyTableOut>()?;
    m.add_class::<list::PyDossierList>()?;
    m.add_function(wrap_pyfunction!(dataset::read, m)?)?;
    m.add_function(wrap_pyfunction!(dataset::read_postgres, m)?)?;
    m.add_function(wrap_pyfunction!(dataset::inspect, m)?)?;
    m.add_function(wrap_pyfunction!(dataset::from_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(report::report, m)?)?;
    m.add_function(wrap_pyfunction!(list::list_dossiers, m)?)?;
    m.add_function(wrap_pyfunction!(report::format_number, m)?)?;
    m.add_function(wrap_pyfunction!(report::format_percent, m)?)?;
    m.add_function(wrap_pyfunction!(score::score, m)?)?;
    m.add_function(wrap_pyfunction!(score::rulebooks, m)?)?;
    m.add_function(wrap_pyfunction!(score::rulebook_toml, m)?)?;
    m.add_function(wrap_pyfunction!(generate::generate, m)?)?;
    m.add_function(wrap_pyfunction!(generate::generate_units, m)?)?;
    m.add_function(wrap_pyfunction!(generate::sample_agencies, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
