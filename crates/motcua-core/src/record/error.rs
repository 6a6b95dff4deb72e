//! Rejected rows (contract sections 6 and 6a): where, which column, what kind of fault.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::Column;
use crate::codes::CodeError;

/// The kind of a rejected row (contract section 6a).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// A required value is absent.
    Missing,
    /// A value that cannot be read (a bad date, number, encoding, a malformed record).
    Unparseable,
    /// A status, channel, level or rating outside its list.
    UnknownCode,
    /// A `MaHoSo` already seen (the later row is the bad one).
    Duplicate,
    /// Closed before it was received.
    ClosedBeforeReceived,
    /// Neither `NgayHenTra` nor `ThoiHanGiaiQuyet`.
    NoDeadline,
    /// A size limit was hit.
    Limit,
}

impl ErrorKind {
    /// Every kind, in the contract's order.
    pub const ALL: [Self; 7] = [
        Self::Missing,
        Self::Unparseable,
        Self::UnknownCode,
        Self::Duplicate,
        Self::ClosedBeforeReceived,
        Self::NoDeadline,
        Self::Limit,
    ];

    /// The contract's name of the kind (`missing`, `unknown_code`…).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Missing => "missing",
            Self::Unparseable => "unparseable",
            Self::UnknownCode => "unknown_code",
            Self::Duplicate => "duplicate",
            Self::ClosedBeforeReceived => "closed_before_received",
            Self::NoDeadline => "no_deadline",
            Self::Limit => "limit",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A rejected row: where, which column, what kind of fault and what is wrong (contract
/// sections 6 and 6a).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    /// Where the record starts: the physical line of a text file (the header is line 1),
    /// the sheet row of a workbook, the record number of JSON, the row across all batches of
    /// Arrow or Parquet, the result row of a database query.
    pub line: u64,
    /// The column at fault; `None` for faults of the whole record (e.g. wrong field count).
    pub column: Option<String>,
    /// The kind of fault.
    pub kind: ErrorKind,
    /// What is wrong, and what is expected (English; see [`RowError::message_in`]).
    pub message: String,
    /// The worksheet, for a workbook.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The 1-based record number, for JSON input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<u64>,
    /// The input file, when several are read as one input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The 1-based record batch, for Arrow and Parquet input (`line` is the row across all
    /// batches).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<u64>,
    /// The 1-based row within [`RowError::batch`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_row: Option<u64>,
}

impl RowError {
    /// An error at `line` with no sheet, record or file.
    #[must_use]
    pub fn new(
        line: u64,
        column: Option<Column>,
        kind: ErrorKind,
        message: impl Into<String>,
    ) -> Self {
        Self {
            line,
            column: column.map(|c| c.name().to_owned()),
            kind,
            message: message.into(),
            sheet: None,
            record: None,
            file: None,
            batch: None,
            batch_row: None,
        }
    }

    /// The message in a language: English as recorded, or Vietnamese from the kind and the
    /// column.
    #[must_use]
    pub fn message_in(&self, lang: crate::format::Lang) -> String {
        match lang {
            crate::format::Lang::En => self.message.clone(),
            crate::format::Lang::Vi => crate::format::row_error_vi(self),
        }
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{file}: ")?;
        }
        if let (Some(b), Some(r)) = (self.batch, self.batch_row) {
            write!(f, "batch {b}, row {r}")?;
            return match &self.column {
                Some(c) => write!(f, ", column {c}: {}", self.message),
                None => write!(f, ": {}", self.message),
            };
        }
        match &self.column {
            Some(c) => write!(f, "line {}, column {c}: {}", self.line, self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

impl std::error::Error for RowError {}

/// What is wrong with one field of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The column at fault; `None` for a fault of the whole record.
    pub column: Option<Column>,
    /// The kind of fault.
    pub kind: ErrorKind,
    /// What is wrong.
    pub message: String,
}

impl FieldError {
    /// A fault of one column.
    pub fn new(column: Column, kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            column: Some(column),
            kind,
            message: message.into(),
        }
    }

    /// A fault of the whole record that cannot be read (e.g. a CSV row with the wrong number
    /// of fields).
    pub fn record(message: impl Into<String>) -> Self {
        Self {
            column: None,
            kind: ErrorKind::Unparseable,
            message: message.into(),
        }
    }

    /// This error at `line`.
    #[must_use]
    pub fn at(self, line: u64) -> RowError {
        RowError {
            line,
            column: self.column.map(|c| c.name().to_owned()),
            kind: self.kind,
            message: self.message,
            sheet: None,
            record: None,
            file: None,
            batch: None,
            batch_row: None,
        }
    }
}

impl From<(Column, CodeError)> for FieldError {
    fn from((c, e): (Column, CodeError)) -> Self {
        Self::new(c, ErrorKind::UnknownCode, e.to_string())
    }
}
