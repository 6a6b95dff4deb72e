//! CSV fields as every CSV output of motcua writes them (RFC 4180): a field holding a comma,
//! a quote or a line end is quoted, its quotes doubled. The one quoting rule of the
//! project: reports, lists, forms, grades, units files and generated tables all use it.
//!
//! ```
//! use motcua_core::format::{csv_field, push_csv_field};
//! assert_eq!(csv_field("Sở Tư pháp"), "Sở Tư pháp");
//! assert_eq!(csv_field("Hà Nội, Việt Nam"), "\"Hà Nội, Việt Nam\"");
//! let mut line = String::new();
//! push_csv_field(&mut line, "say \"hi\"");
//! assert_eq!(line, "\"say \"\"hi\"\"\"");
//! ```

use std::borrow::Cow;

/// Whether a field must be quoted: it holds a comma, a quote, or a line end.
#[must_use]
#[inline]
pub fn csv_needs_quotes(s: &str) -> bool {
    s.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
}

/// The field as it is written, quoted when it needs it.
#[must_use]
pub fn csv_field(s: &str) -> Cow<'_, str> {
    if csv_needs_quotes(s) {
        let mut out = String::with_capacity(s.len() + 2);
        quote_into(&mut out, s);
        Cow::Owned(out)
    } else {
        Cow::Borrowed(s)
    }
}

/// Appends the field to `out`, quoted when it needs it.
#[inline]
pub fn push_csv_field(out: &mut String, s: &str) {
    if csv_needs_quotes(s) {
        quote_into(out, s);
    } else {
        out.push_str(s);
    }
}

fn quote_into(out: &mut String, s: &str) {
    out.push('"');
    for (i, part) in s.split('"').enumerate() {
        if i > 0 {
            out.push_str("\"\"");
        }
        out.push_str(part);
    }
    out.push('"');
}
