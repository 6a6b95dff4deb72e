//! Every byte format of the outputs, in one place: the report's JSON and CSV and a
//! breakdown's CSV ([`report`]), the grades' CSV ([`score`]), a dossier list's CSV and
//! workbook ([`list`]), the forms Biểu II.06a, 06b and 07a as CSV and workbooks
//! ([`form06a`]). CSV fields are quoted by the one rule of
//! [`motcua_core::format::csv_field`]; texts for people are rendered by
//! [`motcua_core::format`].
//!
//! How CSV outputs are written for the program that opens them: contract outputs are
//! RFC 4180 with a comma; [`CsvDialect`] turns them into what Excel under Vietnamese
//! regional settings opens cleanly: `;` between fields and a UTF-8 byte order mark.
//!
//! ```
//! use motcua_io::writer::CsvDialect;
//! let excel = CsvDialect { separator: b';', bom: true };
//! let out = excel.apply("agency,name,on_time_rate\nSTP,\"Sở Tư pháp, tỉnh\",0.95\n");
//! assert_eq!(out, "\u{feff}agency;name;on_time_rate\nSTP;Sở Tư pháp, tỉnh;0.95\n");
//! ```

use std::fmt;
use std::str::FromStr;

pub mod form06a;
pub mod list;
pub mod report;
pub mod score;

pub use score::{score_csv, score_json};

/// A CSV output's separator and byte order mark. The default is the contract's: a comma,
/// no byte order mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvDialect {
    /// The field separator: `,` `;` or a tab.
    pub separator: u8,
    /// Whether the text starts with a UTF-8 byte order mark (Excel then reads UTF-8).
    pub bom: bool,
}

impl Default for CsvDialect {
    fn default() -> Self {
        Self {
            separator: b',',
            bom: false,
        }
    }
}

/// A separator that is not `,` `;` or a tab.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("CSV separator '{0}': use ',' ';' or 'tab'")]
pub struct SeparatorError(pub String);

/// Reads `,` `;` `tab` (or a tab character) as a separator.
impl FromStr for CsvDialect {
    type Err = SeparatorError;
    fn from_str(s: &str) -> Result<Self, SeparatorError> {
        let separator = match s {
            "," | "comma" => b',',
            ";" | "semicolon" => b';',
            "\t" | "tab" => b'\t',
            other => return Err(SeparatorError(other.to_owned())),
        };
        Ok(Self {
            separator,
            bom: false,
        })
    }
}

impl fmt::Display for CsvDialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.separator {
            b'\t' => f.write_str("tab"),
            b => write!(f, "{}", char::from(b)),
        }
    }
}

impl CsvDialect {
    /// Rewrites a CSV text written the contract's way (comma, RFC 4180 quoting) in this
    /// dialect: the same fields and records, quoted where the new separator needs it. The
    /// contract's dialect returns the text unchanged.
    #[must_use]
    pub fn apply(&self, csv: &str) -> String {
        if *self == Self::default() {
            return csv.to_owned();
        }
        let sep = char::from(self.separator);
        let mut out = String::with_capacity(csv.len() + 3);
        if self.bom {
            out.push('\u{feff}');
        }
        if self.separator == b',' {
            out.push_str(csv);
            return out;
        }
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = csv.chars().peekable();
        let flush = |out: &mut String, field: &mut String| {
            if field.contains([sep, '"', '\n', '\r']) {
                out.push('"');
                out.push_str(&field.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(field);
            }
            field.clear();
        };
        while let Some(c) = chars.next() {
            match c {
                '"' if quoted && chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' if quoted => quoted = false,
                '"' if field.is_empty() => quoted = true,
                ',' if !quoted => {
                    flush(&mut out, &mut field);
                    out.push(sep);
                }
                '\r' | '\n' if !quoted => {
                    flush(&mut out, &mut field);
                    out.push(c);
                }
                c => field.push(c),
            }
        }
        if !field.is_empty() {
            flush(&mut out, &mut field);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_records_survive_the_change_of_separator() {
        let d = CsvDialect {
            separator: b';',
            bom: false,
        };
        let csv = "a,\"b,c\",\"say \"\"hi\"\"\",\"x;y\",\"two\nlines\"\r\n,,,,\n";
        assert_eq!(
            d.apply(csv),
            "a;b,c;\"say \"\"hi\"\"\";\"x;y\";\"two\nlines\"\r\n;;;;\n"
        );
        let back = csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .from_reader(d.apply(csv).as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect::<Vec<_>>())
            .collect::<Vec<_>>();
        let orig = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(csv.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect::<Vec<_>>())
            .collect::<Vec<_>>();
        assert_eq!(back, orig);
    }

    #[test]
    fn the_contracts_dialect_changes_nothing_and_a_bom_only_prefixes() {
        let csv = "a,b\n1,2\n";
        assert_eq!(CsvDialect::default().apply(csv), csv);
        let bom = CsvDialect {
            bom: true,
            ..CsvDialect::default()
        };
        assert_eq!(bom.apply(csv), "\u{feff}a,b\n1,2\n");
        assert_eq!("tab".parse::<CsvDialect>().unwrap().separator, b'\t');
        assert!("|".parse::<CsvDialect>().is_err());
    }
}
