//! Why a calendar cannot be built.

/// A calendar that cannot be built. Every variant says where the mistake is (1-based line and
/// column, counted in characters) and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// The text is not valid TOML.
    #[error("invalid calendar TOML at line {line}, column {column}: {message}")]
    Toml {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A key that calendar files do not have.
    #[error(
        "calendar TOML line {line}, column {column}: unknown key `{key}` (the keys are: {known})"
    )]
    UnknownKey {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The key.
        key: String,
        /// The keys allowed there.
        known: String,
    },
    /// A value of the wrong TOML type.
    #[error(
        "calendar TOML line {line}, column {column}: `{key}` must be {expected} (found {found})"
    )]
    WrongType {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The key whose value is wrong.
        key: String,
        /// What it must be.
        expected: String,
        /// The TOML type found.
        found: String,
    },
    /// A value of the right type that means nothing: a weekday name, a cutoff time, a date.
    #[error("calendar TOML line {line}, column {column}: bad `{key}`: {message}")]
    InvalidValue {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The key whose value is wrong.
        key: String,
        /// What is wrong and how to write it.
        message: String,
    },
    /// `extends` names no built-in calendar.
    #[error(
        "calendar TOML line {line}, column {column}: `extends` names an unknown calendar \
         \"{name}\" (known calendars: {known}; omit `extends` for a blank calendar)"
    )]
    UnknownCalendar {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The name given.
        name: String,
        /// The built-in calendars that can be extended.
        known: String,
    },
}

impl CalendarError {
    /// The 1-based line and column of the mistake.
    #[must_use]
    pub fn position(&self) -> (usize, usize) {
        match self {
            Self::Toml { line, column, .. }
            | Self::UnknownKey { line, column, .. }
            | Self::WrongType { line, column, .. }
            | Self::InvalidValue { line, column, .. }
            | Self::UnknownCalendar { line, column, .. } => (*line, *column),
        }
    }
}
