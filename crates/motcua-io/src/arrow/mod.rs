//! Reading the dossier table from Arrow: IPC files and streams ([`ipc`]), and record
//! batches held in memory ([`read_batches`], [`BatchReader`]). Parquet files
//! (`crate::parquet`) are read through the same path.
//!
//! Each row's contract columns are turned into the contract's text forms (see the `cell`
//! module: text as the CSV text would be, integers as their digits, dates, timestamps in
//! UTC+7) and go through [`motcua_core::record::parse_row`] and the same merge as the CSV
//! reader, so a row gets the same decision whatever format it came in. A contract column of
//! any other type is rejected, naming the column and its type.
//!
//! Rows are numbered across all batches, the first row being 1 ([`RowError::line`]); an
//! error also names the batch and the row in it ("batch 2, row 17").
//!
//! ```
//! use std::sync::Arc;
//! use arrow_array::{ArrayRef, Int64Array, RecordBatch, StringArray};
//! use motcua_core::calendar::Calendar;
//! use motcua_io::arrow::read_batches;
//! use motcua_io::dossiers::ReadOptions;
//!
//! let text = |v: &[&str]| Arc::new(StringArray::from(v.to_vec())) as ArrayRef;
//! let batch = RecordBatch::try_from_iter([
//!     ("MaHoSo", text(&["H1", "H1"])),
//!     ("DonViXuLy", text(&["STP", "STP"])),
//!     ("KenhThucHien", Arc::new(Int64Array::from(vec![2, 1])) as ArrayRef),
//!     ("NgayTiepNhan", text(&["2021-07-01 09:00", "2021-07-02"])),
//!     ("ThoiHanGiaiQuyet", text(&["3", "3"])),
//!     ("TrangThaiHoSo", text(&["4", "4"])),
//! ]).unwrap();
//! let mut n = 0;
//! let ing = read_batches(&batch.schema(), &[batch], &Calendar::vn(), &ReadOptions::default(), |_| n += 1).unwrap();
//! assert_eq!((n, ing.input.rejected), (1, 1));
//! let e = &ing.input.errors[0];
//! assert_eq!((e.line, e.batch, e.batch_row), (2, Some(1), Some(2)));
//! assert_eq!(e.to_string(), "batch 1, row 2, column MaHoSo: ".to_owned() + &e.message);
//! ```

mod cell;
pub mod ipc;
mod rows;

use arrow_array::RecordBatch;
use arrow_schema::Schema;
use motcua_core::calendar::Calendar;
use motcua_core::dossier::Dossier;
use motcua_core::record::{HeaderError, RowError};

use self::cell::{Inline, Prepared, Src, prepare};
pub use self::rows::BatchReader;
pub(crate) use self::rows::map_schema;
use crate::blocks::Ingested;
use crate::dossiers::ReadOptions;
use crate::error::ReadError;
use crate::input::InputError;

/// Why an Arrow (or Parquet) table cannot be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ArrowReadError {
    /// The column names are unusable (missing required columns, duplicates).
    #[error("{0}")]
    Header(HeaderError),
    /// A contract column has an Arrow type that cannot be read.
    #[error(
        "column {column} has Arrow type {data_type}, which motcua cannot read: give it as text \
         (the contract's forms), integers, dates or timestamps"
    )]
    Type {
        /// The column.
        column: String,
        /// Its Arrow type.
        data_type: String,
    },
    /// Arrow failed while converting a column, or a batch does not fit the schema.
    #[error("{}{message}", if column.is_empty() { String::new() } else { format!("column {column}: ") })]
    Arrow {
        /// The column (empty when the fault is not a column's).
        column: String,
        /// What Arrow said.
        message: String,
    },
    /// The file or stream is not valid Arrow IPC or Parquet.
    #[error("{0}")]
    Format(String),
    /// Reading failed (the merge of rows, the file).
    #[error(transparent)]
    Read(ReadError),
    /// A bad row in strict mode.
    #[error("{0} (strict mode stops at the first bad row)")]
    Row(RowError),
}

impl ArrowReadError {
    /// The row number of the error, when it has one (the header counts as row 1 for a
    /// header error, as in every format).
    #[must_use]
    pub fn line(&self) -> Option<u64> {
        match self {
            Self::Header(_) => Some(1),
            Self::Row(e) => Some(e.line),
            Self::Read(e) => e.line(),
            _ => None,
        }
    }

    /// The column of the error, when it has one.
    #[must_use]
    pub fn column(&self) -> Option<&str> {
        match self {
            Self::Type { column, .. } => Some(column),
            Self::Arrow { column, .. } if !column.is_empty() => Some(column),
            Self::Row(e) => e.column.as_deref(),
            Self::Read(e) => e.column(),
            _ => None,
        }
    }
}

impl From<ArrowReadError> for InputError {
    fn from(e: ArrowReadError) -> Self {
        match e {
            ArrowReadError::Header(h) => Self::Read(ReadError::Header(h)),
            ArrowReadError::Row(r) => Self::Read(ReadError::Row(r)),
            ArrowReadError::Read(r) => Self::Read(r),
            other => Self::File(other.to_string()),
        }
    }
}

/// Reads record batches held in memory: `visit` sees every used dossier in input order.
pub fn read_batches(
    schema: &Schema,
    batches: &[RecordBatch],
    calendar: &Calendar,
    opts: &ReadOptions,
    visit: impl FnMut(&Dossier),
) -> Result<Ingested, ArrowReadError> {
    let rows = batches.iter().map(RecordBatch::num_rows).sum();
    let mut reader = BatchReader::new(schema, calendar, opts, Some(rows), visit)?;
    for b in batches {
        reader.push(b)?;
    }
    reader.finish()
}

/// The column names and every row of a (small) table as text, each cell converted as a
/// dossier cell is. For tables read through a row parser of the core other than the
/// dossiers' (the units table).
pub fn text_table(
    schema: &Schema,
    batches: &[RecordBatch],
) -> Result<(Vec<String>, Vec<Vec<String>>), ArrowReadError> {
    let names: Vec<String> = schema.fields().iter().map(|f| f.name().clone()).collect();
    let mut rows = Vec::new();
    for b in batches {
        let prepared: Vec<Prepared> = names
            .iter()
            .enumerate()
            .map(|(i, n)| prepare(n, b.column(i)))
            .collect::<Result<_, _>>()?;
        let srcs: Vec<Src<'_>> = prepared.iter().map(Src::of).collect();
        for i in 0..b.num_rows() {
            rows.push(
                srcs.iter()
                    .map(|s| {
                        s.borrowed(i).map_or_else(
                            || {
                                let mut t = Inline::new();
                                s.write(i, &mut t);
                                t.as_str().to_owned()
                            },
                            str::to_owned,
                        )
                    })
                    .collect(),
            );
        }
    }
    Ok((names, rows))
}

#[cfg(test)]
mod tests;
