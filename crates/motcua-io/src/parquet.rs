//! Parquet input: the file's row groups are decoded to Arrow record batches (only the
//! contract's columns) and read as Arrow input is ([`crate::arrow`]): the same cells, the
//! same row decisions, rows numbered across all batches.
//!
//! Codecs are pure Rust: uncompressed, snappy (pyarrow's default), gzip, brotli, lz4. A file
//! compressed with zstd is refused with a message that says so.

use std::io::Read;

use arrow_array::RecordBatchReader as _;
use bytes::Bytes;
use motcua_core::calendar::Calendar;
use motcua_core::dossier::Dossier;
use motcua_core::record::Column;
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::file::reader::ChunkReader;

use crate::arrow::{ArrowReadError, BatchReader};
use crate::blocks::Ingested;
use crate::dossiers::ReadOptions;

/// The first (and last) bytes of a Parquet file.
pub const MAGIC: &[u8; 4] = b"PAR1";

/// Rows per decoded batch.
const BATCH_ROWS: usize = 1 << 16;

fn format_error(e: &dyn std::fmt::Display) -> ArrowReadError {
    let text = e.to_string();
    let hint = if text.to_ascii_lowercase().contains("zstd") {
        " (zstd is not supported: write the file with snappy, gzip, brotli or lz4 compression)"
    } else {
        ""
    };
    ArrowReadError::Format(format!("cannot read the Parquet file: {text}{hint}"))
}

/// Reads a Parquet file (random access: a `File`, or bytes in memory).
pub fn read<T: ChunkReader + 'static>(
    input: T,
    calendar: &Calendar,
    opts: &ReadOptions,
    visit: impl FnMut(&Dossier),
) -> Result<Ingested, ArrowReadError> {
    let builder = ParquetRecordBatchReaderBuilder::try_new(input).map_err(|e| format_error(&e))?;
    let names: Vec<&str> = builder
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().as_str())
        .collect();
    let mapped = crate::arrow::map_schema(&names, opts)?;
    let header = mapped.header();
    let mut wanted: Vec<usize> = Column::ALL
        .iter()
        .filter_map(|&c| header.index(c))
        .collect();
    wanted.sort_unstable();
    let mask = ProjectionMask::roots(builder.parquet_schema(), wanted);
    let rows = builder.metadata().file_metadata().num_rows();
    let reader = builder
        .with_projection(mask)
        .with_batch_size(BATCH_ROWS)
        .build()
        .map_err(|e| format_error(&e))?;
    let schema = reader.schema();
    let hint = usize::try_from(rows).ok();
    // the projected columns are read through the profile chosen on the whole schema
    let opts = ReadOptions {
        profile: Some(std::sync::Arc::new(mapped.profile().clone())),
        ..opts.clone()
    };
    let mut batches = BatchReader::new(&schema, calendar, &opts, hint, visit)?;
    batches.push_all(reader, |e| format_error(&e))?;
    batches.finish()
}

/// Reads a Parquet file held in memory.
pub fn read_bytes(
    bytes: &[u8],
    calendar: &Calendar,
    opts: &ReadOptions,
    visit: impl FnMut(&Dossier),
) -> Result<Ingested, ArrowReadError> {
    read(Bytes::copy_from_slice(bytes), calendar, opts, visit)
}

/// Reads a Parquet file from a stream: its footer comes last, so the stream is read into
/// memory first.
pub fn read_stream<R: Read>(
    mut input: R,
    calendar: &Calendar,
    opts: &ReadOptions,
    visit: impl FnMut(&Dossier),
) -> Result<Ingested, ArrowReadError> {
    let mut bytes = Vec::new();
    input
        .read_to_end(&mut bytes)
        .map_err(|e| ArrowReadError::Read(e.into()))?;
    read(Bytes::from(bytes), calendar, opts, visit)
}
