//! Errors of the readers.

use std::path::PathBuf;

use motcua_core::calendar::CalendarError;
use motcua_core::record::{HeaderError, RowError};

/// Input that cannot be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The file cannot be opened or read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// Reading the stream failed.
    #[error("read error: {0}")]
    Stream(#[from] std::io::Error),
    /// The header is unusable (missing required columns, empty input).
    #[error(transparent)]
    Header(#[from] HeaderError),
    /// The header is unusable, and a column looks like a near miss.
    #[error("{error}; {hint}")]
    HeaderHint {
        /// What is wrong.
        error: HeaderError,
        /// The near miss and the profile that maps it.
        hint: String,
    },
    /// The source profile cannot be found or read.
    #[error(transparent)]
    Profile(#[from] motcua_core::profile::ProfileError),
    /// The text is not UTF-8.
    #[error("line {line} is not valid UTF-8 (column {column}): save the file as UTF-8")]
    NotUtf8 {
        /// The line where the record starts.
        line: u64,
        /// The column of the bad bytes.
        column: String,
    },
    /// A bad row in strict mode.
    #[error("{0} (strict mode stops at the first bad row)")]
    Row(RowError),
    /// A size limit was hit (the input is hostile or damaged, or the limit too low).
    #[error(
        "line {line}: vượt giới hạn {} = {max} (limit exceeded; raise it with {} N if the file is genuine)",
        limit.what(),
        limit.option()
    )]
    Limit {
        /// Which limit.
        limit: crate::limits::Limit,
        /// Its value.
        max: usize,
        /// The line where the record that hit it starts.
        line: u64,
    },
    /// A decompression limit of a workbook was hit (a zip bomb, or a limit too low).
    #[error(
        "{part}: vượt giới hạn {} = {max} (limit exceeded; raise it with {} N if the workbook is genuine)",
        limit.what(),
        limit.option()
    )]
    WorkbookLimit {
        /// Which limit.
        limit: crate::limits::Limit,
        /// Its value.
        max: u64,
        /// The workbook part that hit it (`xl/sharedStrings.xml`).
        part: String,
    },
    /// The calendar file is invalid.
    #[error("{}: {source}", path.display())]
    Calendar {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: CalendarError,
    },
}

impl ReadError {
    /// The line the error is on, when it has one.
    #[must_use]
    pub fn line(&self) -> Option<u64> {
        match self {
            Self::NotUtf8 { line, .. } | Self::Limit { line, .. } => Some(*line),
            Self::Row(e) => Some(e.line),
            Self::Header(_) | Self::HeaderHint { .. } => Some(1),
            _ => None,
        }
    }

    /// The column the error is in, when it has one.
    #[must_use]
    pub fn column(&self) -> Option<&str> {
        match self {
            Self::NotUtf8 { column, .. } => Some(column),
            Self::Row(e) => e.column.as_deref(),
            _ => None,
        }
    }
}
