//! Physical lines and record boundaries of CSV text.
//!
//! A line ends with `\n`, `\r\n` or a lone `\r` (old Mac exports), inside quotes or not,
//! as text editors count them: the line of a record is 1 + the line ends before its first
//! byte. A record ends at a line end outside quotes; blank lines are not records but are
//! counted as lines.
//!
//! ```
//! use motcua_io::lines::{each_byte, first_record_end, line_ends};
//!
//! assert_eq!(line_ends(b"a\r\nb\rc\n\"x\r\ny\""), 4);
//! assert_eq!(first_record_end(b"\"a\rb\",c\r\nd", false), Some(9));
//! assert_eq!(first_record_end(b"a,b\r", false), None); // a `\n` may follow
//! assert_eq!(first_record_end(b"a,b\r", true), Some(4));
//!
//! let mut commas = Vec::new();
//! each_byte(b"a,bc,,0123456789,x", b',', |i| commas.push(i));
//! assert_eq!(commas, [1, 4, 5, 16]);
//! ```

/// Line ends in `data`: every `\n`, and every `\r` not followed by `\n`.
#[must_use]
#[inline]
pub fn line_ends(data: &[u8]) -> u64 {
    if data.len() < 4096 {
        line_ends_short(data)
    } else {
        line_ends_long(data)
    }
}

/// [`line_ends`] of a block.
#[inline(never)]
fn line_ends_long(data: &[u8]) -> u64 {
    // a block: `\n`s counted by memchr's vectorised count (which does not stop at each),
    // then the `\r`s alone looked at, none at all in an LF file
    let lone_cr = memchr::memchr_iter(b'\r', data)
        .filter(|&i| data.get(i + 1) != Some(&b'\n'))
        .count();
    (memchr::memchr_iter(b'\n', data).count() + lone_cr) as u64
}

/// [`line_ends`] of the span of a record: one search for either byte.
#[inline]
fn line_ends_short(data: &[u8]) -> u64 {
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

/// Calls `each(line, range)` for every non-blank line of `data` (a block without quotes),
/// `first` being the line of its first byte; `data[range]` is the line without its end.
pub fn each_line(
    data: &[u8],
    first: u64,
    mut each: impl FnMut(u64, std::ops::Range<usize>) -> bool,
) {
    let mut line = first;
    let mut start = 0;
    while start < data.len() {
        let (end, next) = match memchr::memchr2(b'\r', b'\n', &data[start..]) {
            Some(k) => {
                let i = start + k;
                (i, end_after(data, i, true).unwrap_or(i + 1))
            }
            None => (data.len(), data.len()),
        };
        if end > start && !each(line, start..end) {
            return;
        }
        line += 1;
        start = next;
    }
}

/// Calls `each(i)` for every position `i` of `byte` in `text`, in order. Eight bytes are
/// compared at a time (a word's zero bytes after `xor`, found exactly: no borrow crosses
/// bytes because the high bit is handled apart), which beats both a byte loop and a
/// vectorised search restarted per field on the short fields of a CSV row.
pub fn each_byte(text: &[u8], byte: u8, mut each: impl FnMut(usize)) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let pattern = ONES * u64::from(byte);
    let mut words = text.chunks_exact(8);
    let mut base = 0;
    for word in &mut words {
        let mut w = [0u8; 8];
        w.copy_from_slice(word);
        let x = u64::from_le_bytes(w) ^ pattern;
        // 0x80 exactly where a byte of x is zero
        let mut zeros = !((((x & LOW7).wrapping_add(LOW7)) | x) | LOW7);
        while zeros != 0 {
            each(base + (zeros.trailing_zeros() / 8) as usize);
            zeros &= zeros - 1;
        }
        base += 8;
    }
    for (i, &b) in words.remainder().iter().enumerate() {
        if b == byte {
            each(base + i);
        }
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

#[cfg(test)]
mod tests {
    use super::{each_byte, line_ends};

    #[test]
    fn line_ends_of_a_span_and_of_a_block_count_alike() {
        // LF, CRLF and lone CR ends, in spans below and above the block threshold
        let unit: &[u8] = b"a,b\nc\r\nd\re\r\r\n\n";
        for repeat in [1, 100, 1000] {
            let text = unit.repeat(repeat);
            let by_hand = (0..text.len())
                .filter(|&i| {
                    text[i] == b'\n' || (text[i] == b'\r' && text.get(i + 1) != Some(&b'\n'))
                })
                .count() as u64;
            assert_eq!(line_ends(&text), by_hand, "{} bytes", text.len());
            assert_eq!(line_ends(&text[..text.len() - 1]), by_hand - 1);
        }
    }

    #[test]
    fn each_byte_finds_what_a_byte_loop_finds() {
        // every byte value next to the separator, at every offset within a word
        let mut text = Vec::new();
        for b in 0..=255u8 {
            text.extend_from_slice(&[b, b',', b, 0x80 | b, b',', b',']);
        }
        for start in 0..16 {
            for sep in [b',', b';', b'\t', 0x80, 0xff, 0] {
                let t = &text[start..];
                let mut found = Vec::new();
                each_byte(t, sep, |i| found.push(i));
                let expected: Vec<usize> = (0..t.len()).filter(|&i| t[i] == sep).collect();
                assert_eq!(found, expected, "start {start}, separator {sep}");
            }
        }
    }
}
