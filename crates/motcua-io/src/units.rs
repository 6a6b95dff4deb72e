//! Reading a units file (contract section 9): agency facts for grading, as CSV.
//!
//! UTF-8 (a leading BOM is allowed), RFC 4180 quoting, comma separator, one header row;
//! unknown columns are ignored and empty values take the contract's defaults. Every error
//! names its line (the header is line 1) and, when it has one, its column.
//!
//! ```
//! use motcua_io::units::read_units;
//! let csv = "DonViXuLy,TenDonVi,CongKhai\nSTP,Sở Tư pháp,1\nSYT,\"Sở Y tế\",\n";
//! let units = read_units(csv.as_bytes()).unwrap();
//! assert_eq!(units.get("STP").unwrap().publication, 1);
//! assert_eq!(units.get("SYT").unwrap().publication, 2);
//!
//! let err = read_units("DonViXuLy,CongKhai\nSTP,7\n".as_bytes()).unwrap_err();
//! assert_eq!((err.line(), err.column()), (Some(2), Some("CongKhai")));
//! ```

use std::io::Read;
use std::path::{Path, PathBuf};

use motcua_core::grading::{Units, UnitsError, UnitsHeader};

/// A units file that cannot be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum UnitsFileError {
    /// The file cannot be opened or read.
    #[error("cannot read units file {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The CSV structure is broken (e.g. a row with the wrong number of fields).
    #[error("units file, line {line}: {message}")]
    Csv {
        /// Line where the record starts.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// A field is not UTF-8.
    #[error("units file, line {line}, column {column}: not valid UTF-8: save the file as UTF-8")]
    NotUtf8 {
        /// Line where the record starts.
        line: u64,
        /// The column's name (or position).
        column: String,
    },
    /// A value or the header is wrong.
    #[error("units file, {0}")]
    Units(UnitsError),
}

impl From<UnitsError> for UnitsFileError {
    fn from(e: UnitsError) -> Self {
        Self::Units(e)
    }
}

impl UnitsFileError {
    /// The line of the error, when it has one.
    #[must_use]
    pub fn line(&self) -> Option<u64> {
        match self {
            Self::Csv { line, .. } | Self::NotUtf8 { line, .. } => Some(*line),
            Self::Units(e) => e.line(),
            Self::Io { .. } => None,
        }
    }

    /// The column of the error, when it has one.
    #[must_use]
    pub fn column(&self) -> Option<&str> {
        match self {
            Self::NotUtf8 { column, .. } => Some(column),
            Self::Units(e) => e.column(),
            _ => None,
        }
    }
}

fn csv_error(e: &csv::Error) -> UnitsFileError {
    let line = e.position().map_or(0, csv::Position::line);
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("the row has {len} fields but the header has {expected_len}")
        }
        _ => e.to_string(),
    };
    UnitsFileError::Csv { line, message }
}

/// Reads a units file from a reader.
pub fn read_units<R: Read>(input: R) -> Result<Units, UnitsFileError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(input);
    let mut record = csv::ByteRecord::new();
    let mut names: Vec<String> = Vec::new();
    let mut header: Option<UnitsHeader> = None;
    let mut units = Units::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                if let csv::ErrorKind::Io(_) = e.kind() {
                    let csv::ErrorKind::Io(io) = e.into_kind() else {
                        unreachable!()
                    };
                    return Err(UnitsFileError::Io {
                        path: PathBuf::from("-"),
                        source: io,
                    });
                }
                return Err(csv_error(&e));
            }
        }
        let line = record.position().map_or(0, csv::Position::line);
        let mut fields = Vec::with_capacity(record.len());
        for (i, f) in record.iter().enumerate() {
            let text = std::str::from_utf8(f).map_err(|_| UnitsFileError::NotUtf8 {
                line,
                column: names
                    .get(i)
                    .cloned()
                    .unwrap_or_else(|| format!("#{}", i + 1)),
            })?;
            fields.push(text);
        }
        match &header {
            None => {
                names = fields
                    .iter()
                    .map(|s| s.trim_start_matches('\u{feff}').to_owned())
                    .collect();
                header = Some(UnitsHeader::new(fields.iter().copied())?);
            }
            Some(h) => {
                if fields.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                units.insert(line, h.parse_row(line, &fields)?)?;
            }
        }
    }
    if header.is_none() {
        return Err(UnitsError::Empty.into());
    }
    Ok(units)
}

/// Reads a units file from a path (`-` reads standard input).
pub fn read_units_file(path: &Path) -> Result<Units, UnitsFileError> {
    let io = |source| UnitsFileError::Io {
        path: path.to_owned(),
        source,
    };
    if path == Path::new("-") {
        return read_units(std::io::stdin().lock());
    }
    let file = std::fs::File::open(path).map_err(io)?;
    read_units(std::io::BufReader::new(file)).map_err(|e| match e {
        UnitsFileError::Io { source, .. } => io(source),
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &[u8]) -> UnitsFileError {
        read_units(text).unwrap_err()
    }

    #[test]
    fn reads_every_column_with_bom_quotes_and_unknown_columns() {
        let text = "\u{feff}DonViXuLy,Ghi chu,TenDonVi,Cap,CongKhai,TyLeGiaiQuyetTaiMotCua,TiepNhanDayDu,PhanAnhTiepNhan,PhanAnhDungHan,PhanAnhKeoDai,SoTTHC,SoTTHCMucDo34\n\
                    STP,x,\"Sở Tư pháp, tỉnh\",tinh,2,\"0,25\",1,4,4,0,120,80\n\
                    \n\
                    UBX,,UBND xã X,xa,1,1,0,,,,,\n";
        let u = read_units(text.as_bytes()).unwrap();
        assert_eq!(u.len(), 2);
        let stp = u.get("STP").unwrap();
        assert_eq!(stp.name.as_deref(), Some("Sở Tư pháp, tỉnh"));
        assert_eq!(
            (stp.desk_share.to_string(), stp.procedures_level34),
            ("0.25".to_owned(), 80)
        );
        let x = u.get("UBX").unwrap();
        assert_eq!(
            (
                x.level.code(),
                x.publication,
                x.full_desk_receipt,
                x.feedback_received
            ),
            ("xa", 1, false, 0)
        );
        assert_eq!(read_units(u.to_csv().as_bytes()).unwrap(), u);
    }

    #[test]
    fn bad_input_gives_line_and_column() {
        let e = err(b"DonViXuLy,TyLeGiaiQuyetTaiMotCua\nA,0.2\nB,abc\n");
        assert_eq!(
            (e.line(), e.column()),
            (Some(3), Some("TyLeGiaiQuyetTaiMotCua"))
        );
        assert!(
            e.to_string().starts_with(
                "units file, line 3, column TyLeGiaiQuyetTaiMotCua: 'abc' is not a number"
            ),
            "{e}"
        );
        let e = err(b"DonViXuLy,SoTTHC\nA,1\nB,2,3\n");
        assert_eq!(e.line(), Some(3));
        assert!(
            e.to_string().contains("3 fields but the header has 2"),
            "{e}"
        );
        let e = err(b"DonViXuLy,TenDonVi\nA,\xff\n");
        assert_eq!((e.line(), e.column()), (Some(2), Some("TenDonVi")));
        let e = err(b"MaDonVi,TenDonVi\nA,x\n");
        assert!(
            matches!(e, UnitsFileError::Units(UnitsError::MissingCode { .. })),
            "{e}"
        );
        assert_eq!(e.line(), Some(1));
        assert!(matches!(err(b""), UnitsFileError::Units(UnitsError::Empty)));
        let e = err(b"DonViXuLy\nA\n\"B\nA\n");
        assert_eq!((e.line(), e.column()), (Some(3), Some("DonViXuLy")));
        assert!(e.to_string().contains("quote left open"), "{e}");
        let e = err(b"DonViXuLy,PhanAnhTiepNhan,PhanAnhKeoDai\nA,2,3\n");
        assert_eq!((e.line(), e.column()), (Some(2), Some("PhanAnhKeoDai")));
        let e = err(b"DonViXuLy\nA\nA\n");
        assert_eq!(
            e.to_string(),
            "units file, line 3, column DonViXuLy: agency 'A' already has a row on line 2"
        );
        let missing = read_units_file(Path::new("/nonexistent/units.csv")).unwrap_err();
        assert!(
            missing.to_string().contains("/nonexistent/units.csv"),
            "{missing}"
        );
    }
}
