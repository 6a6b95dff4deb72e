//! Reading the dossier table from Arrow record batches (`motcua.from_arrow`): a thin
//! wrapper over `motcua_io::arrow`, which reads Arrow for every surface (the same cells,
//! the same row decisions, rows numbered across all batches from 1).

use arrow_array::RecordBatch;
use arrow_schema::Schema;
use motcua_core::calendar::Calendar;
use motcua_core::dossier::Dataset;
pub use motcua_io::arrow::{ArrowReadError, text_table};
use motcua_io::dossiers::ReadOptions;

/// Reads record batches of the dossier table into a dataset, with the read options that
/// the resolution layer resolved (`Options::read_options`: strictness, profile, catalog,
/// where a time limit starts) and the caller's thread count.
pub fn read_batches(
    schema: &Schema,
    batches: &[RecordBatch],
    calendar: &Calendar,
    opts: &ReadOptions,
) -> Result<Dataset, ArrowReadError> {
    let mut dossiers = Vec::new();
    let ing = motcua_io::arrow::read_batches(schema, batches, calendar, opts, |d| {
        dossiers.push(*d);
    })?;
    Ok(ing.into_dataset(dossiers))
}
