//! One Arrow value as the contract's text: the cells of a record batch, read by type.
//!
//! - string columns (`utf8`, `large_utf8`, `utf8_view`, dictionaries of strings) are taken
//!   as they are, without copying, as the CSV text would be;
//! - integers are written as their decimal digits, booleans as `1`/`0`, floats without a
//!   fraction as digits (NaN counts as empty, like a null);
//! - `date32` and `date64` as `yyyy-MM-dd`; time-zone-naive timestamps as
//!   `yyyy-MM-dd HH:mm:ss` (the wall time of UTC+7, like every time of the contract);
//!   time-zone-aware timestamps as the UTC instant `yyyy-MM-ddTHH:mm:ssZ`, which the
//!   contract converts to UTC+7; sub-second parts are dropped (truncated towards the past);
//! - any other type (decimals, binary, lists, structs, durations…) is rejected for its
//!   column, naming the column and the type.

use std::fmt::Write as _;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Float64Type, Int64Type, TimestampMicrosecondType,
    TimestampMillisecondType, TimestampNanosecondType, TimestampSecondType, UInt64Type,
};
use arrow_array::{
    Array, ArrayRef, BooleanArray, LargeStringArray, PrimitiveArray, StringArray, StringViewArray,
};
use arrow_schema::{DataType, TimeUnit};
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Timelike};

use super::ArrowReadError;

/// A column ready to be read: the array, possibly cast once per batch, and how to read it.
#[derive(Clone)]
pub(crate) enum Prepared {
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

pub(crate) fn prepare(column: &str, array: &ArrayRef) -> Result<Prepared, ArrowReadError> {
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
            return Err(ArrowReadError::Type {
                column: column.to_owned(),
                data_type: other.to_string(),
            });
        }
    })
}

/// A prepared column, downcast, for reading rows.
pub(crate) enum Src<'a> {
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
    pub(crate) fn of(p: &'a Prepared) -> Self {
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
    pub(crate) fn borrowed(&self, i: usize) -> Option<&'a str> {
        match self {
            Self::Missing => Some(""),
            Self::Utf8(a) => Some(if a.is_null(i) { "" } else { a.value(i) }),
            Self::LargeUtf8(a) => Some(if a.is_null(i) { "" } else { a.value(i) }),
            Self::Utf8View(a) => Some(if a.is_null(i) { "" } else { a.value(i) }),
            _ => None,
        }
    }

    /// Writes the text of row `i` of a typed column to `out`.
    pub(crate) fn write(&self, i: usize, out: &mut Inline) {
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
pub(crate) struct Inline {
    len: usize,
    buf: [u8; 40],
}

impl Inline {
    pub(crate) const fn new() -> Self {
        Self {
            len: 0,
            buf: [0; 40],
        }
    }

    pub(crate) fn as_str(&self) -> &str {
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
