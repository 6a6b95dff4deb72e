//! # motcua-core
//!
//! The pure domain model of a Vietnamese public administration service center ("một cửa"):
//! dossiers of administrative procedures, work calendars, reporting periods, the counts and
//! rates of the quarterly report, and the rulebooks that grade agencies and officials.
//!
//! Nothing here reads files, opens sockets or looks at the clock: every function takes its
//! inputs as values, so the same code serves the CLI, the Python and the WebAssembly bindings.
//!
//! ## Map
//!
//! | module | what it holds |
//! |---|---|
//! | [`codes`] | channel, status, online level and rating codes |
//! | [`timestamp`] | the data's timestamp forms, local time UTC+7 |
//! | [`calendar`] | work calendars: statutory holidays as dated rules, closures, working-day arithmetic |
//! | [`period`] | months, quarters, years, ranges; the period compared with; steps of a series |
//! | [`record`] | the columns, one row's check and due date, rejected rows with a kind, rows into dossiers |
//! | [`profile`] | source profiles: how a real system's export maps onto the columns |
//! | [`catalog`] | the procedure catalog (level and field of each procedure) |
//! | [`dossier`] | a dossier, interned agency and official codes, a dataset and its input summary |
//! | [`convention`] | counting conventions of other systems, off by default |
//! | [`count`] | the counts of one period as mergeable tallies |
//! | [`breakdown`] | counts by one or two keys, and series |
//! | [`successors`] | agencies across the 2025 reorganisation |
//! | [`report`] | the period report from tallies |
//! | [`grading`] | rulebooks, agency facts, grades of agencies and officials, rating slips |
//! | [`form06a`] | the legal forms Biểu II.06a, 06b and 07a |
//! | [`partial`] | partial aggregates for distributed engines, merged in any order |
//! | [`format`] | text rendering: Vietnamese numbers, labels, text reports, CSV quoting |
//! | [`announcement`] | the press announcement of a period |
//!
//! ```
//! use motcua_core::{calendar::Calendar, period::Period, timestamp::Timestamp};
//!
//! let cal = Calendar::vn();
//! let received = Timestamp::parse("2021-09-01 09:00").unwrap();
//! // 2 and 3 September 2021 are National Day holidays, then a weekend.
//! assert_eq!(cal.due_date(&received, 1).to_string(), "2021-09-06");
//! let q3: Period = "2021-Q3".parse().unwrap();
//! assert_eq!(q3.previous().unwrap().to_string(), "2021-Q2");
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

/// The version of the data contract that every JSON output follows (its `"contract"` key).
pub const CONTRACT_VERSION: u32 = 2;

pub mod announcement;
pub mod breakdown;
pub mod calendar;
pub mod catalog;
pub mod codes;
pub mod convention;
pub mod count;
pub mod dossier;
pub mod form06a;
pub mod format;
pub mod grading;
pub mod partial;
pub mod period;
pub mod profile;
pub mod record;
pub mod report;
pub mod successors;
pub mod text;
pub mod timestamp;
