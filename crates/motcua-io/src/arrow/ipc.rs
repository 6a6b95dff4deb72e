//! Arrow IPC input: the file format (`.arrow`, `.feather` v2, starting with `ARROW1`) and
//! the stream format (`.arrows`), told apart by their first bytes. Batches are read one
//! at a time, so memory holds a few batches, not the table.

use std::io::{BufRead, BufReader, Cursor, Read, Seek, SeekFrom};

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
pub fn read_file<R: Read + Seek + Send>(
    mut input: R,
    calendar: &Calendar,
    opts: &ReadOptions,
    visit: impl FnMut(&Dossier),
) -> Result<Ingested, ArrowReadError> {
    let total = check_footer(&mut input)?;
    let reader = FileReader::try_new_buffered(input, None).map_err(|e| format_error(&e))?;
    let schema = reader.schema();
    let mut rows = BatchReader::new(&schema, calendar, opts, total, visit)?;
    rows.push_all(reader, |e| format_error(&e))?;
    rows.finish()
}

/// Checks an IPC file's footer against the file's length before the reader allocates what
/// the footer claims: the reader makes room for a footer and for each block as long as they
/// say they are, so a file of 2 kB could claim a batch of 4 GiB. Leaves `input` at its start.
///
/// Returns the file's number of rows when the batches' own headers say it (read from their
/// metadata, a few hundred bytes each), so that the duplicate check is reserved once
/// instead of growing as the batches come.
pub(super) fn check_footer<R: Read + Seek>(input: &mut R) -> Result<Option<usize>, ArrowReadError> {
    let io = |e: std::io::Error| ArrowReadError::Read(e.into());
    let bad =
        |what: String| ArrowReadError::Format(format!("not a readable Arrow IPC file: {what}"));
    let len = input.seek(SeekFrom::End(0)).map_err(io)?;
    // the magic, padding, the footer's length and the magic again
    if len >= 18 {
        let mut tail = [0u8; 10];
        input.seek(SeekFrom::End(-10)).map_err(io)?;
        input.read_exact(&mut tail).map_err(io)?;
        let footer_len =
            arrow_ipc::reader::read_footer_length(tail).map_err(|e| format_error(&e))?;
        if footer_len as u64 > len - 18 {
            return Err(bad(format!(
                "its footer claims {footer_len} bytes, more than the file's {len}"
            )));
        }
        let mut footer = vec![0u8; footer_len];
        input
            .seek(SeekFrom::End(
                -10 - i64::try_from(footer_len).unwrap_or(i64::MAX),
            ))
            .map_err(io)?;
        input.read_exact(&mut footer).map_err(io)?;
        let footer = arrow_ipc::root_as_footer(&footer)
            .map_err(|e| bad(format!("its footer is not valid: {e}")))?;
        let blocks = footer.recordBatches().into_iter().flatten();
        let batches: Vec<(i64, i32)> = blocks
            .clone()
            .map(|b| (b.offset(), b.metaDataLength()))
            .collect();
        for b in blocks.chain(footer.dictionaries().into_iter().flatten()) {
            let (offset, meta, body) = (b.offset(), i64::from(b.metaDataLength()), b.bodyLength());
            let end = offset.checked_add(meta).and_then(|e| e.checked_add(body));
            let inside = offset >= 0
                && meta >= 0
                && body >= 0
                && end
                    .and_then(|e| u64::try_from(e).ok())
                    .is_some_and(|e| e <= len);
            if !inside {
                return Err(bad(format!(
                    "a block of {meta} + {body} bytes at offset {offset} lies outside the file \
                     of {len} bytes"
                )));
            }
        }
        let rows = batch_rows(input, &batches);
        input.seek(SeekFrom::Start(0)).map_err(io)?;
        return Ok(rows);
    }
    input.seek(SeekFrom::Start(0)).map_err(io)?;
    Ok(None)
}

/// The rows of the record batches at these blocks (offset, metadata length, both checked
/// inside the file), from each batch's message header; `None` when a header cannot be read
/// or the metadata would take more than 16 MiB to read (the reader then finds any fault).
fn batch_rows<R: Read + Seek>(input: &mut R, blocks: &[(i64, i32)]) -> Option<usize> {
    const MAX_READ: u64 = 16 << 20;
    const MAX_META: usize = 1 << 16;
    let mut read = 0u64;
    let mut total = 0usize;
    let mut buf = Vec::new();
    for &(offset, meta) in blocks {
        let meta = usize::try_from(meta)
            .ok()
            .filter(|m| (8..=MAX_META).contains(m))?;
        read += meta as u64;
        if read > MAX_READ {
            return None;
        }
        buf.resize(meta, 0);
        input
            .seek(SeekFrom::Start(u64::try_from(offset).ok()?))
            .ok()?;
        input.read_exact(&mut buf).ok()?;
        // a continuation marker (0xFFFFFFFF) then the length, or the length alone (before
        // Arrow 0.15), then the message's flatbuffer
        let at = if buf[..4] == [0xff; 4] { 4 } else { 0 };
        let len = usize::try_from(i32::from_le_bytes(buf[at..at + 4].try_into().ok()?)).ok()?;
        let message = buf.get(at + 4..at + 4 + len)?;
        let message = arrow_ipc::root_as_message(message).ok()?;
        let rows = usize::try_from(message.header_as_record_batch()?.length()).ok()?;
        total = total.checked_add(rows)?;
    }
    Some(total)
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
pub fn read_seekable<R: Read + Seek + Send>(
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
        check_stream(&mut input)?;
        read_stream(input, calendar, opts, visit)
    }
}

/// Checks the messages of an IPC stream held in a file against the file's length, as
/// [`check_footer`] does for a file: the stream reader makes room for each message's
/// metadata and body as long as they say they are. Reads the metadata only (the bodies are
/// skipped) and leaves `input` at its start; what it cannot parse is left to the reader.
fn check_stream<R: Read + Seek>(input: &mut R) -> Result<(), ArrowReadError> {
    let io = |e: std::io::Error| ArrowReadError::Read(e.into());
    let len = input.seek(SeekFrom::End(0)).map_err(io)?;
    input.seek(SeekFrom::Start(0)).map_err(io)?;
    let mut pos = 0u64;
    let mut word = [0u8; 4];
    while pos + 4 <= len {
        input.read_exact(&mut word).map_err(io)?;
        pos += 4;
        // a continuation marker before the length (the legacy format has none)
        if word == [0xff; 4] {
            if pos + 4 > len {
                break;
            }
            input.read_exact(&mut word).map_err(io)?;
            pos += 4;
        }
        let meta = i64::from(i32::from_le_bytes(word));
        if meta == 0 {
            break;
        }
        let outside = |what: &str, n: i64, pos: u64| {
            ArrowReadError::Format(format!(
                "not a readable Arrow IPC stream: a message's {what} of {n} bytes at offset \
                 {pos} lies outside the file of {len} bytes"
            ))
        };
        let Some(meta_len) = u64::try_from(meta).ok().filter(|&m| m <= len - pos) else {
            return Err(outside("metadata", meta, pos));
        };
        let mut buf = vec![0u8; usize::try_from(meta_len).unwrap_or(usize::MAX)];
        input.read_exact(&mut buf).map_err(io)?;
        pos += meta_len;
        let Ok(message) = arrow_ipc::root_as_message(&buf) else {
            break;
        };
        let body = message.bodyLength();
        let Some(body_len) = u64::try_from(body).ok().filter(|&b| b <= len - pos) else {
            return Err(outside("body", body, pos));
        };
        pos += body_len;
        input.seek(SeekFrom::Start(pos)).map_err(io)?;
    }
    input.seek(SeekFrom::Start(0)).map_err(io)?;
    Ok(())
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
