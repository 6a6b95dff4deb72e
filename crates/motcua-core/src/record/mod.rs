//! Reading one row of the dossier table (contract sections 1, 2, 3 and 6): the columns,
//! the header check, the per-row validation, and [`Ingest`], which turns a stream of parsed
//! rows into dossiers while detecting duplicate codes and keeping the input summary.
//!
//! The readers of concrete formats (CSV, Excel, the portal's JSON) live in `motcua-io`; they
//! all call [`parse_row`] and [`Ingest::accept`] so that every format makes the same
//! row-level decisions.
//!
//! ```
//! use motcua_core::calendar::Calendar;
//! use motcua_core::record::{Column, Header, Ingest, parse_row};
//!
//! let header = Header::new(["MaHoSo", "DonViXuLy", "KenhThucHien", "NgayTiepNhan",
//!                           "ThoiHanGiaiQuyet", "TrangThaiHoSo"]).unwrap();
//! let row = ["H1", "STP", "2", "2021-07-01 09:00", "3", "4"];
//! let cal = Calendar::vn();
//! let parsed = parse_row(|c| header.index(c).map_or("", |i| row[i]), &cal);
//! let mut ingest = Ingest::new(false);
//! let dossier = ingest.accept(2, parsed).unwrap().unwrap();
//! assert_eq!(dossier.due.to_string(), "2021-07-06");
//! assert_eq!(ingest.input.used, 1);
//! ```

mod column;
mod error;
mod ingest;
mod parse;

pub use column::{Column, Header, HeaderError};
pub use error::{ErrorKind, FieldError, RowError};
pub use ingest::{CodeSet, Ingest, KeepFilter, Kept, fingerprint, parse_date};
pub use parse::{ParsedRow, RowContext, parse_row, parse_row_with};
