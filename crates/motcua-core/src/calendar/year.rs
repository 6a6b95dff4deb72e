//! The rules of a calendar and what they make of one year.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use std::sync::Arc;

use super::lunar;
use super::statutory::{Statutory, StatutoryRule};

/// The version of the data contract that [`CalendarYear`] follows.
pub const CONTRACT_VERSION: u8 = 2;

/// Name of a closed date that its calendar file gave no name.
pub(super) const DEFAULT_HOLIDAY_NAME: &str = "Ngày nghỉ";

/// Source of a closed date that nothing names (a calendar file without a name).
pub(super) const DEFAULT_SOURCE: &str = "tệp lịch";

/// One holiday of a year (contract section 8).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Holiday {
    /// The closed date.
    pub date: NaiveDate,
    /// Its name, e.g. "Tết Nguyên đán" or "Nghỉ bù Quốc khánh".
    pub name: String,
    /// The rule or notice that closes it, e.g. "TB 9441/TB-BNV" or
    /// "Bộ luật Lao động 2019, Điều 112(1)".
    pub source: String,
}

/// Where a year's closures come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Schedule {
    /// An official schedule (a notice) lists the year's closures.
    Official,
    /// No official schedule is known: the closures are projected from the statutory rules.
    Projected,
    /// A calendar without statutory rules: only the dates its file declares.
    Declared,
}

/// A year of a calendar, as contract section 8 prints it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct CalendarYear {
    /// The version of the data contract this year is written for ([`CONTRACT_VERSION`]).
    pub contract: u8,
    /// The year.
    pub year: i32,
    /// Working days in the year.
    pub working_day_count: u32,
    /// Tết, 1/1 of the lunar year (Vietnamese calendar, UTC+7).
    pub lunar_new_year: NaiveDate,
    /// Closed dates that the weekend rule would make working days, sorted.
    pub holidays: Vec<Holiday>,
    /// Weekend dates that are working days, sorted.
    pub make_up_working_days: Vec<NaiveDate>,
    /// Whether the year lies outside the known official schedules, its holidays being
    /// projected from the statutory rules alone.
    pub projected: bool,
    /// Where the year's closures come from.
    pub schedule: Schedule,
    /// The notice of the year's official schedule, if any.
    pub notice: Option<String>,
    /// The statutory rules in force on some day of the year (statutory calendars only).
    pub statutory_rules: Vec<StatutoryRule>,
}

/// A closed date of a calendar file, with its optional name and source.
#[derive(Debug, Clone, Default)]
pub(super) struct Entry {
    /// The holiday's name.
    pub name: Option<String>,
    /// The rule or notice that closes it.
    pub source: Option<String>,
}

/// Dates one calendar file declares: closed (with an optional name) or working.
#[derive(Debug, Clone, Default)]
pub(super) struct Layer {
    /// Closed dates.
    pub holidays: BTreeMap<NaiveDate, Entry>,
    /// The years whose official schedule the layer gives, with the notice of each.
    pub schedules: BTreeMap<i32, String>,
    /// What a closed date without its own source and outside `schedules` cites.
    pub default_source: Option<String>,
    /// Working dates; they win over `holidays` of the same layer and over lower layers.
    pub working: BTreeSet<NaiveDate>,
}

/// How a calendar decides every date.
///
/// The status of a date is decided by the first of: the top layer's `working`, the top layer's
/// `holidays`, then the same for each lower layer, then (for `statutory` calendars in years
/// outside the official schedules) the statutory holidays, then the weekend rule.
#[derive(Debug, Clone)]
pub(super) struct Rules {
    /// Weekly rest days, indexed by `num_days_from_monday`.
    pub weekend: [bool; 7],
    /// The Vietnamese statutory holidays, for the years without an official list.
    pub statutory: Option<Arc<Statutory>>,
    /// Declared dates, lowest layer first.
    pub layers: Vec<Layer>,
}

/// What the rules make of one year.
pub(super) struct YearPlan<'a> {
    /// 1 January.
    pub jan1: NaiveDate,
    /// Days in the year.
    pub len: usize,
    /// Whether each day (by `ordinal0`) is a working day.
    pub working: [bool; 366],
    /// The name of each day closed by a holiday rather than the weekend rule alone.
    pub names: [Option<&'a str>; 366],
    /// The rule or notice closing each such day.
    pub sources: [Option<&'a str>; 366],
}

impl Rules {
    /// Saturdays and Sundays off, nothing else.
    pub fn blank() -> Self {
        Self {
            weekend: [false, false, false, false, false, true, true],
            statutory: None,
            layers: Vec::new(),
        }
    }

    /// Whether `d` falls on a weekly rest day.
    pub fn is_weekend(&self, d: NaiveDate) -> bool {
        self.weekend[d.weekday().num_days_from_monday() as usize]
    }

    /// Whether `year`'s holidays are projected from the statutory rules.
    pub fn projected(&self, year: i32) -> bool {
        self.statutory.is_some() && self.notice(year).is_none()
    }

    /// The notice of `year`'s official schedule, from the highest layer that gives one.
    pub fn notice(&self, year: i32) -> Option<&str> {
        self.layers
            .iter()
            .rev()
            .find_map(|l| l.schedules.get(&year))
            .map(String::as_str)
    }

    /// Works out `year` day by day.
    ///
    /// # Panics
    /// If the year is outside chrono's range.
    pub fn plan(&self, year: i32) -> YearPlan<'_> {
        let jan1 = NaiveDate::from_ymd_opt(year, 1, 1).expect("year within chrono's range");
        let dec31 = NaiveDate::from_ymd_opt(year, 12, 31).expect("year within chrono's range");
        let len = dec31.ordinal() as usize;
        let mut plan = YearPlan {
            jan1,
            len,
            working: [false; 366],
            names: [None; 366],
            sources: [None; 366],
        };
        let mut wd = jan1.weekday().num_days_from_monday() as usize;
        for w in &mut plan.working[..len] {
            *w = !self.weekend[wd];
            wd = (wd + 1) % 7;
        }
        if let Some(statutory) = self.statutory.as_deref().filter(|_| self.projected(year)) {
            for c in statutory.closures(year, self.weekend) {
                if c.date.year() == year {
                    let i = c.date.ordinal0() as usize;
                    plan.working[i] = false;
                    plan.names[i] = Some(c.name);
                    plan.sources[i] = Some(c.source);
                }
            }
        }
        for layer in &self.layers {
            let notice = layer.schedules.get(&year).or(layer.default_source.as_ref());
            for (d, entry) in layer.holidays.range(jan1..=dec31) {
                let i = d.ordinal0() as usize;
                plan.working[i] = false;
                plan.names[i] = Some(entry.name.as_deref().unwrap_or(DEFAULT_HOLIDAY_NAME));
                plan.sources[i] = entry.source.as_ref().or(notice).map(String::as_str);
            }
            for d in layer.working.range(jan1..=dec31) {
                let i = d.ordinal0() as usize;
                plan.working[i] = true;
                plan.names[i] = None;
                plan.sources[i] = None;
            }
        }
        plan
    }
}

impl YearPlan<'_> {
    /// The days of the year with whether each is a working day.
    pub fn days(&self) -> impl Iterator<Item = (NaiveDate, bool)> + '_ {
        self.jan1
            .iter_days()
            .zip(&self.working[..self.len])
            .map(|(d, &w)| (d, w))
    }

    /// Working days in the year.
    pub fn count(&self) -> u32 {
        self.working[..self.len].iter().filter(|&&w| w).count() as u32
    }

    /// Working days strictly after `d` (a date of this year) up to 31 December.
    pub fn count_after(&self, d: NaiveDate) -> u32 {
        let from = d.ordinal() as usize;
        self.working[from..self.len].iter().filter(|&&w| w).count() as u32
    }

    /// Working days from 1 January up to `d` (a date of this year) inclusive.
    pub fn count_through(&self, d: NaiveDate) -> u32 {
        let to = d.ordinal() as usize;
        self.working[..to].iter().filter(|&&w| w).count() as u32
    }

    /// The `n`-th working day (`n >= 1`) after `d` within this year, or how many are left to
    /// find after 31 December.
    pub fn nth_after(&self, d: Option<NaiveDate>, n: u32) -> Result<NaiveDate, u32> {
        let from = d.map_or(0, |d| d.ordinal() as usize);
        let mut left = n;
        for i in from..self.len {
            if self.working[i] {
                left -= 1;
                if left == 0 {
                    return Ok(self.jan1 + Days::new(i as u64));
                }
            }
        }
        Err(left)
    }

    /// The year as contract section 8 prints it.
    pub fn to_calendar_year(&self, rules: &Rules) -> CalendarYear {
        let year = self.jan1.year();
        let mut holidays = Vec::new();
        let mut make_up_working_days = Vec::new();
        for (i, (d, working)) in self.days().enumerate() {
            match (rules.is_weekend(d), working) {
                (false, false) => holidays.push(Holiday {
                    date: d,
                    name: self.names[i].unwrap_or(DEFAULT_HOLIDAY_NAME).to_owned(),
                    source: self.sources[i].unwrap_or(DEFAULT_SOURCE).to_owned(),
                }),
                (true, true) => make_up_working_days.push(d),
                _ => {}
            }
        }
        CalendarYear {
            contract: CONTRACT_VERSION,
            year,
            working_day_count: self.count(),
            lunar_new_year: lunar::lunar_new_year(year),
            holidays,
            make_up_working_days,
            projected: rules.projected(year),
            schedule: if rules.statutory.is_none() {
                Schedule::Declared
            } else if rules.projected(year) {
                Schedule::Projected
            } else {
                Schedule::Official
            },
            notice: rules.notice(year).map(str::to_owned),
            statutory_rules: rules
                .statutory
                .as_deref()
                .map(|s| s.rules_of_year(year))
                .unwrap_or_default(),
        }
    }
}
