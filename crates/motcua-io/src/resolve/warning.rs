//! Warnings of a request: what every surface tells its user without failing (the command
//! line on stderr, Python through `warnings.warn`), in English and Vietnamese.

use chrono::NaiveDate;
use motcua_core::period::Period;
use motcua_core::report::Report;
use serde::Serialize;

/// What a warning of a request is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// No dossier falls in the period: nothing received in it, nothing carried into it (a
    /// period that the data does not cover, such as a mistyped year).
    EmptyPeriod,
    /// An agency of the units file is at a level that no longer exists in the period (a
    /// district agency after 2025-06-30, without validity dates).
    Levels,
}

impl WarningKind {
    /// The kind's name, as in JSON.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::EmptyPeriod => "empty_period",
            Self::Levels => "levels",
        }
    }
}

/// A warning of a request, in English and Vietnamese.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// What it is about.
    pub kind: WarningKind,
    /// In English.
    pub message: String,
    /// In Vietnamese.
    pub message_vi: String,
}

impl Warning {
    /// A warning about the units file's levels (`Request::warnings`), said the same in
    /// both languages.
    #[must_use]
    pub fn levels(message: &str) -> Self {
        Self {
            kind: WarningKind::Levels,
            message: message.to_owned(),
            message_vi: message.to_owned(),
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn text(&self, lang: motcua_core::format::Lang) -> &str {
        match lang {
            motcua_core::format::Lang::Vi => &self.message_vi,
            motcua_core::format::Lang::En => &self.message,
        }
    }
}

/// The first and last receipt dates of dossiers, as they are visited.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReceivedRange(Option<(NaiveDate, NaiveDate)>);

impl ReceivedRange {
    /// Takes one more receipt date.
    pub fn add(&mut self, d: NaiveDate) {
        self.0 = Some(match self.0 {
            None => (d, d),
            Some((a, b)) => (a.min(d), b.max(d)),
        });
    }

    /// The first and last dates, or `None` when no dossier was visited.
    #[must_use]
    pub const fn get(&self) -> Option<(NaiveDate, NaiveDate)> {
        self.0
    }
}

/// The warnings of a report: a period with no dossier in it, saying which dates the input's
/// dossiers were received on.
#[must_use]
pub fn report_warnings(report: &Report, received: ReceivedRange) -> Vec<Warning> {
    let c = &report.total.counts;
    if c.received + c.carried_over > 0 {
        return Vec::new();
    }
    vec![empty_period(&report.period, received)]
}

fn empty_period(period: &Period, received: ReceivedRange) -> Warning {
    let (from, to) = (period.from(), period.to());
    let (tail, tail_vi) = match received.get() {
        Some((a, b)) => (
            format!("the input's dossiers were received from {a} to {b}"),
            format!(
                "hồ sơ của dữ liệu đầu vào được tiếp nhận từ ngày {} đến ngày {}",
                a.format("%d/%m/%Y"),
                b.format("%d/%m/%Y")
            ),
        ),
        None => (
            "the input has no received dossier".to_owned(),
            "dữ liệu đầu vào không có hồ sơ đã tiếp nhận".to_owned(),
        ),
    };
    Warning {
        kind: WarningKind::EmptyPeriod,
        message: format!(
            "no dossier in the period {period} ({from}..{to}): every count is 0; {tail}"
        ),
        message_vi: format!(
            "không có hồ sơ nào trong kỳ {period} ({} – {}): mọi số liệu bằng 0; {tail_vi}",
            from.format("%d/%m/%Y"),
            to.format("%d/%m/%Y")
        ),
    }
}
