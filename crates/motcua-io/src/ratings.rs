//! Reading a ratings file (contract section 17): one rating slip per row, as CSV.
//!
//! UTF-8 (a leading BOM is allowed), RFC 4180 quoting, comma separator, one header row;
//! unknown columns are ignored. `MaPhieu`, `DonViXuLy` and `NgayDanhGia` are required;
//! `CanBoTiepNhan`, `MaHoSo`, `MucDoHaiLong` (`3`, `2`, `1`) and `ChiSo1` … `ChiSo9` (`0`,
//! `1`, `2`) are optional. A bad slip is rejected with its line (the header is line 1), its
//! column and its kind, as a bad dossier row is; the summary says
//! `rows = used + rejected`. In strict mode the first bad slip is an error.
//!
//! ```
//! use motcua_io::ratings::read_ratings;
//! let csv = "MaPhieu,DonViXuLy,NgayDanhGia,MucDoHaiLong,ChiSo1\n\
//!            P1,STP,2021-08-02 09:00,3,2\n\
//!            P1,STP,2021-08-03,2,\n\
//!            P2,STP,hôm qua,2,\n";
//! let r = read_ratings(csv.as_bytes(), false).unwrap();
//! assert_eq!((r.summary.rows, r.summary.used, r.summary.rejected), (3, 1, 2));
//! assert_eq!(r.summary.errors[0].kind.name(), "duplicate");
//! assert_eq!((r.summary.errors[1].line, r.summary.errors[1].column.as_deref()), (4, Some("NgayDanhGia")));
//! ```

use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use motcua_core::codes::Rating;
use motcua_core::grading::{SLIP_INDICATORS, Slip};
pub use motcua_core::record::ErrorKind;
use motcua_core::timestamp::Timestamp;
use serde::Serialize;

/// A rejected slip: where and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SlipError {
    /// The line where the record starts (the header is line 1).
    pub line: u64,
    /// The column at fault; `None` for the whole record.
    pub column: Option<String>,
    /// The kind of fault.
    pub kind: ErrorKind,
    /// What is wrong and what is expected.
    pub message: String,
}

impl fmt::Display for SlipError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some(c) => write!(
                f,
                "ratings file, line {}, column {c}: {}",
                self.line, self.message
            ),
            None => write!(f, "ratings file, line {}: {}", self.line, self.message),
        }
    }
}

/// What happened to the slips read: `rows = used + rejected`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RatingsSummary {
    /// Data rows read (the header and blank lines not included).
    pub rows: u64,
    /// Slips used.
    pub used: u64,
    /// Slips rejected; each is listed in `errors`.
    pub rejected: u64,
    /// One entry per rejected slip, in file order.
    pub errors: Vec<SlipError>,
}

/// The slips of a ratings file and what happened to its rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ratings {
    /// The valid slips, in file order.
    pub slips: Vec<Slip>,
    /// Rows, used, rejected, errors.
    pub summary: RatingsSummary,
}

/// A ratings file that cannot be used at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RatingsFileError {
    /// The file cannot be opened or read.
    #[error("cannot read ratings file {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The file has no header, or lacks a required column.
    #[error("ratings file, line 1: {0}")]
    Header(String),
    /// The CSV structure is broken or not UTF-8.
    #[error("ratings file, line {line}: {message}")]
    Csv {
        /// Line where the record starts.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// A bad slip in strict mode.
    #[error("{0} (strict mode stops at the first bad slip)")]
    Slip(SlipError),
}

const REQUIRED: [&str; 3] = ["MaPhieu", "DonViXuLy", "NgayDanhGia"];

struct Columns {
    code: usize,
    agency: usize,
    date: usize,
    official: Option<usize>,
    dossier: Option<usize>,
    rating: Option<usize>,
    indicators: [Option<usize>; SLIP_INDICATORS],
}

impl Columns {
    fn new(names: &[String]) -> Result<Self, RatingsFileError> {
        let at = |c: &str| names.iter().position(|n| n == c);
        if let Some(c) = REQUIRED.iter().find(|c| at(c).is_none()) {
            return Err(RatingsFileError::Header(format!(
                "missing required column {c} (names are case-sensitive; the header has: {})",
                names.join(", ")
            )));
        }
        let mut indicators = [None; SLIP_INDICATORS];
        for (i, slot) in indicators.iter_mut().enumerate() {
            *slot = at(&format!("ChiSo{}", i + 1));
        }
        Ok(Self {
            code: at("MaPhieu").unwrap_or_default(),
            agency: at("DonViXuLy").unwrap_or_default(),
            date: at("NgayDanhGia").unwrap_or_default(),
            official: at("CanBoTiepNhan"),
            dossier: at("MaHoSo"),
            rating: at("MucDoHaiLong"),
            indicators,
        })
    }

    fn slip(&self, line: u64, f: &[&str]) -> Result<Slip, SlipError> {
        let get = |i: usize| f.get(i).map_or("", |v| v.trim());
        let opt = |i: Option<usize>| i.map(get).filter(|v| !v.is_empty());
        let err = |column: &str, kind, message: String| SlipError {
            line,
            column: Some(column.to_owned()),
            kind,
            message,
        };
        let required = |i: usize, name: &str| {
            let v = get(i);
            if v.is_empty() {
                Err(err(
                    name,
                    ErrorKind::Missing,
                    format!("missing value: {name} is required"),
                ))
            } else {
                Ok(v)
            }
        };
        let code = required(self.code, "MaPhieu")?;
        let agency = required(self.agency, "DonViXuLy")?;
        let date_text = required(self.date, "NgayDanhGia")?;
        let date = Timestamp::parse(date_text)
            .map_err(|e| err("NgayDanhGia", ErrorKind::Unparseable, e.to_string()))?
            .date;
        let mut s = Slip::new(code, agency, date);
        s.official = opt(self.official).map(str::to_owned);
        s.dossier = opt(self.dossier).map(str::to_owned);
        if let Some(v) = opt(self.rating) {
            s.rating = Some(Rating::try_from(v).map_err(|_| {
                err(
                    "MucDoHaiLong",
                    ErrorKind::UnknownCode,
                    format!("'{v}' is not a rating (expected 3 very satisfied, 2 satisfied, 1 dissatisfied)"),
                )
            })?);
        }
        for (k, i) in self.indicators.iter().enumerate() {
            if let Some(v) = opt(*i) {
                let col = format!("ChiSo{}", k + 1);
                let n: u8 = v.parse().map_err(|_| {
                    err(
                        &col,
                        ErrorKind::Unparseable,
                        format!("'{v}' is not a number of points (0, 1 or 2)"),
                    )
                })?;
                if n > 2 {
                    return Err(err(
                        &col,
                        ErrorKind::UnknownCode,
                        format!("{n} points: an indicator gives 0, 1 or 2"),
                    ));
                }
                s.indicators[k] = Some(n);
            }
        }
        Ok(s)
    }
}

/// Reads a ratings file from a reader; `strict` makes the first bad slip an error.
pub fn read_ratings<R: Read>(mut input: R, strict: bool) -> Result<Ratings, RatingsFileError> {
    // Ratings files are small: read whole, so that a slip's line is the physical line where
    // it starts even after blank lines.
    let mut bytes = Vec::new();
    input
        .read_to_end(&mut bytes)
        .map_err(|source| RatingsFileError::Io {
            path: PathBuf::from("-"),
            source,
        })?;
    let line_at = |byte: u64| {
        let mut at = (byte as usize).min(bytes.len());
        while at < bytes.len() && matches!(bytes[at], b'\n' | b'\r') {
            at += 1;
        }
        memchr::memchr_iter(b'\n', &bytes[..at]).count() as u64 + 1
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes.as_slice());
    let mut record = csv::StringRecord::new();
    let mut columns: Option<Columns> = None;
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut out = Ratings::default();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                return Err(RatingsFileError::Csv {
                    line,
                    message: match e.kind() {
                        csv::ErrorKind::Utf8 { .. } => {
                            "not valid UTF-8: save the file as UTF-8".to_owned()
                        }
                        _ => e.to_string(),
                    },
                });
            }
        }
        let line = record.position().map_or(0, |p| line_at(p.byte()));
        let fields: Vec<&str> = record.iter().collect();
        let Some(cols) = &columns else {
            let names: Vec<String> = fields
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    if i == 0 {
                        n.trim_start_matches('\u{feff}')
                    } else {
                        n
                    }
                })
                .map(str::to_owned)
                .collect();
            columns = Some(Columns::new(&names)?);
            continue;
        };
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        out.summary.rows += 1;
        let result = cols.slip(line, &fields).and_then(|s| {
            if let Some(first) = seen.get(&s.code) {
                return Err(SlipError {
                    line,
                    column: Some("MaPhieu".to_owned()),
                    kind: ErrorKind::Duplicate,
                    message: format!("rating '{}' already seen on line {first}", s.code),
                });
            }
            seen.insert(s.code.clone(), line);
            Ok(s)
        });
        match result {
            Ok(s) => {
                out.summary.used += 1;
                out.slips.push(s);
            }
            Err(e) if strict => return Err(RatingsFileError::Slip(e)),
            Err(e) => {
                out.summary.rejected += 1;
                out.summary.errors.push(e);
            }
        }
    }
    if columns.is_none() {
        return Err(RatingsFileError::Header(
            "the ratings file is empty: expected a header row (MaPhieu, DonViXuLy, NgayDanhGia, …)"
                .to_owned(),
        ));
    }
    Ok(out)
}

/// Reads a ratings file from a path.
pub fn read_ratings_file(path: &Path, strict: bool) -> Result<Ratings, RatingsFileError> {
    let file = std::fs::File::open(path).map_err(|source| RatingsFileError::Io {
        path: path.to_owned(),
        source,
    })?;
    read_ratings(std::io::BufReader::new(file), strict).map_err(|e| match e {
        RatingsFileError::Io { source, .. } => RatingsFileError::Io {
            path: path.to_owned(),
            source,
        },
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_and_every_kind_of_bad_slip() {
        let csv = "\u{feff}MaPhieu,DonViXuLy,NgayDanhGia,CanBoTiepNhan,MaHoSo,MucDoHaiLong,ChiSo1,ChiSo3,Ghi chu\n\
                   P1,STP,20210802091500,CB1,H1,3,2,1,x\n\
                   \n\
                   P2,,2021-08-02,,,,,,\n\
                   P3,STP,2021-08-02,,,4,,,\n\
                   P4,STP,2021-08-02,,,2,3,,\n\
                   P5,STP,2021-08-02,,,2,một,,\n\
                   P1,SYT,2021-08-05,,,2,,,\n\
                   P6,SYT,\"05/08/2021\",,,1,0,0,\n";
        let r = read_ratings(csv.as_bytes(), false).unwrap();
        assert_eq!(
            (r.summary.rows, r.summary.used, r.summary.rejected),
            (7, 2, 5)
        );
        let s = &r.slips[0];
        assert_eq!(
            (s.code.as_str(), s.agency.as_str(), s.date.to_string()),
            ("P1", "STP", "2021-08-02".to_owned())
        );
        assert_eq!(
            (s.official.as_deref(), s.dossier.as_deref(), s.rating),
            (Some("CB1"), Some("H1"), Some(Rating::VerySatisfied))
        );
        assert_eq!(s.indicators[..3], [Some(2), None, Some(1)]);
        let got: Vec<(u64, &str, &str)> = r
            .summary
            .errors
            .iter()
            .map(|e| (e.line, e.column.as_deref().unwrap(), e.kind.name()))
            .collect();
        assert_eq!(
            got,
            [
                (4, "DonViXuLy", "missing"),
                (5, "MucDoHaiLong", "unknown_code"),
                (6, "ChiSo1", "unknown_code"),
                (7, "ChiSo1", "unparseable"),
                (8, "MaPhieu", "duplicate"),
            ]
        );
        assert_eq!(r.slips[1].date.to_string(), "2021-08-05");
        let strict = read_ratings(csv.as_bytes(), true).unwrap_err();
        assert!(
            strict
                .to_string()
                .starts_with("ratings file, line 4, column DonViXuLy"),
            "{strict}"
        );
        let e = read_ratings("MaPhieu,NgayDanhGia\nP1,2021-08-02\n".as_bytes(), false).unwrap_err();
        assert!(
            e.to_string().contains("missing required column DonViXuLy"),
            "{e}"
        );
        assert!(read_ratings("".as_bytes(), false).is_err());
        let e = read_ratings_file(Path::new("/nonexistent/ratings.csv"), false).unwrap_err();
        assert!(e.to_string().contains("/nonexistent/ratings.csv"));
    }
}
