//! The period report (contract section 7): counts and rates in total and per agency, the
//! input summary, and the comparison with the previous period.
//!
//! ```
//! use motcua_core::count::{Counts, Tally};
//! use motcua_core::dossier::InputSummary;
//! use motcua_core::report::Report;
//! let mut t = Tally::default();
//! t.add("STP", &Counts { received: 8, resolved: 5, resolved_early: 5, ..Counts::default() });
//! let r = Report::new("2021-Q3".parse().unwrap(), InputSummary::default(), &t, None);
//! let rate = r.total.rates.resolution_rate.unwrap();
//! assert_eq!((rate.numerator, rate.denominator, rate.value), (5, 8, 0.625));
//! assert!(r.total.rates.satisfaction_rate.is_none());
//! ```

use serde::{Deserialize, Serialize};

use crate::count::{Counts, Tally};
use crate::dossier::InputSummary;
use crate::period::Period;

/// A ratio with its parts; `value` is the exact quotient.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Rate {
    /// Numerator.
    pub numerator: u64,
    /// Denominator (never 0).
    pub denominator: u64,
    /// `numerator / denominator`, unrounded.
    pub value: f64,
}

impl Rate {
    /// The rate `n / d`, or `None` when `d` is 0.
    #[must_use]
    pub fn new(numerator: u64, denominator: u64) -> Option<Self> {
        (denominator != 0).then(|| Self {
            numerator,
            denominator,
            value: numerator as f64 / denominator as f64,
        })
    }
}

/// The five rates of contract section 5; a rate with a zero denominator is `None` (null).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Rates {
    /// resolved / received.
    pub resolution_rate: Option<Rate>,
    /// (early + on time) / resolved.
    pub on_time_rate: Option<Rate>,
    /// early / resolved.
    pub early_rate: Option<Rate>,
    /// online level-3/4 / level-3/4 received.
    pub online_rate: Option<Rate>,
    /// (very satisfied + satisfied) / ratings.
    pub satisfaction_rate: Option<Rate>,
}

impl Rates {
    /// The rates of a set of counts.
    #[must_use]
    pub fn of(c: &Counts) -> Self {
        Self {
            resolution_rate: Rate::new(c.resolved, c.received),
            on_time_rate: Rate::new(c.resolved_early + c.resolved_on_time, c.resolved),
            early_rate: Rate::new(c.resolved_early, c.resolved),
            online_rate: Rate::new(c.received_online_level34, c.received_level34),
            satisfaction_rate: Rate::new(c.ratings_very_satisfied + c.ratings_satisfied, c.ratings),
        }
    }

    /// The rates with their names, in the contract's order.
    #[must_use]
    pub fn named(&self) -> [(&'static str, Option<Rate>); 5] {
        [
            ("resolution_rate", self.resolution_rate),
            ("on_time_rate", self.on_time_rate),
            ("early_rate", self.early_rate),
            ("online_rate", self.online_rate),
            ("satisfaction_rate", self.satisfaction_rate),
        ]
    }
}

/// Counts with their rates: the `total` object and each agency of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    /// The counts, written as top-level keys.
    #[serde(flatten)]
    pub counts: Counts,
    /// The rates.
    pub rates: Rates,
}

impl From<Counts> for Figures {
    fn from(counts: Counts) -> Self {
        Self {
            rates: Rates::of(&counts),
            counts,
        }
    }
}

/// One agency's line of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgencyFigures {
    /// Agency code (`DonViXuLy`).
    pub agency: String,
    /// Its counts and rates.
    #[serde(flatten)]
    pub figures: Figures,
}

/// The period before, for comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Previous {
    /// The previous period.
    pub period: Period,
    /// Its totals.
    pub total: Figures,
    /// Its agencies, when agencies were mapped to their successors (contract section 9a), so
    /// that the two periods compare agency by agency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agencies: Option<Vec<AgencyFigures>>,
}

/// How a count moved from the previous period.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// Previous value.
    pub previous: u64,
    /// Current value.
    pub current: u64,
    /// `current − previous`.
    pub absolute: i64,
    /// `(current − previous) / previous`; null when the previous value is 0.
    pub relative: Option<f64>,
}

impl Change {
    /// The change from `previous` to `current`.
    #[must_use]
    pub fn new(previous: u64, current: u64) -> Self {
        Self {
            previous,
            current,
            absolute: current as i64 - previous as i64,
            relative: (previous != 0).then(|| (current as f64 - previous as f64) / previous as f64),
        }
    }
}

/// The report of one period (contract section 7).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The version of the data contract the report follows ([`crate::CONTRACT_VERSION`]).
    #[serde(default = "contract_version")]
    pub contract: u32,
    /// The period counted.
    pub period: Period,
    /// What happened to the input rows.
    pub input: InputSummary,
    /// Totals over all agencies.
    pub total: Figures,
    /// Every agency with a used row, zeros included, sorted by code.
    pub agencies: Vec<AgencyFigures>,
    /// The previous period's totals, for a month, quarter or year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Previous>,
    /// Each count's change against the previous period, keyed by count name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<std::collections::BTreeMap<String, Change>>,
    /// The counts per group of `--by` (contract section 11).
    #[serde(default, skip_serializing_if = "Option::is_none", skip_deserializing)]
    pub breakdown: Option<crate::breakdown::Breakdown>,
    /// One entry per step of `--every` (contract section 11).
    #[serde(default, skip_serializing_if = "Option::is_none", skip_deserializing)]
    pub series: Option<Vec<SeriesStep>>,
    /// The agencies mapped to their last successor before counting (`--successors`,
    /// contract section 9a), in every period compared; sorted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub successors: Option<Vec<crate::successors::Mapping>>,
}

/// What `previous` holds (`--compare`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Compare {
    /// The period before: previous month, quarter or year (default).
    #[default]
    Previous,
    /// The same period a year earlier.
    LastYear,
}

impl Compare {
    /// The period to compare `p` with.
    #[must_use]
    pub fn period_for(self, p: &Period) -> Option<Period> {
        match self {
            Self::Previous => p.previous(),
            Self::LastYear => p.year_earlier(),
        }
    }
}

impl std::str::FromStr for Compare {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "previous" => Ok(Self::Previous),
            "last-year" | "last_year" => Ok(Self::LastYear),
            _ => Err(format!(
                "unknown comparison '{s}': use previous or last-year"
            )),
        }
    }
}

/// One step of a series: counted exactly as if reported alone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesStep {
    /// The step (a month or quarter, clipped to the period).
    pub period: Period,
    /// Its totals.
    pub total: Figures,
    /// Every agency of the report, zeros included.
    pub agencies: Vec<AgencyFigures>,
    /// Its breakdown, when the report has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub breakdown: Option<crate::breakdown::Breakdown>,
}

/// The agencies of a tally as report lines, sorted by code.
#[must_use]
pub fn agency_lines(tally: &Tally) -> Vec<AgencyFigures> {
    tally
        .agencies
        .iter()
        .map(|(code, c)| AgencyFigures {
            agency: code.clone(),
            figures: Figures::from(*c),
        })
        .collect()
}

impl Report {
    /// Builds the report from the tally of `period` and, if counted, of the previous period.
    #[must_use]
    pub fn new(
        period: Period,
        input: InputSummary,
        tally: &Tally,
        previous: Option<(Period, &Tally)>,
    ) -> Self {
        let total = tally.total();
        let agencies = tally
            .agencies
            .iter()
            .map(|(code, c)| AgencyFigures {
                agency: code.clone(),
                figures: Figures::from(*c),
            })
            .collect();
        let (previous, change) = match previous {
            Some((p, t)) => {
                let prev = t.total();
                let change = Counts::NAMES
                    .iter()
                    .zip(prev.values().into_iter().zip(total.values()))
                    .map(|(name, (a, b))| ((*name).to_owned(), Change::new(a, b)))
                    .collect();
                (
                    Some(Previous {
                        period: p,
                        total: Figures::from(prev),
                        agencies: None,
                    }),
                    Some(change),
                )
            }
            None => (None, None),
        };
        Self {
            contract: crate::CONTRACT_VERSION,
            period,
            input,
            total: Figures::from(total),
            agencies,
            previous,
            change,
            breakdown: None,
            series: None,
            successors: None,
        }
    }

    /// The figures of one agency.
    #[must_use]
    pub fn agency(&self, code: &str) -> Option<&Figures> {
        self.agencies
            .iter()
            .find(|a| a.agency == code)
            .map(|a| &a.figures)
    }
}

fn contract_version() -> u32 {
    crate::CONTRACT_VERSION
}
