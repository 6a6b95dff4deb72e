//! [`SampleRecord`]: one generated row of the dossier table, held in a reusable buffer.

use std::fmt;

use motcua_core::record::Column;

/// The contract's sixteen columns (section 1), in the order the sample writes them.
pub const HEADER: [&str; 16] = [
    "MaHoSo",
    "MaTTHC",
    "DonViXuLy",
    "KenhThucHien",
    "MucDo",
    "NgayTiepNhan",
    "NgayHenTra",
    "ThoiHanGiaiQuyet",
    "NgayKetThucXuLy",
    "NgayTra",
    "TrangThaiHoSo",
    "SoLanBoSung",
    "DanhGia",
    "CanBoTiepNhan",
    "SoCoQuanLienHe",
    "PhanAnh",
];

/// One row of the dossier table: the sixteen fields of [`HEADER`] as text.
///
/// The generator reuses one record for every row (no allocation per row); copy what you
/// need to keep. Fields are read with [`SampleRecord::field`] or [`SampleRecord::get`] and
/// written as CSV with [`SampleRecord::write_csv_row`].
///
/// ```
/// use motcua_sample::{HEADER, SampleRecord};
/// let mut fields = [""; 16];
/// fields[0] = "H1";
/// fields[13] = "Nguyễn \"Út\", CB";
/// let rec = SampleRecord::from_fields(fields);
/// assert_eq!(rec.field(0), "H1");
/// assert_eq!(rec.to_csv_row(), "H1,,,,,,,,,,,,,\"Nguyễn \"\"Út\"\", CB\",,\n");
/// assert_eq!(HEADER[13], "CanBoTiepNhan");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct SampleRecord {
    /// The fields joined by commas, unquoted.
    line: String,
    /// End of each field in `line`.
    ends: [u32; 16],
    /// Fields finished so far while building.
    done: u8,
    /// Whether a field holds a comma, a quote or a line break (and so needs quoting).
    special: bool,
}

impl SampleRecord {
    /// A record of sixteen empty fields.
    #[must_use]
    pub fn new() -> Self {
        Self::from_fields([""; 16])
    }

    /// A record with these fields, in the order of [`HEADER`].
    #[must_use]
    pub fn from_fields(fields: [&str; 16]) -> Self {
        let mut rec = Self {
            line: String::with_capacity(192),
            ends: [0; 16],
            done: 0,
            special: false,
        };
        let mut b = rec.builder();
        for f in fields {
            b.push(f);
            b.end_field();
        }
        b.finish();
        rec.special = fields.iter().any(|f| needs_quotes(f));
        rec
    }

    /// Field `i` (0..16) in the order of [`HEADER`].
    #[must_use]
    #[inline]
    pub fn field(&self, i: usize) -> &str {
        let start = if i == 0 {
            0
        } else {
            self.ends[i - 1] as usize + 1
        };
        &self.line[start..self.ends[i] as usize]
    }

    /// The field of a contract column; the shape [`motcua_core::record::parse_row`] wants.
    #[must_use]
    #[inline]
    pub fn get(&self, column: Column) -> &str {
        self.field(column as usize)
    }

    /// The sixteen fields in order.
    #[must_use]
    pub fn fields(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..16).map(|i| self.field(i))
    }

    /// Appends the row to `out` as one CSV line (RFC 4180 quoting where a field needs it)
    /// ending with `\n`.
    pub fn write_csv_row(&self, out: &mut String) {
        if self.special {
            for i in 0..16 {
                if i > 0 {
                    out.push(',');
                }
                write_field(self.field(i), out);
            }
        } else {
            out.push_str(&self.line);
        }
        out.push('\n');
    }

    /// The row as one CSV line ending with `\n`.
    #[must_use]
    pub fn to_csv_row(&self) -> String {
        let mut s = String::with_capacity(self.line.len() + 8);
        self.write_csv_row(&mut s);
        s
    }

    /// Appends the header line ([`HEADER`] joined by commas, then `\n`) to `out`.
    pub fn write_csv_header(out: &mut String) {
        out.push_str(&HEADER.join(","));
        out.push('\n');
    }

    /// Starts building a new row in place of this one.
    #[inline]
    pub(crate) fn builder(&mut self) -> RowBuilder<'_> {
        let mut buf = std::mem::take(&mut self.line).into_bytes();
        buf.clear();
        self.done = 0;
        self.special = false;
        RowBuilder { rec: self, buf }
    }
}

/// Writes a row's fields as bytes; the text is checked once, when the row is finished.
pub(crate) struct RowBuilder<'r> {
    rec: &'r mut SampleRecord,
    buf: Vec<u8>,
}

impl RowBuilder<'_> {
    /// The bytes of the field being built.
    #[inline]
    pub(crate) fn buf(&mut self) -> &mut Vec<u8> {
        &mut self.buf
    }

    /// Appends `s` to the field being built.
    #[inline]
    pub(crate) fn push(&mut self, s: &str) {
        self.buf.extend_from_slice(s.as_bytes());
    }

    /// Ends the field being built.
    #[inline]
    pub(crate) fn end_field(&mut self) {
        let rec = &mut *self.rec;
        rec.ends[rec.done as usize] = self.buf.len() as u32;
        rec.done += 1;
        if rec.done < 16 {
            self.buf.push(b',');
        }
    }

    /// Stores the finished row in the record.
    #[inline]
    pub(crate) fn finish(self) {
        debug_assert_eq!(self.rec.done, 16);
        self.rec.line = String::from_utf8(self.buf).expect("fields are UTF-8");
    }
}

impl Default for SampleRecord {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for SampleRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(HEADER.iter().zip(self.fields()))
            .finish()
    }
}

use motcua_core::format::csv_needs_quotes as needs_quotes;

fn write_field(f: &str, out: &mut String) {
    motcua_core::format::push_csv_field(out, f);
}

/// Appends `v` with at least `width` (at most 10) digits.
#[inline]
pub(crate) fn push_num(out: &mut Vec<u8>, v: u32, width: usize) {
    if v < 10 && width <= 1 {
        out.push(b'0' + v as u8);
        return;
    }
    let mut digits = [b'0'; 10];
    let mut i = digits.len();
    let mut x = v;
    while x > 0 {
        i -= 1;
        digits[i] = b'0' + (x % 10) as u8;
        x /= 10;
    }
    let start = i.min(digits.len() - width.clamp(1, 10));
    out.extend_from_slice(&digits[start..]);
}

/// Appends two digits.
#[inline]
pub(crate) fn push2(out: &mut Vec<u8>, v: u8) {
    out.extend_from_slice(&[b'0' + v / 10, b'0' + v % 10]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_follows_the_contract() {
        for (name, c) in HEADER.iter().zip(Column::ALL) {
            assert_eq!(*name, c.name());
        }
        let mut s = String::new();
        SampleRecord::write_csv_header(&mut s);
        assert!(s.starts_with("MaHoSo,MaTTHC,DonViXuLy,"));
        assert!(s.ends_with("PhanAnh\n"));
    }

    #[test]
    fn quoting_only_where_needed() {
        let mut f = [""; 16];
        f[0] = "A,1";
        f[1] = "say \"hi\"";
        f[2] = "two\nlines";
        f[3] = "plain";
        let rec = SampleRecord::from_fields(f);
        assert_eq!(rec.field(0), "A,1");
        assert_eq!(rec.get(Column::MaTTHC), "say \"hi\"");
        assert_eq!(
            rec.to_csv_row(),
            "\"A,1\",\"say \"\"hi\"\"\",\"two\nlines\",plain,,,,,,,,,,,,\n"
        );
        let plain = SampleRecord::new();
        assert_eq!(plain.to_csv_row(), ",,,,,,,,,,,,,,,\n");
        assert_eq!(plain.fields().len(), 16);
    }

    #[test]
    fn numbers_are_padded() {
        let mut s = Vec::new();
        push_num(&mut s, 7, 4);
        s.push(b' ');
        push_num(&mut s, 123_456, 4);
        s.push(b' ');
        push_num(&mut s, 0, 1);
        s.push(b' ');
        push_num(&mut s, 40, 1);
        s.push(b' ');
        push2(&mut s, 5);
        assert_eq!(s, b"0007 123456 0 40 05");
    }
}
