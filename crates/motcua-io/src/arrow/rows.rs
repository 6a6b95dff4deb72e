//! Record batches to dossiers: batches are gathered into groups of a few hundred thousand
//! rows, each group is cut into blocks parsed on worker threads with [`BlockBuilder`], and
//! the calling thread merges the blocks in input order with one [`Merger`] (duplicate codes,
//! interning, the input summary), as the CSV reader does. Memory holds one group at a time,
//! so a stream of batches is read in bounded memory.

use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use arrow_array::RecordBatch;
use arrow_schema::Schema;
use motcua_core::calendar::Calendar;
use motcua_core::dossier::Dossier;
use motcua_core::profile::MappedHeader;
use motcua_core::record::{Column, RowContext, RowError, parse_row_with};

use super::ArrowReadError;
use super::cell::{Inline, Prepared, Src, prepare};
use crate::blocks::{Block, BlockBuilder, Ingested, Merger};
use crate::dossiers::ReadOptions;
use crate::error::ReadError;

/// Decoded batches that may wait for [`BatchReader::push_all`]'s merge.
const READ_AHEAD: usize = 2;

/// Rows per block handed to a worker.
const BLOCK_ROWS: usize = 1 << 16;

/// One batch's contract columns, prepared for reading, and the row number of its first row.
struct Pending {
    columns: Vec<Prepared>,
    rows: usize,
    first_line: u64,
}

/// A run of rows of one batch: the batch (in the group), its first row, its length and the
/// line of its first row.
#[derive(Clone, Copy)]
struct Span {
    batch: usize,
    start: usize,
    len: usize,
    first_line: u64,
}

/// Reads record batches of the dossier table, one after the other, into dossiers.
///
/// Rows are numbered across all batches, the first row being 1 ([`RowError::line`]); a
/// row's error also names its batch and its row in the batch ([`RowError::batch`]).
pub struct BatchReader<'c, V: FnMut(&Dossier)> {
    columns: Vec<Option<usize>>,
    /// The header through the source profile (values rewritten unless it is plain).
    mapped: MappedHeader,
    /// For each source position, the contract column read from it (the first, as the
    /// header maps it): found once here, not for every value of every row.
    at: Vec<Option<Column>>,
    width: usize,
    cx: RowContext<'c>,
    opts: ReadOptions,
    workers: usize,
    merger: Merger,
    visit: V,
    pending: Vec<Pending>,
    pending_rows: usize,
    rows: u64,
    /// The first row (1-based, across all batches) of every batch, for naming places.
    batch_starts: Vec<u64>,
}

impl<'c, V: FnMut(&Dossier)> BatchReader<'c, V> {
    /// A reader of batches with this schema: the header check of the contract (required
    /// columns, duplicates) is made here. `rows`, when known, reserves the duplicate check's
    /// memory up front. `visit` sees every used dossier in input order.
    pub fn new(
        schema: &Schema,
        calendar: &'c Calendar,
        opts: &ReadOptions,
        rows: Option<usize>,
        visit: V,
    ) -> Result<Self, ArrowReadError> {
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        let mapped = map_schema(&names, opts)?;
        let header = mapped.header().clone();
        let mut ingest = opts.ingest();
        if let Some(n) = rows {
            ingest.reserve(n.min(1 << 28));
        }
        let width = schema.fields().len();
        let mut at = vec![None; width];
        for c in Column::ALL {
            if let Some(slot) = header.index(c).and_then(|p| at.get_mut(p)) {
                slot.get_or_insert(c);
            }
        }
        Ok(Self {
            columns: Column::ALL.iter().map(|&c| header.index(c)).collect(),
            mapped,
            at,
            width,
            cx: opts.row_context(calendar),
            opts: opts.clone(),
            workers: opts.worker_count(),
            merger: Merger::new(ingest),
            visit,
            pending: Vec::new(),
            pending_rows: 0,
            rows: 0,
            batch_starts: Vec::new(),
        })
    }

    /// Reads the next batch (its rows may be merged later, by [`Self::push`] or
    /// [`Self::finish`]). A contract column of a type that cannot be read is an error.
    pub fn push(&mut self, batch: &RecordBatch) -> Result<(), ArrowReadError> {
        if batch.num_columns() != self.width {
            return Err(ArrowReadError::Arrow {
                column: String::new(),
                message: format!(
                    "a batch has {} columns but the schema has {}",
                    batch.num_columns(),
                    self.width
                ),
            });
        }
        let mut columns = Vec::with_capacity(Column::COUNT);
        for (c, i) in Column::ALL.iter().zip(&self.columns) {
            columns.push(match i {
                Some(i) => prepare(c.name(), batch.column(*i))?,
                None => Prepared::Missing,
            });
        }
        let rows = batch.num_rows();
        if rows == 0 {
            return Ok(());
        }
        self.batch_starts.push(self.rows + 1);
        self.pending.push(Pending {
            columns,
            rows,
            first_line: self.rows + 1,
        });
        self.rows += rows as u64;
        self.pending_rows += rows;
        if self.pending_rows >= BLOCK_ROWS * 2 * self.workers.max(1) {
            self.flush()?;
        }
        Ok(())
    }

    /// Reads every batch of `batches`, decoded on a thread of their own while the rows of
    /// the batches before are parsed and merged (a decoder that works on the calling thread
    /// leaves a core idle in between). At most [`READ_AHEAD`] decoded batches wait. A panic
    /// of the decoder is raised again here, on the calling thread, with its message.
    pub fn push_all<E: Send>(
        &mut self,
        batches: impl Iterator<Item = Result<RecordBatch, E>> + Send,
        error: impl Fn(E) -> ArrowReadError,
    ) -> Result<(), ArrowReadError> {
        std::thread::scope(|s| {
            let (tx, rx) = mpsc::sync_channel(READ_AHEAD);
            s.spawn(move || {
                let mut batches = batches;
                loop {
                    let next = crate::internal::contain(|| batches.next());
                    let done = !matches!(next, Ok(Some(Ok(_))));
                    if matches!(next, Ok(None)) || tx.send(next).is_err() || done {
                        return;
                    }
                }
            });
            for next in rx {
                match next {
                    Ok(Some(Ok(batch))) => self.push(&batch)?,
                    Ok(Some(Err(e))) => return Err(error(e)),
                    Ok(None) => break,
                    Err(panic) => std::panic::resume_unwind(Box::new(panic.detail)),
                }
            }
            Ok(())
        })
    }

    /// Merges the remaining rows: agencies, officials, the input summary.
    pub fn finish(mut self) -> Result<Ingested, ArrowReadError> {
        self.flush()?;
        let mut ing = self.opts.finished(self.merger.into_ingest());
        for e in &mut ing.input.errors {
            place(e, &self.batch_starts);
        }
        // contract section 14: the input names the profile used
        ing.input.profile = Some(self.mapped.profile().name.clone());
        Ok(ing)
    }

    fn flush(&mut self) -> Result<(), ArrowReadError> {
        let pending = std::mem::take(&mut self.pending);
        self.pending_rows = 0;
        let mut spans = Vec::new();
        for (bi, p) in pending.iter().enumerate() {
            let mut start = 0;
            while start < p.rows {
                let len = BLOCK_ROWS.min(p.rows - start);
                spans.push(Span {
                    batch: bi,
                    start,
                    len,
                    first_line: p.first_line + start as u64,
                });
                start += len;
            }
        }
        let workers = self.workers.min(spans.len()).max(1);
        let starts = &self.batch_starts;
        let mapped = (!self.mapped.is_plain()).then_some((&self.mapped, self.at.as_slice()));
        let mut sink = |block: Block| -> Result<(), ArrowReadError> {
            self.merger
                .merge(block, &mut self.visit)
                .map(drop)
                .map_err(|e| match e {
                    ReadError::Row(mut e) => {
                        place(&mut e, starts);
                        ArrowReadError::Row(e)
                    }
                    other => ArrowReadError::Read(other),
                })
        };
        if workers <= 1 {
            for s in &spans {
                sink(parse_span(*s, &pending[s.batch].columns, mapped, &self.cx))?;
            }
            Ok(())
        } else {
            parallel(&spans, &pending, mapped, &self.cx, workers, &mut sink)
        }
    }
}

/// Maps a table's column names through the source profile of `opts`, as a CSV header is
/// mapped (detected when `auto`).
pub(crate) fn map_schema(
    names: &[&str],
    opts: &ReadOptions,
) -> Result<MappedHeader, ArrowReadError> {
    let profile = crate::profile::chosen(opts.profile.as_ref());
    crate::profile::map_names(&profile, names, || false)
        .map(|(m, _)| m)
        .map_err(|e| match e {
            ReadError::Header(h) => ArrowReadError::Header(h),
            other => ArrowReadError::Read(other),
        })
}

/// Names the batch and the row in the batch of an error at a row across all batches.
fn place(e: &mut RowError, batch_starts: &[u64]) {
    let i = batch_starts.partition_point(|&s| s <= e.line);
    if i > 0 {
        e.batch = Some(i as u64);
        e.batch_row = Some(e.line - batch_starts[i - 1] + 1);
    }
}

/// A profile that rewrites values, with the contract column at each source position.
type Remap<'a> = (&'a MappedHeader, &'a [Option<Column>]);

/// Validates the rows of one span into a block. A typed value is turned into text only
/// when the row parser asks for its column.
/// With a profile that rewrites values (`mapped`), its rules apply to each row first.
fn parse_span(
    span: Span,
    columns: &[Prepared],
    mapped: Option<Remap<'_>>,
    cx: &RowContext<'_>,
) -> Block {
    let srcs: Vec<Src<'_>> = columns.iter().map(Src::of).collect();
    let typed: Vec<usize> = (0..srcs.len())
        .filter(|&c| srcs[c].borrowed(span.start).is_none())
        .collect();
    let mut cells: [OnceCell<Inline>; Column::COUNT] = std::array::from_fn(|_| OnceCell::new());
    let mut builder = BlockBuilder::default();
    for k in 0..span.len {
        let i = span.start + k;
        {
            let (srcs, cells) = (&srcs, &cells);
            let get = move |c: Column| -> &str {
                let c = c as usize;
                match srcs[c].borrowed(i) {
                    Some(text) => text,
                    None => cells[c]
                        .get_or_init(|| {
                            let mut t = Inline::new();
                            srcs[c].write(i, &mut t);
                            t
                        })
                        .as_str(),
                }
            };
            let line = span.first_line + k as u64;
            match mapped {
                None => builder.row(line, parse_row_with(get, cx)),
                Some((m, at)) => {
                    // a source position holds the contract column the header put there
                    let field = |p: usize| at.get(p).copied().flatten().map_or("", get);
                    let mut vals = m.values();
                    m.apply(field, &mut vals);
                    builder.row(line, parse_row_with(|c| vals.get(c), cx));
                }
            }
        }
        for &c in &typed {
            cells[c].take();
        }
    }
    builder.finish()
}

fn parallel(
    spans: &[Span],
    pending: &[Pending],
    mapped: Option<Remap<'_>>,
    cx: &RowContext<'_>,
    workers: usize,
    sink: &mut impl FnMut(Block) -> Result<(), ArrowReadError>,
) -> Result<(), ArrowReadError> {
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (next, stop) = (&next, &stop);
    std::thread::scope(|s| {
        // Bounded: workers stay at most a few blocks ahead of the merge.
        let (tx, rx) = mpsc::sync_channel::<(usize, Block)>(workers * 2);
        for _ in 0..workers {
            let tx = tx.clone();
            s.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let seq = next.fetch_add(1, Ordering::Relaxed);
                    let Some(span) = spans.get(seq) else { return };
                    let block = parse_span(*span, &pending[span.batch].columns, mapped, cx);
                    if tx.send((seq, block)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(tx);
        let mut waiting: BTreeMap<usize, Block> = BTreeMap::new();
        let mut expected = 0;
        let result = (|| {
            for (seq, block) in &rx {
                waiting.insert(seq, block);
                while let Some(block) = waiting.remove(&expected) {
                    expected += 1;
                    sink(block)?;
                }
            }
            Ok(())
        })();
        if result.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        drop(rx);
        result
    })
}
