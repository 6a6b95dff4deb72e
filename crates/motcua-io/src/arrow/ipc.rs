//! Arrow IPC input: the file format (`.arrow`, `.feather` v2, starting with `ARROW1`) and
//! the stream format (`.arrows`), told apart by their first bytes. Batches are read one
//! at a time, so memory holds a few batches, not the table.

use std::io::{BufRead, BufReader, Cursor, Read, Seek};

use arrow_ipc::reader::{FileReader, StreamReader};
use motcua_core::calendar::Calendar;
use motcua_core::dossier::Dossier;

use super::{ArrowReadError, BatchReader};
use crate::blocks::Ingested;
use crate::dossiers::ReadOptions;

/// The first bytes of an Arrow IPC file.
pub const FILE_MAGIC: &[u8; 6] = b"ARROW1";

fn format_error(e: &arrow_schema::ArrowError) -> ArrowReadError {
    ArrowReadError::Format(format!("not a readable Arrow IPC file or stream: {e}"))
}

/// Reads an Arrow IPC file (random access: the footer tells where the batches are).
pub fn read_file<R: Read + Seek>(
    input: R,
    calendar: &Calendar,
    opts: &ReadOptions,
    visit: impl FnMut(&Dossier),
) -> Result<Ingested, ArrowReadError> {
    let reader = FileReader::try_new_buffered(input, None).map_err(|e| format_error(&e))?;
    let schema = reader.schema();
    let mut rows = BatchReader::new(&schema, calendar, opts, None, visit)?;
    for batch in reader {
        rows.push(&batch.map_err(|e| format_error(&e))?)?;
    }
    rows.finish()
}

/// Reads an Arrow IPC stream, batch after batch.
pub fn read_stream<R: Read>(
    input: R,
    calendar: &Calendar,
    opts: &ReadOptions,
    visit: impl FnMut(&Dossier),
) -> Result<Ingested, ArrowReadError> {
    let reader = StreamReader::try_new_buffered(input, None).map_err(|e| format_error(&e))?;
    let schema = reader.schema();
    let mut rows = BatchReader::new(&schema, calendar, opts, None, visit)?;
    for batch in reader {
        rows.push(&batch.map_err(|e| format_error(&e))?)?;
    }
    rows.finish()
}

/// Reads Arrow IPC of either format from a stream: a stream as it comes, a file (which
/// needs random access) after reading it into memory.
pub fn read_any<R: Read>(
    input: R,
    calendar: &Calendar,
    opts: &ReadOptions,
    visit: impl FnMut(&Dossier),
) -> Result<Ingested, ArrowReadError> {
    let mut input = BufReader::with_capacity(1 << 16, input);
    let head = input
        .fill_buf()
        .map_err(|e| ArrowReadError::Read(e.into()))?;
    if head.starts_with(FILE_MAGIC) {
        let mut bytes = Vec::new();
        input
            .read_to_end(&mut bytes)
            .map_err(|e| ArrowReadError::Read(e.into()))?;
        read_file(Cursor::new(bytes), calendar, opts, visit)
    } else {
        read_stream(input, calendar, opts, visit)
    }
}

/// Reads Arrow IPC of either format from a seekable source (a file).
pub fn read_seekable<R: Read + Seek>(
    mut input: R,
    calendar: &Calendar,
    opts: &ReadOptions,
    visit: impl FnMut(&Dossier),
) -> Result<Ingested, ArrowReadError> {
    let mut head = [0u8; 6];
    let n = read_up_to(&mut input, &mut head).map_err(|e| ArrowReadError::Read(e.into()))?;
    input
        .seek(std::io::SeekFrom::Start(0))
        .map_err(|e| ArrowReadError::Read(e.into()))?;
    if head[..n] == FILE_MAGIC[..] {
        read_file(input, calendar, opts, visit)
    } else {
        read_stream(input, calendar, opts, visit)
    }
}

fn read_up_to(input: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match input.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}
