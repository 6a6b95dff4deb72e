//! Reading the dossier table (contract sections 1, 2 and 6) from CSV.
//!
//! The reader streams: it holds a few blocks of a few megabytes at a time, whatever the
//! size of the input, and hands every used dossier to a callback in input order. With
//! `threads > 1` blocks are parsed on worker threads while the calling thread keeps the
//! input order, detects repeated codes and runs the callback.
//!
//! Every row makes exactly one of three outcomes: used, not received (status 1 or 3), or
//! rejected with its line, column and message; `rows = used + rejected + not_received`.

use std::collections::BTreeMap;
use std::io::Read;
use std::sync::{Arc, Mutex, mpsc};

use motcua_core::catalog::Catalog;

use motcua_core::calendar::Calendar;
use motcua_core::dossier::{Dataset, Dossier};
use motcua_core::profile::{MappedValues, Profile};
use motcua_core::record::RowContext;
use motcua_core::record::{Column, ErrorKind, FieldError, Header, Ingest, ParsedRow, RowError};

pub use crate::blocks::Ingested;
use crate::blocks::{Block, BlockBuilder, Merger};
use crate::error::ReadError;
use crate::limits::{Limit, Limits};
use crate::lines::{
    LineCursor, each_byte, each_line, first_record_end, last_record_end, line_ends,
};
use crate::profile::{CsvLayout, sniff_csv};

/// How to read.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Stop at the first bad row instead of listing it.
    pub strict: bool,
    /// Worker threads for parsing; 0 = as many as the machine has, 1 = none.
    pub threads: usize,
    /// Size of a block handed to a worker, in bytes.
    pub block_size: usize,
    /// The input's size in bytes, when known: memory for duplicate detection is reserved
    /// up front instead of growing.
    pub size_hint: Option<u64>,
    /// The procedure catalog that fills a dossier's missing level and field (contract 13).
    pub catalog: Option<Arc<Catalog>>,
    /// Which used dossiers to keep with their codes (dossier lists, contract 12).
    pub keep: Option<Keep>,
    /// Size limits ([`Limits`]).
    pub limits: Limits,
    /// The source profile (contract 14); `None` = `auto`, detected from the header
    /// ([`crate::profile::resolve_profile`] reads a `--profile` value).
    pub profile: Option<Arc<motcua_core::profile::Profile>>,
    /// Decree 309/2026: the time limit runs from `NgayTiepNhanCoQuanGiaiQuyet` when a row
    /// gives it (`--deadline-from deciding-agency`; every reader).
    pub deadline_from_deciding_agency: bool,
    /// The convention `closed_day_as_day_one` (a receipt on a closed day: the first working
    /// day after it is day 1 of the limit); set from the request's conventions.
    pub closed_day_as_day_one: bool,
    /// Several inputs read as one (`--input a.csv --input b.csv`): the duplicate check and
    /// the agencies, officials, procedures and fields carry from one read to the next.
    /// `None` (the default): each read stands alone.
    pub chain: Option<Chain>,
}

/// What carries from one read to the next when several inputs are read as one
/// ([`ReadOptions::chain`]): the codes seen (a code repeated in a later file is rejected
/// there, as a repeated row is) and the interned names, so that dossier ids stay valid.
/// Each read's [`Ingested`] has its own input summary and kept dossiers.
#[derive(Clone, Default)]
pub struct Chain(Arc<Mutex<Option<Ingest>>>);

impl std::fmt::Debug for Chain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Chain(..)")
    }
}

impl Chain {
    /// A new chain: the first read starts afresh.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    fn slot(&self) -> std::sync::MutexGuard<'_, Option<Ingest>> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl ReadOptions {
    /// What each row is checked against: `calendar` and these options. Every reader builds
    /// its rows' context here, so that an option reaches every format.
    #[must_use]
    pub const fn row_context<'c>(&self, calendar: &'c Calendar) -> RowContext<'c> {
        RowContext {
            calendar,
            deadline_from_deciding_agency: self.deadline_from_deciding_agency,
            closed_day_as_day_one: self.closed_day_as_day_one,
        }
    }
}

/// A filter of used dossiers to keep with their codes ([`Ingested::kept`]).
#[derive(Clone)]
pub struct Keep(pub Arc<dyn Fn(&Dossier) -> bool + Send + Sync>);

impl std::fmt::Debug for Keep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keep(..)")
    }
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            strict: false,
            threads: 1,
            block_size: 4 << 20,
            size_hint: None,
            catalog: None,
            keep: None,
            limits: Limits::default(),
            profile: None,
            deadline_from_deciding_agency: false,
            closed_day_as_day_one: false,
            chain: None,
        }
    }
}

impl ReadOptions {
    /// Lenient reading on every core.
    #[must_use]
    pub fn parallel() -> Self {
        Self {
            threads: 0,
            ..Self::default()
        }
    }

    /// A new [`Ingest`] with these options: strictness, catalog, kept dossiers.
    #[must_use]
    pub fn ingest(&self) -> Ingest {
        if let Some(carried) = self.chain.as_ref().and_then(|c| c.slot().take()) {
            return carried;
        }
        let ing = Ingest::new(self.strict).with_catalog(self.catalog.clone());
        match &self.keep {
            Some(k) => {
                let k = k.0.clone();
                ing.keep(Box::new(move |d| k(d)))
            }
            None => ing,
        }
    }

    /// What a read leaves once its rows are merged. In a [`Chain`], the ingest's codes
    /// and names stay for the next read; its summary and kept dossiers are this read's.
    pub(crate) fn finished(&self, mut ingest: Ingest) -> Ingested {
        let Some(chain) = &self.chain else {
            return ingest.into();
        };
        let ing = Ingested {
            agencies: ingest.agencies.clone(),
            officials: ingest.officials.clone(),
            procedures: ingest.procedures.clone(),
            fields: ingest.fields.clone(),
            kept: std::mem::take(&mut ingest.kept),
            input: std::mem::take(&mut ingest.input),
        };
        *chain.slot() = Some(ingest);
        ing
    }

    pub(crate) fn worker_count(&self) -> usize {
        match self.threads {
            0 => std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
            n => n,
        }
    }
}

/// Reads a whole CSV input into memory.
pub fn read_dataset<R: Read + Send>(
    input: R,
    calendar: &Calendar,
    opts: &ReadOptions,
) -> Result<Dataset, ReadError> {
    let mut dossiers = Vec::new();
    let ing = read_dossiers(input, calendar, opts, &|_| {}, |d| dossiers.push(*d))?;
    Ok(ing.into_dataset(dossiers))
}

/// Streams a CSV input: `visit` sees every used dossier in input order; `progress` is told
/// how many bytes have been read so far.
pub fn read_dossiers<R: Read + Send>(
    input: R,
    calendar: &Calendar,
    opts: &ReadOptions,
    progress: &(dyn Fn(u64) + Sync),
    mut visit: impl FnMut(&Dossier),
) -> Result<Ingested, ReadError> {
    let pools = Pools::default();
    let profile = crate::profile::chosen(opts.profile.as_ref());
    let input = crate::profile::decoded(input, profile.encoding)?;
    let mut chunker = Chunker::new(input, opts.block_size.max(1024), &pools, opts.limits);
    let layout = chunker.read_header(&profile)?;
    let header = &layout;
    let cx = &opts.row_context(calendar);
    let mut ingest = opts.ingest();
    if let Some(size) = opts.size_hint {
        ingest.reserve(expected_rows(size, chunker.bytes_per_row()));
    }
    let mut merger = Ordered {
        merger: Merger::new(ingest),
        bytes: 0,
        pools: &pools,
    };
    let workers = opts.worker_count();
    if workers <= 1 {
        let mut seq = 0;
        while let Some(chunk) = chunker.next_chunk(seq)? {
            seq += 1;
            let out = parse_chunk(chunk, header, cx, &pools);
            merger.merge(out, &mut visit)?;
            progress(merger.bytes);
        }
    } else {
        parallel(
            chunker,
            header,
            cx,
            workers,
            &mut merger,
            progress,
            &mut visit,
        )?;
    }
    let mut ing = opts.finished(merger.merger.into_ingest());
    ing.input.profile = Some(layout.mapped.profile().name.clone());
    Ok(ing)
}

fn parallel<R: Read + Send>(
    mut chunker: Chunker<'_, R>,
    header: &CsvLayout,
    cx: &RowContext<'_>,
    workers: usize,
    merger: &mut Ordered<'_>,
    progress: &(dyn Fn(u64) + Sync),
    visit: &mut impl FnMut(&Dossier),
) -> Result<(), ReadError> {
    let (chunk_tx, chunk_rx) = mpsc::sync_channel::<Result<Chunk, ReadError>>(workers + 1);
    let chunk_rx = Mutex::new(chunk_rx);
    let stop = std::sync::atomic::AtomicBool::new(false);
    let stop = &stop;
    std::thread::scope(|s| {
        let (out_tx, out_rx) = mpsc::sync_channel::<Result<ChunkOut, ReadError>>(workers * 2);
        s.spawn(move || {
            let mut seq = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                match chunker.next_chunk(seq) {
                    Ok(Some(c)) => {
                        seq += 1;
                        if chunk_tx.send(Ok(c)).is_err() {
                            return;
                        }
                    }
                    Ok(None) => return,
                    Err(e) => {
                        let _ = chunk_tx.send(Err(e));
                        return;
                    }
                }
            }
        });
        let chunk_rx = &chunk_rx;
        let pools = merger.pools;
        for _ in 0..workers {
            let out_tx = out_tx.clone();
            s.spawn(move || {
                loop {
                    let next = chunk_rx.lock().map(|rx| rx.recv());
                    let Ok(Ok(chunk)) = next else { return };
                    let out = chunk.map(|c| parse_chunk(c, header, cx, pools));
                    let stop = out.is_err();
                    if out_tx.send(out).is_err() || stop {
                        return;
                    }
                }
            });
        }
        drop(out_tx);
        let mut pending: BTreeMap<u64, ChunkOut> = BTreeMap::new();
        let mut next = 0;
        let result = (|| {
            for out in &out_rx {
                let out = out?;
                pending.insert(out.seq, out);
                while let Some(out) = pending.remove(&next) {
                    next += 1;
                    merger.merge(out, visit)?;
                    progress(merger.bytes);
                }
            }
            Ok(())
        })();
        drop(out_rx);
        if result.is_err() {
            // Let the reader see the stop flag and the workers drain: nothing blocks.
            stop.store(true, std::sync::atomic::Ordering::Relaxed);
            while let Ok(Ok(_)) = chunk_rx.lock().map(|rx| rx.recv()) {}
        }
        result
    })
}

/// Buffers handed back for reuse, so that a long input does not map and zero fresh pages
/// for every block.
#[derive(Default)]
struct Pools {
    data: Mutex<Vec<Vec<u8>>>,
    blocks: Mutex<Vec<Block>>,
}

impl Pools {
    fn data(&self) -> Vec<u8> {
        self.data
            .lock()
            .ok()
            .and_then(|mut p| p.pop())
            .unwrap_or_default()
    }
    fn give_data(&self, mut v: Vec<u8>) {
        v.clear();
        if let Ok(mut p) = self.data.lock() {
            if p.len() < 8 {
                p.push(v);
            }
        }
    }
    fn block(&self) -> Block {
        self.blocks
            .lock()
            .ok()
            .and_then(|mut p| p.pop())
            .unwrap_or_default()
    }
    fn give_block(&self, b: Block) {
        if let Ok(mut p) = self.blocks.lock() {
            if p.len() < 8 {
                p.push(b);
            }
        }
    }
}

/// A block of whole records.
struct Chunk {
    seq: u64,
    data: Vec<u8>,
    first_line: u64,
    /// The record size limit ([`Limits::max_record_bytes`]).
    max_record: usize,
}

/// About how many rows an input of `size` bytes holds: by the bytes of a row in its first
/// lines, 2 % more for rows that are longer further on; 120 bytes a row (real exports)
/// when the first lines are too few. A table sized by it that turns out too small grows as
/// it goes.
fn expected_rows(size: u64, bytes_per_row: Option<u64>) -> usize {
    let per_row = bytes_per_row.unwrap_or(120).max(8);
    let rows = size / per_row;
    usize::try_from((rows + rows / 50).min(1 << 32)).unwrap_or(usize::MAX)
}

/// Splits the input into blocks that end at a record boundary (a newline outside quotes).
struct Chunker<'p, R> {
    input: R,
    block: usize,
    pending: Vec<u8>,
    next_line: u64,
    eof: bool,
    pools: &'p Pools,
    limits: Limits,
}

impl<'p, R: Read> Chunker<'p, R> {
    fn new(input: R, block: usize, pools: &'p Pools, limits: Limits) -> Self {
        Self {
            input,
            block,
            pending: Vec::new(),
            next_line: 1,
            eof: false,
            pools,
            limits,
        }
    }

    fn fill(&mut self, want: usize) -> Result<(), ReadError> {
        while !self.eof && self.pending.len() < want {
            let room = (want - self.pending.len()) as u64;
            self.pending.reserve(want - self.pending.len());
            match (&mut self.input).take(room).read_to_end(&mut self.pending) {
                Ok(0) => self.eof = true,
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(ReadError::Stream(e)),
            }
        }
        Ok(())
    }

    /// Sniffs the separator and header row in the first 64 KiB (more if the first record
    /// is longer) and maps the header through the profile; the title rows and the header
    /// are consumed, their lines counted.
    fn read_header(&mut self, profile: &Profile) -> Result<CsvLayout, ReadError> {
        let mut want = 64 << 10;
        let mut bom_checked = false;
        loop {
            self.fill(want)?;
            if !bom_checked && self.pending.starts_with(b"\xEF\xBB\xBF") {
                self.pending.drain(..3);
            }
            bom_checked = true;
            if first_record_end(&self.pending, self.eof).is_some() || self.eof {
                let layout = sniff_csv(&self.pending, profile, self.eof)?;
                self.pending.drain(..layout.header_end);
                self.next_line += layout.lines_before_data;
                if layout.mapped.header().width() > self.limits.max_header_fields {
                    return Err(self.limit(Limit::HeaderFields, 1));
                }
                return Ok(layout);
            }
            if self.pending.len() > self.limits.max_record_bytes {
                return Err(self.limit(Limit::RecordBytes, 1));
            }
            want *= 2;
        }
    }

    /// The bytes of a row in the data read ahead after the header (`None` with fewer than
    /// 16 lines there): what the duplicate check's table is sized by.
    fn bytes_per_row(&self) -> Option<u64> {
        let lines = line_ends(&self.pending);
        (lines >= 16).then(|| (self.pending.len() as u64).div_ceil(lines))
    }

    fn next_chunk(&mut self, seq: u64) -> Result<Option<Chunk>, ReadError> {
        let mut want = self.block;
        loop {
            self.fill(want)?;
            if self.pending.is_empty() {
                return Ok(None);
            }
            let split = if self.eof {
                Some(self.pending.len())
            } else {
                last_record_end(&self.pending)
            };
            if let Some(split) = split {
                let mut rest = self.pools.data();
                rest.extend_from_slice(&self.pending[split..]);
                self.pending.truncate(split);
                let data = std::mem::replace(&mut self.pending, rest);
                let first_line = self.next_line;
                self.next_line += line_ends(&data);
                return Ok(Some(Chunk {
                    seq,
                    data,
                    first_line,
                    max_record: self.limits.max_record_bytes,
                }));
            }
            if self.pending.len() > self.limits.max_record_bytes {
                return Err(self.limit(Limit::RecordBytes, self.next_line));
            }
            want = (self.pending.len() * 2).min(self.limits.max_record_bytes + 1);
        }
    }

    /// The error of a limit hit by the record starting at `line`.
    fn limit(&self, limit: Limit, line: u64) -> ReadError {
        let max = match limit {
            Limit::HeaderFields => self.limits.max_header_fields,
            _ => self.limits.max_record_bytes,
        };
        ReadError::Limit { limit, max, line }
    }
}

/// A parsed block, with its place in the input and its size.
struct ChunkOut {
    seq: u64,
    bytes: u64,
    block: Block,
}

fn parse_chunk(chunk: Chunk, layout: &CsvLayout, cx: &RowContext<'_>, pools: &Pools) -> ChunkOut {
    let mut st = BlockBuilder::reuse(pools.block());
    if memchr::memchr(b'"', &chunk.data).is_none() {
        parse_unquoted(&chunk, layout, cx, &mut st);
    } else {
        parse_quoted(&chunk, layout, cx, &mut st);
    }
    let bytes = chunk.data.len() as u64;
    pools.give_data(chunk.data);
    ChunkOut {
        seq: chunk.seq,
        bytes,
        block: st.finish(),
    }
}

/// A block without any quote: every line is one record and every comma separates fields,
/// exactly as RFC 4180 reads it, without a general CSV state machine.
fn parse_unquoted(chunk: &Chunk, layout: &CsvLayout, cx: &RowContext<'_>, st: &mut BlockBuilder) {
    let header = layout.mapped.header();
    let mapped = &layout.mapped;
    let sep = layout.separator;
    let mut fields: Vec<&str> = Vec::with_capacity(header.width());
    let data = &chunk.data[..];
    // One check of the whole block: its lines and fields are split at ASCII bytes, so each
    // of them is valid UTF-8 when the block is (a block that is not is checked line by line,
    // to name the line and column).
    let whole = std::str::from_utf8(data).ok();
    each_line(data, chunk.first_line, |this, range| {
        let raw = &data[range.clone()];
        if raw.len() > chunk.max_record {
            st.fail(record_limit(chunk, this));
            return false;
        }
        let text = match whole.map_or_else(|| std::str::from_utf8(raw), |w| Ok(&w[range])) {
            Ok(t) => t,
            Err(e) => {
                let field = memchr::memchr_iter(sep, &raw[..e.valid_up_to()]).count();
                st.fail(ReadError::NotUtf8 {
                    line: this,
                    column: header_name(header, field),
                });
                return false;
            }
        };
        fields.clear();
        let mut start = 0;
        each_byte(raw, sep, |i| {
            fields.push(text.get(start..i).unwrap_or(""));
            start = i + 1;
        });
        fields.push(text.get(start..).unwrap_or(""));
        if mapped.is_plain() {
            let get = |c: Column| {
                header
                    .index(c)
                    .and_then(|i| fields.get(i).copied())
                    .unwrap_or("")
            };
            st.record_with(this, fields.len(), header, cx, get);
        } else {
            let mut vals = MappedValues::default();
            mapped.apply(|i| fields.get(i).copied().unwrap_or(""), &mut vals);
            st.record_with(this, fields.len(), header, cx, |c| vals.get(c));
        }
        true
    });
}

/// A block with quotes: the `csv` crate reads it (quoted commas, quotes and newlines).
fn parse_quoted(chunk: &Chunk, layout: &CsvLayout, cx: &RowContext<'_>, st: &mut BlockBuilder) {
    let header = layout.mapped.header();
    let mapped = &layout.mapped;
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(layout.separator)
        .from_reader(&chunk.data[..]);
    let mut rec = csv::StringRecord::new();
    let mut lines = LineCursor::new(&chunk.data, chunk.first_line);
    let mut line_of = |p: Option<&csv::Position>| lines.line_at(p.map_or(0, |p| p.byte() as usize));
    loop {
        match rdr.read_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = line_of(e.position());
                if let csv::ErrorKind::Utf8 { err, .. } = e.kind() {
                    st.fail(ReadError::NotUtf8 {
                        line,
                        column: header_name(header, err.field()),
                    });
                } else {
                    st.row(
                        line,
                        ParsedRow::Bad {
                            code: None,
                            error: FieldError::record(format!("malformed CSV: {e}")),
                        },
                    );
                }
                break;
            }
        }
        let line = line_of(rec.position());
        let start = rec.position().map_or(0, csv::Position::byte);
        if rdr.position().byte() - start > chunk.max_record as u64 {
            st.fail(record_limit(chunk, line));
            break;
        }
        if mapped.is_plain() {
            let get = |c: Column| header.index(c).and_then(|i| rec.get(i)).unwrap_or("");
            st.record_with(line, rec.len(), header, cx, get);
        } else {
            let mut vals = MappedValues::default();
            mapped.apply(|i| rec.get(i).unwrap_or(""), &mut vals);
            st.record_with(line, rec.len(), header, cx, |c| vals.get(c));
        }
    }
}

fn record_limit(chunk: &Chunk, line: u64) -> ReadError {
    ReadError::Limit {
        limit: Limit::RecordBytes,
        max: chunk.max_record,
        line,
    }
}

fn header_name(header: &Header, field: usize) -> String {
    Column::ALL
        .into_iter()
        .find(|c| header.index(*c) == Some(field))
        .map_or_else(|| format!("#{}", field + 1), |c| c.name().to_owned())
}

/// Merges parsed blocks in input order and hands their buffers back for reuse.
struct Ordered<'p> {
    merger: Merger,
    bytes: u64,
    pools: &'p Pools,
}

impl Ordered<'_> {
    fn merge(&mut self, out: ChunkOut, visit: &mut impl FnMut(&Dossier)) -> Result<(), ReadError> {
        let emptied = self.merger.merge(out.block, visit)?;
        self.pools.give_block(emptied);
        self.bytes += out.bytes;
        Ok(())
    }
}

/// The error of a row as [`RowError`], for callers that report rows of other formats.
#[must_use]
pub fn row_error(
    line: u64,
    column: Option<Column>,
    kind: ErrorKind,
    message: impl Into<String>,
) -> RowError {
    RowError::new(line, column, kind, message)
}
