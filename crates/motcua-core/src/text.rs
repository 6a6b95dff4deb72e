//! Text of the readers' fields: one trimming rule for every value the library reads.
//!
//! ```
//! use motcua_core::text::trim;
//! assert_eq!(trim(" STP\t"), "STP");
//! assert_eq!(trim("\u{a0}STP"), "STP"); // a no-break space is white space too
//! assert_eq!(trim("STP"), "STP");
//! ```

/// `s` without white space at either end, as [`str::trim`] gives it. A value that starts
/// and ends with a visible ASCII character (nearly every field) is returned as it is,
/// without a Unicode scan: such a character is never white space.
#[must_use]
#[inline]
pub fn trim(s: &str) -> &str {
    match s.as_bytes() {
        [first, .., last] | [first @ last]
            if first.is_ascii_graphic() && last.is_ascii_graphic() =>
        {
            s
        }
        _ => s.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::trim;

    #[test]
    fn trimming_is_str_trim() {
        assert_eq!(trim(" a b "), "a b");
        assert_eq!(trim("ab"), "ab");
        assert_eq!(trim("x"), "x");
        assert_eq!(trim(""), "");
        assert_eq!(trim("\u{a0}x"), "x");
        // every character up to U+00FF at either end, against the standard library's rule
        for c in (0u32..=0xff).filter_map(char::from_u32) {
            for s in [
                format!("{c}x"),
                format!("x{c}"),
                format!("{c}"),
                format!("{c}x{c}"),
            ] {
                assert_eq!(trim(&s), s.trim(), "{s:?}");
            }
        }
    }
}
