//! The rules of a calendar and what they make of one year.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use super::{lunar, vn};

/// Name of a closed date that its calendar file gave no name.
pub(super) const DEFAULT_HOLIDAY_NAME: &str = "Ngày nghỉ";

/// One holiday of a year (contract section 8).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Holiday {
    /// The closed date.
    pub date: NaiveDate,
    /// Its name, e.g. "Tết Nguyên đán" or "Nghỉ bù Quốc khánh".
    pub name: String,
}

/// A year of a calendar, as contract section 8 prints it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct CalendarYear {
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
}

/// Dates one calendar file declares: closed (with an optional name) or working.
#[derive(Debug, Clone, Default)]
pub(super) struct Layer {
    /// Closed dates.
    pub holidays: BTreeMap<NaiveDate, Option<String>>,
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
    /// Whether the Vietnamese statutory holidays apply to the years without an official list.
    pub statutory: bool,
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
}

impl Rules {
    /// Saturdays and Sundays off, nothing else.
    pub fn blank() -> Self {
        Self {
            weekend: [false, false, false, false, false, true, true],
            statutory: false,
            layers: Vec::new(),
        }
    }

    /// Whether `d` falls on a weekly rest day.
    pub fn is_weekend(&self, d: NaiveDate) -> bool {
        self.weekend[d.weekday().num_days_from_monday() as usize]
    }

    /// Whether `year`'s holidays are projected from the statutory rules.
    pub fn projected(&self, year: i32) -> bool {
        self.statutory && !vn::OFFICIAL_YEARS.contains(&year)
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
        };
        let mut wd = jan1.weekday().num_days_from_monday() as usize;
        for w in &mut plan.working[..len] {
            *w = !self.weekend[wd];
            wd = (wd + 1) % 7;
        }
        let mut close = |d: NaiveDate, name: &'static str| {
            let i = d.ordinal0() as usize;
            plan.working[i] = false;
            plan.names[i] = Some(name);
        };
        if self.projected(year) {
            for (d, name) in vn::statutory_closures(year, self.weekend) {
                if d.year() == year {
                    close(d, name);
                }
            }
        }
        for layer in &self.layers {
            for (d, name) in layer.holidays.range(jan1..=dec31) {
                let i = d.ordinal0() as usize;
                plan.working[i] = false;
                plan.names[i] = Some(name.as_deref().unwrap_or(DEFAULT_HOLIDAY_NAME));
            }
            for d in layer.working.range(jan1..=dec31) {
                let i = d.ordinal0() as usize;
                plan.working[i] = true;
                plan.names[i] = None;
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
                }),
                (true, true) => make_up_working_days.push(d),
                _ => {}
            }
        }
        CalendarYear {
            year,
            working_day_count: self.count(),
            lunar_new_year: lunar::lunar_new_year(year),
            holidays,
            make_up_working_days,
            projected: rules.projected(year),
        }
    }
}
