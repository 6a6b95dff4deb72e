//! The one error of the resolution layer, with its kind ([`ErrorKind`]) and position.

use std::path::PathBuf;

use motcua_core::calendar::CalendarError;
use motcua_core::grading::RulebookError;

use super::ErrorKind;
use crate::ReadError;
use crate::catalog::CatalogFileError;
use crate::input::{InputError, InputFormat, Place};
use crate::ratings::RatingsFileError;
use crate::units::UnitsFileError;

/// A value given by a user that cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ResolveError {
    /// An option of the wrong value, or options that do not go together.
    #[error("{0}")]
    Argument(String),
    /// A period that cannot be read or built.
    #[error("{0}")]
    Period(String),
    /// A rulebook name that is neither built in nor a file.
    #[error(
        "unknown rulebook '{name}' (built-in rulebooks: {known}; or give a rulebook file, FILE.toml, or TOML text)"
    )]
    UnknownRulebook {
        /// The name given.
        name: String,
        /// The built-in names.
        known: String,
    },
    /// A rulebook that is not valid.
    #[error(transparent)]
    Rulebook(#[from] RulebookError),
    /// A calendar that is not valid.
    #[error("{}{error}", .file.as_ref().map(|f| format!("calendar file {f}: ")).unwrap_or_default())]
    Calendar {
        /// The file it came from, if any.
        file: Option<String>,
        /// The cause.
        error: CalendarError,
    },
    /// A units file that cannot be read.
    #[error(transparent)]
    Units(#[from] UnitsFileError),
    /// A catalog that cannot be read.
    #[error(transparent)]
    Catalog(#[from] CatalogFileError),
    /// A ratings file that cannot be read.
    #[error(transparent)]
    Ratings(#[from] RatingsFileError),
    /// A source profile that is unknown or invalid.
    #[error(transparent)]
    Profile(#[from] motcua_core::profile::ProfileError),
    /// A file that cannot be read.
    #[error("cannot read {what} {}: {error}", path.display())]
    Io {
        /// What the file is.
        what: &'static str,
        /// The file.
        path: PathBuf,
        /// The cause.
        error: std::io::Error,
    },
    /// A path where no file can be read (the browser).
    #[error(
        "{what}: '{path}' is not a built-in name, and files cannot be read here: pass the file's text or bytes"
    )]
    NoFiles {
        /// What the value is.
        what: &'static str,
        /// The path given.
        path: String,
    },
    /// Bytes that are not UTF-8.
    #[error("the text is not valid UTF-8 (at byte {at}): save it as UTF-8")]
    NotUtf8 {
        /// The first bad byte.
        at: usize,
    },
    /// The dossier table cannot be read.
    #[error("{error}")]
    Input {
        /// Its format.
        format: InputFormat,
        /// The cause.
        error: InputError,
    },
}

fn io_kind(e: &std::io::Error) -> ErrorKind {
    if e.kind() == std::io::ErrorKind::NotFound {
        ErrorKind::NotFound
    } else {
        ErrorKind::Io
    }
}

fn read_kind(e: &ReadError) -> ErrorKind {
    match e {
        ReadError::Io { source, .. } => io_kind(source),
        ReadError::Stream(_) => ErrorKind::Read,
        ReadError::Header(_) | ReadError::HeaderHint { .. } => ErrorKind::Header,
        ReadError::Profile(_) => ErrorKind::Profile,
        ReadError::Limit { .. } | ReadError::WorkbookLimit { .. } => ErrorKind::Limit,
        ReadError::NotUtf8 { .. } => ErrorKind::Encoding,
        ReadError::Row(_) => ErrorKind::Row,
        ReadError::Calendar { .. } => ErrorKind::Calendar,
    }
}

fn place_line(p: &Place) -> u64 {
    match p {
        Place::Line(l) | Place::Row { row: l, .. } | Place::Record { number: l, .. } => *l,
    }
}

impl ResolveError {
    /// The kind of failure.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Argument(_) | Self::NoFiles { .. } => ErrorKind::Argument,
            Self::Period(_) => ErrorKind::Period,
            Self::UnknownRulebook { .. } | Self::Rulebook(_) => ErrorKind::Rulebook,
            Self::Calendar { .. } => ErrorKind::Calendar,
            Self::Units(UnitsFileError::Io { source, .. })
            | Self::Catalog(CatalogFileError::Io { source, .. })
            | Self::Ratings(RatingsFileError::Io { source, .. }) => io_kind(source),
            Self::Io { error, .. } => io_kind(error),
            Self::Units(_) => ErrorKind::Units,
            Self::Catalog(_) => ErrorKind::Catalog,
            Self::Ratings(_) => ErrorKind::Ratings,
            Self::Profile(_) => ErrorKind::Profile,
            Self::NotUtf8 { .. } => ErrorKind::Encoding,
            Self::Input { format, error } => match error {
                InputError::Read(r) => read_kind(r),
                InputError::Row { .. } => ErrorKind::Row,
                _ => match format {
                    InputFormat::Xlsx => ErrorKind::Xlsx,
                    InputFormat::Json => ErrorKind::Json,
                    InputFormat::Csv | InputFormat::Arrow | InputFormat::Parquet => ErrorKind::Read,
                },
            },
        }
    }

    /// The line (or row, or record) the error is on, when it has one.
    #[must_use]
    pub fn line(&self) -> Option<u64> {
        match self {
            Self::Rulebook(e) => e.line().map(|l| l as u64),
            Self::Calendar { error, .. } => Some(error.position().0 as u64),
            Self::Units(e) => e.line(),
            Self::Catalog(CatalogFileError::Row { line, .. }) => Some(*line),
            Self::Catalog(CatalogFileError::NoCodeColumn(_))
            | Self::Ratings(RatingsFileError::Header(_)) => Some(1),
            Self::Ratings(RatingsFileError::Csv { line, .. }) => Some(*line),
            Self::Input { error, .. } => match error {
                InputError::Read(r) => r.line(),
                InputError::At { place, .. } => Some(place_line(place)),
                InputError::Row { error, .. } => Some(error.line),
                _ => None,
            },
            _ => None,
        }
    }

    /// The column at fault (a column name for tables), when there is one.
    #[must_use]
    pub fn column(&self) -> Option<String> {
        match self {
            Self::Units(e) => e.column().map(str::to_owned),
            Self::Catalog(CatalogFileError::Row { column, .. }) => column.map(str::to_owned),
            Self::Input { error, .. } => match error {
                InputError::Read(r) => r.column().map(str::to_owned),
                InputError::Row { error, .. } => error.column.clone(),
                _ => None,
            },
            _ => None,
        }
    }

    /// The character position in a TOML text's line, for calendars and rulebooks.
    #[must_use]
    pub fn text_column(&self) -> Option<u64> {
        match self {
            Self::Calendar { error, .. } => Some(error.position().1 as u64),
            Self::Rulebook(RulebookError::Toml { column, .. }) => Some(*column as u64),
            _ => None,
        }
    }

    /// The row error of a strict-mode stop, if that is what this is.
    #[must_use]
    pub fn row_error(&self) -> Option<&motcua_core::record::RowError> {
        match self {
            Self::Input { error, .. } => error.row_error(),
            _ => None,
        }
    }
}
