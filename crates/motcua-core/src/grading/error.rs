//! Why a rulebook or a units file cannot be loaded. Every variant that comes from a place in
//! a file says where: the rulebook text (`origin`: its label) and line, or the units file's
//! line and column.

/// A rulebook that cannot be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RulebookError {
    /// The text is not valid TOML, or a key has the wrong type or is unknown.
    #[error("rulebook {origin}, line {line}, column {column}: {message}")]
    Toml {
        /// Which rulebook text.
        origin: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A required key is missing.
    #[error("rulebook {origin}, line {line}: {what} is missing `{key}`")]
    Missing {
        /// Which rulebook text.
        origin: String,
        /// Line of the table that lacks it.
        line: usize,
        /// The table (e.g. "indicator 5").
        what: String,
        /// The missing key.
        key: &'static str,
    },
    /// A key has a value that is not allowed.
    #[error("rulebook {origin}, line {line}: {message}")]
    Invalid {
        /// Which rulebook text.
        origin: String,
        /// 1-based line.
        line: usize,
        /// What is wrong and what is expected.
        message: String,
    },
    /// An indicator names a measure that does not exist.
    #[error(
        "rulebook {origin}, line {line}: indicator {indicator}: unknown measure '{measure}' (known measures: {known})"
    )]
    UnknownMeasure {
        /// Which rulebook text.
        origin: String,
        /// 1-based line.
        line: usize,
        /// Indicator id.
        indicator: String,
        /// The unknown name.
        measure: String,
        /// The measures that exist.
        known: String,
    },
    /// A condition, lookup key or rule does not fit the measure.
    #[error("rulebook {origin}, line {line}: indicator {indicator}: {message}")]
    BadRule {
        /// Which rulebook text.
        origin: String,
        /// 1-based line.
        line: usize,
        /// Indicator id.
        indicator: String,
        /// What is wrong.
        message: String,
    },
    /// An indicator can give more points than its maximum.
    #[error(
        "rulebook {origin}, line {line}: indicator {indicator} gives {points} points, above its maximum of {max}"
    )]
    PointsAboveMax {
        /// Which rulebook text.
        origin: String,
        /// 1-based line.
        line: usize,
        /// Indicator id.
        indicator: String,
        /// The points given.
        points: String,
        /// The indicator's maximum.
        max: String,
    },
    /// A step of a thresholds rule can never apply.
    #[error("rulebook {origin}, line {line}: indicator {indicator}: thresholds out of order: step {step} can never apply{}; list the steps from the strictest to the loosest",
            .earlier.map_or_else(|| " (its conditions contradict each other)".into(), |e| format!(" because step {e} comes first and covers every case it covers")))]
    ThresholdsOutOfOrder {
        /// Which rulebook text.
        origin: String,
        /// 1-based line.
        line: usize,
        /// Indicator id.
        indicator: String,
        /// The step that can never apply (from 1).
        step: usize,
        /// The earlier step that covers it.
        earlier: Option<usize>,
    },
    /// Two bands share some scores.
    #[error(
        "rulebook {origin}, line {line}: {scope} bands overlap: '{first}' and '{second}' both take {at}"
    )]
    BandsOverlap {
        /// Which rulebook text.
        origin: String,
        /// 1-based line.
        line: usize,
        /// `agency` or `official`.
        scope: &'static str,
        /// One band.
        first: String,
        /// The other band.
        second: String,
        /// A score both take.
        at: String,
    },
    /// Some scores between 0 and the maximum are in no band.
    #[error("rulebook {origin}, line {line}: {scope} bands leave a gap: {gap} is in no band")]
    BandsGap {
        /// Which rulebook text.
        origin: String,
        /// 1-based line.
        line: usize,
        /// `agency` or `official`.
        scope: &'static str,
        /// The uncovered scores, e.g. "15" or "from 0 to 6 (excluded)".
        gap: String,
    },
    /// `extends` names a rulebook that is not known.
    #[error("rulebook {origin}, line {line}: extends unknown rulebook '{name}' (known: {known})")]
    UnknownBase {
        /// Which rulebook text.
        origin: String,
        /// 1-based line.
        line: usize,
        /// The name.
        name: String,
        /// The rulebooks that can be extended.
        known: String,
    },
    /// Rulebooks extend each other in a circle.
    #[error("rulebooks extend each other in a circle: {0}")]
    ExtendsCycle(String),
}

impl RulebookError {
    /// The line of the error, when it has one.
    #[must_use]
    pub fn line(&self) -> Option<usize> {
        match self {
            Self::Toml { line, .. }
            | Self::Missing { line, .. }
            | Self::Invalid { line, .. }
            | Self::UnknownMeasure { line, .. }
            | Self::BadRule { line, .. }
            | Self::PointsAboveMax { line, .. }
            | Self::ThresholdsOutOfOrder { line, .. }
            | Self::BandsOverlap { line, .. }
            | Self::BandsGap { line, .. }
            | Self::UnknownBase { line, .. } => Some(*line),
            Self::ExtendsCycle(_) => None,
        }
    }
}

/// A units file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UnitsError {
    /// The input has no header row.
    #[error(
        "the units file is empty: expected a header row (DonViXuLy, TenDonVi, Cap, CongKhai, …)"
    )]
    Empty,
    /// The header lacks `DonViXuLy`.
    #[error("line 1: missing required column DonViXuLy (names are case-sensitive; the header has: {})", .found.join(", "))]
    MissingCode {
        /// The names the header has.
        found: Vec<String>,
    },
    /// A column appears twice in the header.
    #[error("line 1: column {0} appears more than once in the header; keep one")]
    DuplicateColumn(&'static str),
    /// A value cannot be read.
    #[error("line {line}, column {column}: {message}")]
    Value {
        /// Line of the row (the header is line 1).
        line: u64,
        /// The column at fault.
        column: &'static str,
        /// What is wrong and what is expected.
        message: String,
    },
    /// The same agency has two rows.
    #[error("line {line}, column DonViXuLy: agency '{code}' already has a row on line {first}")]
    Duplicate {
        /// Line of the second row.
        line: u64,
        /// The agency.
        code: String,
        /// Line of the first row.
        first: u64,
    },
}

impl UnitsError {
    /// The line of the error, when it has one.
    #[must_use]
    pub fn line(&self) -> Option<u64> {
        match self {
            Self::Value { line, .. } | Self::Duplicate { line, .. } => Some(*line),
            Self::MissingCode { .. } | Self::DuplicateColumn(_) => Some(1),
            Self::Empty => None,
        }
    }

    /// The column of the error, when it has one.
    #[must_use]
    pub fn column(&self) -> Option<&'static str> {
        match self {
            Self::Value { column, .. } => Some(column),
            Self::Duplicate { .. } | Self::MissingCode { .. } => Some("DonViXuLy"),
            Self::DuplicateColumn(c) => Some(c),
            Self::Empty => None,
        }
    }
}
