//! # motcua-io
//!
//! Readers and writers around [`motcua_core`], and the one layer that turns what a user
//! gives (paths, names, TOML text, periods, profiles) into resolved values
//! ([`resolve`]), which the CLI and both bindings call.
//!
//! ## Map
//!
//! | module | what it holds |
//! |---|---|
//! | [`input`] | one entry for every format: by name, first bytes or the user's word |
//! | [`dossiers`] | the CSV reader (streaming, blocks on several threads); [`dossiers::ReadOptions`] |
//! | [`lines`], [`blocks`], [`limits`] | line ends and record boundaries, blocks merged in input order, size limits |
//! | [`xlsx`], [`portal`], `arrow`, `parquet`, `compress` | the workbook (also `.xls`), portal JSON, Arrow, Parquet and compressed readers |
//! | `postgres` | a PostgreSQL query streamed as CSV (feature `postgres`) |
//! | [`profile`], [`inspect`] | resolving and detecting source profiles; `motcua inspect` |
//! | [`units`], [`catalog`], [`ratings`], [`rulebook`] | the side files |
//! | [`resolve`] | options → request, the one counting pass, lists, the table of error kinds |
//! | [`job`], [`list`], [`partial`] | the counting plan, dossier lists, partial aggregates |
//! | [`writer`] | every byte output: report JSON and CSV, grades CSV, lists, forms ([`form06a`]), the CSV dialect |
//! | [`report`], [`tables`] | reports from datasets; tables in the other input formats |
//! | [`internal`] | panics turned into an error that asks for a bug report |
//!
//! ```
//! use motcua_core::{calendar::Calendar, period::Period};
//! use motcua_io::dossiers::{ReadOptions, read_dataset};
//!
//! let csv = "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo\n\
//!            H1,STP,2,2021-07-01 09:00,2021-07-05,2021-07-02,10\n";
//! let ds = read_dataset(csv.as_bytes(), &Calendar::vn(), &ReadOptions::default()).unwrap();
//! assert_eq!(ds.len(), 1);
//! let report = motcua_io::report::build(&ds, "2021-Q3".parse::<Period>().unwrap());
//! assert_eq!(report.total.counts.resolved_early, 1);
//! ```
#![warn(missing_docs)]

#[cfg(feature = "arrow")]
pub mod arrow;
pub mod blocks;
pub mod catalog;
mod columnar;
#[cfg(feature = "compress")]
pub mod compress;
pub mod dossiers;
pub mod error;
pub mod input;
pub mod inspect;
pub mod internal;
pub mod job;
pub mod limits;
pub mod lines;
pub mod list;
#[cfg(feature = "parquet")]
pub mod parquet;
pub mod partial;
pub mod portal;
#[cfg(feature = "postgres")]
pub mod postgres;
pub mod profile;
pub mod ratings;
pub mod report;
pub mod resolve;
pub mod rulebook;
pub mod tables;
pub mod units;
pub mod writer;
mod xls;
pub mod xlsx;
mod xlsx_limits;

pub use error::ReadError;
pub use writer::form06a;
