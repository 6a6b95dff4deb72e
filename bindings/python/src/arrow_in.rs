//! Reading the dossier table from Arrow record batches (`motcua.from_arrow`).
//!
//! Each row's contract columns are turned into the contract's text forms and go through
//! [`motcua_core::record::parse_row`] and [`Ingest`], like every other reader, so a row
//! gets the same decision whatever format it came in:
//!
//! - string columns (`utf8`, `large_utf8`, `utf8_view`, dictionaries of strings) are taken
//!   as they are, without copying;
//! - integers are written as digits, booleans as `1`/`0`, floats without a fraction as
//!   digits (NaN counts as empty, like a null);
//! - dates as `yyyy-MM-dd`; time-zone-naive timestamps as `yyyy-MM-dd HH:mm:ss` (local
//!   Vietnamese time, like every time of the contract); time-zone-aware timestamps as the
//!   UTC instant `yyyy-MM-ddTHH:mm:ssZ`, which the contract converts to UTC+7; sub-second
//!   parts are dropped (truncated towards the past);
//! - other types that Arrow can cast to text (decimals, binary…) are cast.
//!
//! Rows are numbered as if the table were a CSV file whose header is line 1: the row at
//! index `i` (0-based over the whole stream) is line `i + 2`.
//!
//! Batches are cut into blocks parsed on worker threads with `motcua_io::blocks`'
//! `BlockBuilder`; the calling thread merges them in input order with its `Merger`
//! (duplicate codes, interning, the input summary), as the CSV reader does.

use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Float64Type, Int64Type, TimestampMicrosecondType,
    TimestampMillisecondType, TimestampNanosecondType, TimestampSecondType, UInt64Type,
};
use arrow_array::{
    Array, ArrayRef, BooleanArray, LargeStringArray, PrimitiveArray, RecordBatch, StringArray,
    StringViewArray,
};
use arrow_schema::{DataType, Schema, TimeUnit};
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Timelike};
use motcua_core::calendar::Calendar;
use motcua_core::dossier::{Dataset, Dossier};
use motcua_core::record::{Column, Header, HeaderError, Ingest, RowError, parse_row};
use motcua_io::ReadError;
use motcua_io::blocks::{Block, BlockBuilder, Merger};

/// Rows per block handed to a worker.
const BLOCK_ROWS: usize = 1 << 16;

/// Why an Arrow table cannot be read.
#[derive(Debug)]
pub enum ArrowReadError {
    /// The column names are unusable (missing required columns, duplicates).
    Header(HeaderError),
    /// A contract column has an Arrow type that cannot be read as text.
    Type {
        /// The column.
        column: String,
        /// Its Arrow type.
        data_type: String,
    },
    /// Arrow failed while converting a column.
    Arrow {
        /// The column.
        column: String,
        /// What Arrow said.
        message: String,
    },
    /// A bad row in strict mode.
    Row(RowError),
}

impl std::fmt::Display for ArrowReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Header(e) => write!(f, "{e}"),
            Self::Type { column, data_type } => write!(
                f,
                "column {column} has Arrow type {data_type}, which motcua cannot read: give it as \
                 text (the contract's forms), integers, dates or timestamps"
            ),
            Self::Arrow { column, message } => write!(f, "column {column}: {message}"),
            Self::Row(e) => write!(f, "{e} (strict mode stops at the first bad row)"),
        }
    }
}

impl std::error::Error for ArrowReadError {}

/// A column ready to be read: the array, possibly cast once per batch, and how to read it.
#[derive(Clone)]
enum Prepared {
    Missing,
    Null,
    Utf8(ArrayRef),
    LargeUtf8(ArrayRef),
    Utf8View(ArrayRef),
    Bool(ArrayRef),
    I64(ArrayRef),
    U64(ArrayRef),
    F64(ArrayRef),
    Date32(ArrayRef),
    Date64(ArrayRef),
    /// Timestamp as Int64 ticks, ticks per second, time zone aware.
    Timestamp(ArrayRef, TimeUnit, bool),
}

fn prepare(column: &str, array: &ArrayRef) -> Result<Prepared, ArrowReadError> {
    let cast = |to: &DataType| {
        arrow_cast::cast(array.as_ref(), to).map_err(|e| ArrowReadError::Arrow {
            column: column.to_owned(),
            message: e.to_string(),
        })
    };
    Ok(match array.data_type() {
        DataType::Null => Prepared::Null,
        DataType::Utf8 => Prepared::Utf8(array.clone()),
        DataType::LargeUtf8 => Prepared::LargeUtf8(array.clone()),
        DataType::Utf8View => Prepared::Utf8View(array.clone()),
        DataType::Boolean => Prepared::Bool(array.clone()),
        DataType::Int64 => Prepared::I64(array.clone()),
        DataType::Int8
        | DataType::Int16
        | DataType::Int32
        | DataType::UInt8
        | DataType::UInt16
        | DataType::UInt32 => Prepared::I64(cast(&DataType::Int64)?),
        DataType::UInt64 => Prepared::U64(array.clone()),
        DataType::Float64 => Prepared::F64(array.clone()),
        DataType::Float16 | DataType::Float32 => Prepared::F64(cast(&DataType::Float64)?),
        DataType::Date32 => Prepared::Date32(array.clone()),
        DataType::Date64 => Prepared::Date64(array.clone()),
        DataType::Timestamp(unit, tz) => Prepared::Timestamp(array.clone(), *unit, tz.is_some()),
        DataType::Dictionary(_, value) => {
            let unpacked = cast(value)?;
            prepare(column, &unpacked)?
        }
        other => {
            if !other.is_nested() && arrow_cast::can_cast_types(other, &DataType::Utf8) {
                Prepared::Utf8(cast(&DataType::Utf8)?)
            } else {
                return Err(ArrowReadError::Type {
                    column: column.to_owned(),
                    data_type: other.to_string(),
                });
            }
        }
    })
}

/// A prepared column, downcast, for reading rows.
enum Src<'a> {
    Missing,
    Utf8(&'a StringArray),
    LargeUtf8(&'a LargeStringArray),
    Utf8View(&'a StringViewArray),
    Bool(&'a BooleanArray),
    I64(&'a PrimitiveArray<Int64Type>),
    U64(&'a PrimitiveArray<UInt64Type>),
    F64(&'a PrimitiveArray<Float64Type>),
    Date32(&'a PrimitiveArray<Date32Type>),
    Date64(&'a PrimitiveArray<Date64Type>),
    Ts(&'a dyn Array, TimeUnit, bool),
}

impl<'a> Src<'a> {
    fn of(p: &'a Prepared) -> Self {
        match p {
            Prepared::Missing | Prepared::Null => Self::Missing,
            Prepared::Utf8(a) => Self::Utf8(a.as_string::<i32>()),
            Prepared::LargeUtf8(a) => Self::LargeUtf8(a.as_string::<i64>()),
            Prepared::Utf8View(a) => Self::Utf8View(a.as_string_view()),
            Prepared::Bool(a) => Self::Bool(a.as_boolean()),
            Prepared::I64(a) => Self::I64(a.as_primitive()),
            Prepared::U64(a) => Self::U64(a.as_primitive()),
            Prepared::F64(a) => Self::F64(a.as_primitive()),
            Prepared::Date32(a) => Self::Date32(a.as_primitive()),
            Prepared::Date64(a) => Self::Date64(a.as_primitive()),
            Prepared::Timestamp(a, unit, tz) => Self::Ts(a.as_ref(), *unit, *tz),
        }
    }

    /// The text of row `i` if the column is a string column (borrowed), else `None`.
    #[inline]
    fn borrowed(&self, i: usize) -> Option<&'a str> {
        match self {
            Self::Missing => Some(""),
            Self::Utf8(a) => Some(if a.is_null(i) { "" } else { a.value(i) }),
            Self::LargeUtf8(a) => Some(if a.is_null(i) { "" } else { a.value(i) }),
            Self::Utf8View(a) => Some(if a.is_null(i) { "" } else { a.value(i) }),
            _ => None,
        }
    }

    /// Writes the text of row `i` of a typed column to `out`.
    fn write(&self, i: usize, out: &mut Inline) {
        match self {
            Self::Missing | Self::Utf8(_) | Self::LargeUtf8(_) | Self::Utf8View(_) => {}
            Self::Bool(a) => {
                if a.is_valid(i) {
                    out.push(if a.value(i) { '1' } else { '0' });
                }
            }
            Self::I64(a) => {
                if a.is_valid(i) {
                    out.push_i64(a.value(i));
                }
            }
            Self::U64(a) => {
                if a.is_valid(i) {
                    out.push_u64(a.value(i));
                }
            }
            Self::F64(a) => {
                if a.is_valid(i) {
                    let v = a.value(i);
                    if v.is_nan() {
                    } else if v.fract() == 0.0 && v.abs() < 1e15 {
                        out.push_i64(v as i64);
                    } else {
                        let _ = write!(out, "{v}");
                    }
                }
            }
            Self::Date32(a) => {
                if a.is_valid(i) {
                    match NaiveDate::from_epoch_days(a.value(i)) {
                        Some(d) => push_date(out, d),
                        None => {
                            let _ = write!(out, "date32:{}", a.value(i));
                        }
                    }
                }
            }
            Self::Date64(a) => {
                if a.is_valid(i) {
                    let ms = a.value(i);
                    match DateTime::from_timestamp_millis(ms) {
                        Some(dt) => push_date(out, dt.date_naive()),
                        None => {
                            let _ = write!(out, "date64:{ms}");
                        }
                    }
                }
            }
            Self::Ts(a, unit, tz) => {
                if a.is_valid(i) {
                    let (v, per_second) = match unit {
                        TimeUnit::Second => (a.as_primitive::<TimestampSecondType>().value(i), 1),
                        TimeUnit::Millisecond => {
                            (a.as_primitive::<TimestampMillisecondType>().value(i), 1_000)
                        }
                        TimeUnit::Microsecond => (
                            a.as_primitive::<TimestampMicrosecondType>().value(i),
                            1_000_000,
                        ),
                        TimeUnit::Nanosecond => (
                            a.as_primitive::<TimestampNanosecondType>().value(i),
                            1_000_000_000,
                        ),
                    };
                    match DateTime::from_timestamp(v.div_euclid(per_second), 0) {
                        Some(dt) => {
                            let dt = dt.naive_utc();
                            push_date(out, dt.date());
                            out.push(if *tz { 'T' } else { ' ' });
                            push_time(out, &dt);
                            if *tz {
                                out.push('Z');
                            }
                        }
                        None => {
                            let _ = write!(out, "timestamp:{v}");
                        }
                    }
                }
            }
        }
    }
}

/// A short text built without allocating: the contract text of one typed value (at most
/// 24 characters: a float, a 20-digit integer, `yyyy-MM-ddTHH:mm:ssZ`).
#[derive(Clone, Copy)]
struct Inline {
    len: usize,
    buf: [u8; 40],
}

impl Inline {
    const fn new() -> Self {
        Self {
            len: 0,
            buf: [0; 40],
        }
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }

    fn push_bytes(&mut self, b: &[u8]) {
        let n = b.len().min(self.buf.len() - self.len);
        self.buf[self.len..self.len + n].copy_from_slice(&b[..n]);
        self.len += n;
    }

    fn push(&mut self, ch: char) {
        let mut b = [0u8; 4];
        self.push_bytes(ch.encode_utf8(&mut b).as_bytes());
    }

    fn push_u64(&mut self, mut n: u64) {
        let mut tmp = [0u8; 20];
        let mut k = tmp.len();
        loop {
            k -= 1;
            tmp[k] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.push_bytes(&tmp[k..]);
    }

    fn push_i64(&mut self, v: i64) {
        if v < 0 {
            self.push('-');
        }
        self.push_u64(v.unsigned_abs());
    }
}

impl std::fmt::Write for Inline {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.push_bytes(s.as_bytes());
        Ok(())
    }
}

fn push2(out: &mut Inline, n: u32) {
    out.push_bytes(&[b'0' + (n / 10) as u8, b'0' + (n % 10) as u8]);
}

fn push_date(out: &mut Inline, d: NaiveDate) {
    let y = d.year();
    if (0..10_000).contains(&y) {
        let y = y as u32;
        push2(out, y / 100);
        push2(out, y % 100);
    } else {
        let _ = write!(out, "{y}");
    }
    out.push('-');
    push2(out, d.month());
    out.push('-');
    push2(out, d.day());
}

fn push_time(out: &mut Inline, t: &NaiveDateTime) {
    push2(out, t.hour());
    out.push(':');
    push2(out, t.minute());
    out.push(':');
    push2(out, t.second());
}

/// Every column of a (small) table as text, the way dossier rows are converted: the column
/// names and the rows. Used for tables that are read through a row parser of the core other
/// than the dossiers' (the units table).
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

/// One block of rows: batch, first row in the batch, row count, first line.
#[derive(Clone, Copy)]
struct Span {
    batch: usize,
    start: usize,
    len: usize,
    first_line: u64,
}

/// Validates the rows of one span into a block of the io crate's block reader. A typed
/// value is turned into text only when the row parser asks for its column.
fn parse_span(span: Span, columns: &[Prepared], calendar: &Calendar) -> Block {
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
            builder.row(span.first_line + k as u64, parse_row(get, calendar));
        }
        for &c in &typed {
            cells[c].take();
        }
    }
    builder.finish()
}

/// Merges blocks in input order into the dataset's dossiers.
struct Sink {
    merger: Merger,
    dossiers: Vec<Dossier>,
}

impl Sink {
    fn merge(&mut self, block: Block) -> Result<(), ArrowReadError> {
        let dossiers = &mut self.dossiers;
        match self.merger.merge(block, &mut |d| dossiers.push(*d)) {
            Ok(_) => Ok(()),
            Err(ReadError::Row(e)) => Err(ArrowReadError::Row(e)),
            Err(e) => Err(ArrowReadError::Arrow {
                column: String::new(),
                message: e.to_string(),
            }),
        }
    }
}

/// Reads record batches of the dossier table into a dataset.
///
/// `threads`: worker threads, 0 for as many as the machine has.
pub fn read_batches(
    schema: &Schema,
    batches: &[RecordBatch],
    calendar: &Calendar,
    strict: bool,
    threads: usize,
) -> Result<Dataset, ArrowReadError> {
    let header = Header::new(schema.fields().iter().map(|f| f.name().as_str()))
        .map_err(ArrowReadError::Header)?;
    let mut prepared: Vec<Vec<Prepared>> = Vec::with_capacity(batches.len());
    for b in batches {
        let mut cols = Vec::with_capacity(16);
        for c in Column::ALL {
            cols.push(match header.index(c) {
                Some(i) => prepare(c.name(), b.column(i))?,
                None => Prepared::Missing,
            });
        }
        prepared.push(cols);
    }
    let mut spans = Vec::new();
    let mut line = 2u64;
    for (bi, b) in batches.iter().enumerate() {
        let mut start = 0;
        while start < b.num_rows() {
            let len = BLOCK_ROWS.min(b.num_rows() - start);
            spans.push(Span {
                batch: bi,
                start,
                len,
                first_line: line,
            });
            start += len;
            line += len as u64;
        }
    }
    let total_rows = (line - 2) as usize;
    let mut ingest = Ingest::new(strict);
    ingest.reserve(total_rows);
    let mut sink = Sink {
        merger: Merger::new(ingest),
        dossiers: Vec::with_capacity(total_rows),
    };
    let workers = match threads {
        0 => std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        n => n,
    }
    .min(spans.len().max(1));
    if workers <= 1 {
        for s in &spans {
            sink.merge(parse_span(*s, &prepared[s.batch], calendar))?;
        }
    } else {
        parallel(&spans, &prepared, calendar, workers, &mut sink)?;
    }
    let Sink { merger, dossiers } = sink;
    Ok(merger.finish().into_dataset(dossiers))
}

fn parallel(
    spans: &[Span],
    prepared: &[Vec<Prepared>],
    calendar: &Calendar,
    workers: usize,
    sink: &mut Sink,
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
                    let block = parse_span(*span, &prepared[span.batch], calendar);
                    if tx.send((seq, block)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(tx);
        let mut pending: BTreeMap<usize, Block> = BTreeMap::new();
        let mut expected = 0;
        let result = (|| {
            for (seq, block) in &rx {
                pending.insert(seq, block);
                while let Some(block) = pending.remove(&expected) {
                    expected += 1;
                    sink.merge(block)?;
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::{Date32Array, Int64Array, StringArray, TimestampSecondArray};
    use arrow_schema::{Field, Schema};

    use super::*;

    fn strings(cols: &[(&str, Vec<Option<&str>>)]) -> (Schema, RecordBatch) {
        let schema = Schema::new(
            cols.iter()
                .map(|(n, _)| Field::new(*n, DataType::Utf8, true))
                .collect::<Vec<_>>(),
        );
        let arrays: Vec<ArrayRef> = cols
            .iter()
            .map(|(_, v)| Arc::new(StringArray::from(v.clone())) as ArrayRef)
            .collect();
        let b = RecordBatch::try_new(Arc::new(schema.clone()), arrays).unwrap();
        (schema, b)
    }

    #[test]
    fn string_rows_decide_like_csv() {
        let (schema, b) = strings(&[
            (
                "MaHoSo",
                vec![Some("H1"), Some("H2"), Some("H1"), Some("H4")],
            ),
            (
                "DonViXuLy",
                vec![Some("STP"), Some("STP"), Some("SYT"), None],
            ),
            (
                "KenhThucHien",
                vec![Some("2"), Some("1"), Some("1"), Some("1")],
            ),
            (
                "NgayTiepNhan",
                vec![
                    Some("2021-07-01 09:00"),
                    Some("2021-07-02"),
                    Some("2021-07-02"),
                    Some("2021-07-02"),
                ],
            ),
            (
                "ThoiHanGiaiQuyet",
                vec![Some("3"), Some("1"), Some("1"), Some("1")],
            ),
            (
                "TrangThaiHoSo",
                vec![Some("4"), Some("1"), Some("4"), Some("4")],
            ),
        ]);
        for threads in [1, 2] {
            let ds = read_batches(
                &schema,
                std::slice::from_ref(&b),
                &Calendar::vn(),
                false,
                threads,
            )
            .unwrap();
            assert_eq!(ds.len(), 1);
            assert_eq!(ds.dossiers[0].due.to_string(), "2021-07-06");
            assert_eq!(
                (
                    ds.input.rows,
                    ds.input.used,
                    ds.input.rejected,
                    ds.input.not_received
                ),
                (4, 1, 2, 1)
            );
            assert_eq!(ds.input.errors[0].line, 4);
            assert_eq!(ds.input.errors[0].column.as_deref(), Some("MaHoSo"));
            assert_eq!(ds.input.errors[1].line, 5);
            assert_eq!(ds.input.errors[1].column.as_deref(), Some("DonViXuLy"));
        }
        let err = read_batches(&schema, &[b], &Calendar::vn(), true, 1).unwrap_err();
        assert!(
            matches!(err, ArrowReadError::Row(ref e) if e.line == 4),
            "{err}"
        );
    }

    #[test]
    fn typed_columns_become_contract_text() {
        let schema = Schema::new(vec![
            Field::new("MaHoSo", DataType::Utf8, false),
            Field::new("DonViXuLy", DataType::Utf8, false),
            Field::new("KenhThucHien", DataType::Int64, false),
            Field::new(
                "NgayTiepNhan",
                DataType::Timestamp(TimeUnit::Second, Some("+07:00".into())),
                false,
            ),
            Field::new("NgayHenTra", DataType::Date32, true),
            Field::new("TrangThaiHoSo", DataType::Int64, false),
        ]);
        // 2021-07-01 10:00 UTC = 17:00 in Vietnam, at the cutoff.
        let ts = 1_625_133_600;
        let d = NaiveDate::from_ymd_opt(2021, 7, 9).unwrap();
        let b = RecordBatch::try_new(
            Arc::new(schema.clone()),
            vec![
                Arc::new(StringArray::from(vec!["H1"])),
                Arc::new(StringArray::from(vec!["STP"])),
                Arc::new(Int64Array::from(vec![2])),
                Arc::new(TimestampSecondArray::from(vec![ts]).with_timezone("+07:00")),
                Arc::new(Date32Array::from(vec![d.to_epoch_days()])),
                Arc::new(Int64Array::from(vec![4])),
            ],
        )
        .unwrap();
        let ds = read_batches(&schema, &[b], &Calendar::vn(), true, 1).unwrap();
        assert_eq!(ds.dossiers[0].received.to_string(), "2021-07-01");
        assert_eq!(ds.dossiers[0].due, d);
    }

    #[test]
    fn missing_columns_are_named() {
        let (schema, b) = strings(&[("MaHoSo", vec![Some("H1")])]);
        let err = read_batches(&schema, &[b], &Calendar::vn(), false, 1).unwrap_err();
        assert!(err.to_string().contains("DonViXuLy"), "{err}");
    }
}
