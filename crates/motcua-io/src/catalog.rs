//! Reading a procedure catalog (contract section 13) as CSV: `MaTTHC` (required),
//! `TenTTHC`, `MaLinhVuc`, `TenLinhVuc`, `MucDo`.
//!
//! ```
//! use motcua_io::catalog::read_catalog;
//! let csv = "MaTTHC,TenTTHC,MaLinhVuc,TenLinhVuc,MucDo\n1.2172,Cấp phiếu lý lịch tư pháp,LLTP,Lý lịch tư pháp,toan_trinh\n";
//! let cat = read_catalog(csv.as_bytes()).unwrap();
//! assert_eq!(cat.get("1.2172").unwrap().field.as_deref(), Some("LLTP"));
//! assert_eq!(cat.field_name("LLTP"), Some("Lý lịch tư pháp"));
//! ```

use std::io::Read;
use std::path::Path;

use motcua_core::catalog::{Catalog, Procedure};
use motcua_core::codes::OnlineLevel;

/// A catalog file that cannot be read; every error names its line and, when it has one,
/// its column.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CatalogFileError {
    /// The file cannot be opened or read.
    #[error("cannot read catalog file {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The header lacks `MaTTHC`.
    #[error("catalog file: the header has no MaTTHC column (it has: {0})")]
    NoCodeColumn(String),
    /// A bad row.
    #[error("catalog file, line {line}{}: {message}", .column.as_ref().map(|c| format!(", column {c}")).unwrap_or_default())]
    Row {
        /// Line where the record starts (the header is line 1).
        line: u64,
        /// The column at fault.
        column: Option<&'static str>,
        /// What is wrong.
        message: String,
    },
}

/// Reads a catalog from CSV text (UTF-8, a BOM allowed; unknown columns ignored).
pub fn read_catalog(input: impl Read) -> Result<Catalog, CatalogFileError> {
    let mut rdr = csv::ReaderBuilder::new().flexible(false).from_reader(input);
    let row_err = |line: u64, column, message: String| CatalogFileError::Row {
        line,
        column,
        message,
    };
    let headers = rdr
        .headers()
        .map_err(|e| row_err(1, None, e.to_string()))?
        .clone();
    let names: Vec<&str> = headers
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim())
        .collect();
    let at = |n: &str| names.iter().position(|h| *h == n);
    let code = at("MaTTHC").ok_or_else(|| CatalogFileError::NoCodeColumn(names.join(", ")))?;
    let (name, field, field_name, level) = (
        at("TenTTHC"),
        at("MaLinhVuc"),
        at("TenLinhVuc"),
        at("MucDo"),
    );
    let mut cat = Catalog::default();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, csv::Position::line);
            row_err(line, None, e.to_string())
        })?;
        let line = rec.position().map_or(0, csv::Position::line);
        let text = |i: Option<usize>| {
            i.and_then(|i| rec.get(i))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        let level = match text(level) {
            Some(v) => Some(
                OnlineLevel::try_from(v.as_str())
                    .map_err(|e| row_err(line, Some("MucDo"), e.to_string()))?,
            ),
            None => None,
        };
        let p = Procedure {
            name: text(name),
            field: text(field),
            field_name: text(field_name),
            level,
        };
        let c = text(Some(code)).unwrap_or_default();
        cat.insert(&c, p)
            .map_err(|e| row_err(line, Some("MaTTHC"), e.to_string()))?;
    }
    Ok(cat)
}

/// Reads a catalog file.
pub fn read_catalog_file(path: &Path) -> Result<Catalog, CatalogFileError> {
    let f = std::fs::File::open(path).map_err(|source| CatalogFileError::Io {
        path: path.display().to_string(),
        source,
    })?;
    read_catalog(std::io::BufReader::new(f))
}
