//! Physical lines and record boundaries of CSV text.
//!
//! A line ends with `\n`, `\r\n` or a lone `\r` (old Mac exports), inside quotes or not,
//! as text editors count them: the line of a record is 1 + the line ends before its first
//! byte. A record ends at a line end outside quotes; blank lines are not records but are
//! counted as lines.
//!
//! ```
//! use motcua_io::lines::{line_ends, first_record_end};
//!
//! assert_eq!(line_ends(b"a\r\nb\rc\n\"x\r\ny\""), 4);
//! assert_eq!(first_record_end(b"\"a\rb\",c\r\nd", false), Some(9));
//! assert_eq!(first_record_end(b"a,b\r", false), None); // a `\n` may follow
//! assert_eq!(first_record_end(b"a,b\r", true), Some(4));
//! ```

/// Line ends in `data`: every `\n`, and every `\r` not followed by `\n`.
#[must_use]
pub fn line_ends(data: &[u8]) -> u64 {
    let mut n = 0;
    for i in memchr::memchr2_iter(b'\r', b'\n', data) {
        if data[i] == b'\n' || data.get(i + 1) != Some(&b'\n') {
            n += 1;
        }
    }
    n
}

/// Where a line end at `i` (a `\r` or `\n` byte) ends: `None` for a `\r` that is the last
/// byte of a block that continues (a `\n` may follow).
fn end_after(data: &[u8], i: usize, eof: bool) -> Option<usize> {
    if data[i] == b'\n' {
        return Some(i + 1);
    }
    match data.get(i + 1) {
        Some(b'\n') => Some(i + 2),
        Some(_) => Some(i + 1),
        None if eof => Some(i + 1),
        None => None,
    }
}

/// End (exclusive) of the first record of `data`: just after its line end outside quotes.
/// `eof` says that no byte follows `data`.
#[must_use]
pub fn first_record_end(data: &[u8], eof: bool) -> Option<usize> {
    let mut in_quote = false;
    for i in memchr::memchr3_iter(b'"', b'\r', b'\n', data) {
        if data[i] == b'"' {
            in_quote = !in_quote;
        } else if !in_quote {
            return end_after(data, i, eof);
        }
    }
    None
}

/// End (exclusive) of the last whole record of `data`, a block that starts at a record
/// boundary and continues after its last byte. Linear in the block's size.
#[must_use]
pub fn last_record_end(data: &[u8]) -> Option<usize> {
    let mut quotes_before = memchr::memchr_iter(b'"', data).count();
    let mut end = data.len();
    while let Some(t) = memchr::memrchr2(b'\r', b'\n', &data[..end]) {
        quotes_before -= memchr::memchr_iter(b'"', &data[t..end]).count();
        if quotes_before % 2 == 0 {
            if let Some(split) = end_after(data, t, false) {
                return Some(split);
            }
        }
        end = t;
    }
    None
}

/// Calls `each(line, text)` for every non-blank line of `data` (a block without quotes),
/// `first` being the line of its first byte; `text` has no line end.
pub fn each_line<'a>(data: &'a [u8], first: u64, mut each: impl FnMut(u64, &'a [u8]) -> bool) {
    let mut line = first;
    let mut start = 0;
    while start < data.len() {
        let (text, next) = match memchr::memchr2(b'\r', b'\n', &data[start..]) {
            Some(k) => {
                let i = start + k;
                let next = end_after(data, i, true).unwrap_or(i + 1);
                (&data[start..i], next)
            }
            None => (&data[start..], data.len()),
        };
        if !text.is_empty() && !each(line, text) {
            return;
        }
        line += 1;
        start = next;
    }
}

/// The line where each record of a block starts, from the record's byte offset (as the
/// `csv` crate gives it); offsets must come in increasing order.
#[derive(Debug, Clone)]
pub struct LineCursor<'a> {
    data: &'a [u8],
    at: usize,
    line: u64,
}

impl<'a> LineCursor<'a> {
    /// A cursor over `data`, whose first byte is on line `first`.
    #[must_use]
    pub fn new(data: &'a [u8], first: u64) -> Self {
        Self {
            data,
            at: 0,
            line: first,
        }
    }

    /// The line of the record whose text starts at `offset` or after the blank lines that
    /// follow it.
    pub fn line_at(&mut self, offset: usize) -> u64 {
        let mut start = offset.clamp(self.at, self.data.len());
        while matches!(self.data.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        self.line += line_ends(&self.data[self.at..start]);
        self.at = start;
        self.line
    }
}
