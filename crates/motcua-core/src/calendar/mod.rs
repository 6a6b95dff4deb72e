//! Work calendars: which dates are working days, the receipt cutoff, and due dates
//! (contract section 4), and a calendar's year as contract section 8 prints it.
//!
//! A [`Calendar`] is the built-in Vietnamese calendar for state agencies ([`Calendar::vn`]),
//! a blank one (Saturdays and Sundays off, [`Calendar::blank`]) or one read from a TOML file
//! ([`Calendar::from_toml`]). Each precomputes the years 1970–2129 when it is built, so that
//! [`Calendar::is_working_day`], [`Calendar::add_working_days`],
//! [`Calendar::working_days_between`] and [`Calendar::due_date`] take a few table loads;
//! dates outside those years are still answered exactly, year by year. Clones share the tables.
//!
//! ```
//! use motcua_core::{calendar::Calendar, timestamp::Timestamp};
//!
//! let vn = Calendar::vn();
//! // Received on Wednesday 1 September 2021; 2 and 3 September were National Day holidays.
//! let received = Timestamp::parse("2021-09-01 09:00").unwrap();
//! assert_eq!(vn.due_date(&received, 1).to_string(), "2021-09-06");
//! let y = vn.year(2024);
//! assert_eq!(y.lunar_new_year.to_string(), "2024-02-10");
//! assert_eq!(y.holidays[1].name, "Tết Nguyên đán");
//! ```

use std::fmt;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};

use crate::timestamp::Timestamp;

mod error;
pub mod lunar;
mod statutory;
mod table;
mod toml;
mod vn;
mod year;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_toml;

pub use error::CalendarError;
pub use statutory::StatutoryRule;
use table::Table;
use year::Rules;
pub use year::{CONTRACT_VERSION, CalendarYear, Holiday, Schedule};

/// The names of the built-in calendars, for [`Calendar::builtin`] and `extends`.
pub const BUILTIN_CALENDARS: [&str; 2] = ["vn", "blank"];

/// The last year whose working days are computed: a due date after it is out of range.
const MAX_YEAR: i32 = 9999;

/// A work calendar: weekly rest days, holidays, make-up working days and a receipt cutoff.
///
/// Cheap to clone (the precomputed tables are shared); `Send + Sync`.
#[derive(Clone)]
pub struct Calendar {
    name: String,
    cutoff: NaiveTime,
    rules: Arc<Rules>,
    table: Arc<Table>,
}

impl fmt::Debug for Calendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Calendar")
            .field("name", &self.name)
            .field("receipt_cutoff", &self.cutoff)
            .field("weekend", &self.weekend())
            .field("statutory", &self.rules.statutory.is_some())
            .field("layers", &self.rules.layers.len())
            .finish_non_exhaustive()
    }
}

/// The default receipt cutoff, 17:00 (the close of office hours).
fn default_cutoff() -> NaiveTime {
    NaiveTime::from_hms_opt(17, 0, 0).expect("17:00 is a time")
}

impl Calendar {
    fn build(name: String, cutoff: NaiveTime, rules: Rules) -> Self {
        let table = Table::build(&rules, table::FIRST_YEAR, table::LAST_YEAR);
        Self {
            name,
            cutoff,
            rules: Arc::new(rules),
            table: Arc::new(table),
        }
    }

    fn vn_rules() -> Rules {
        Rules {
            statutory: Some(Arc::new(vn::statutory())),
            layers: vec![vn::official_layer()],
            ..Rules::blank()
        }
    }

    /// The built-in Vietnamese calendar for state agencies: Saturdays and Sundays off, cutoff
    /// 17:00, the official closures and make-up Saturdays of 2019–2027 (each year with its
    /// notice), and the statutory holidays (dated rules with their sources, with compensatory
    /// days off) for the other years, which are `projected`.
    #[must_use]
    pub fn vn() -> Self {
        Self::build("vn".into(), default_cutoff(), Self::vn_rules())
    }

    /// Saturdays and Sundays off, nothing else; cutoff 17:00.
    #[must_use]
    pub fn blank() -> Self {
        Self::build("blank".into(), default_cutoff(), Rules::blank())
    }

    /// A built-in calendar by name (one of [`BUILTIN_CALENDARS`]).
    #[must_use]
    pub fn builtin(name: &str) -> Option<Self> {
        match name {
            "vn" => Some(Self::vn()),
            "blank" => Some(Self::blank()),
            _ => None,
        }
    }

    /// Reads a calendar TOML file's text (contract section 4).
    ///
    /// Keys: `name`, `extends` (`"vn"`, or omitted for a blank calendar), `weekend`
    /// (`["Sat", "Sun"]`; Mon to Sun, or full English names), `receipt_cutoff` (`"HH:MM"`),
    /// `holidays` (dates, or tables `{ date = 2021-09-02, name = "Quốc khánh", source = "…" }`),
    /// `working_days` (dates) and `schedules` (tables `{ year = 2028, notice = "…" }`: the
    /// file gives that year's official schedule, so the statutory rules are not projected
    /// onto it; the holidays of the year cite the notice). A date in `working_days` is a working day whatever else says;
    /// the file's own dates win over those of the calendar it extends.
    pub fn from_toml(text: &str) -> Result<Self, CalendarError> {
        let parsed = toml::parse(text)?;
        let (base_name, mut rules) = match parsed.extends {
            Some(toml::Base::Vn) => ("vn", Self::vn_rules()),
            Some(toml::Base::Blank) => ("blank", Rules::blank()),
            None => ("custom", Rules::blank()),
        };
        if let Some(weekend) = parsed.weekend {
            rules.weekend = weekend;
        }
        let name = parsed.name.unwrap_or_else(|| base_name.to_owned());
        let mut layer = parsed.layer;
        layer.default_source = Some(format!("tệp lịch \"{name}\""));
        rules.layers.push(layer);
        Ok(Self::build(
            name,
            parsed.cutoff.unwrap_or_else(default_cutoff),
            rules,
        ))
    }

    /// The calendar's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Receipts at or after this time count from the next working day.
    #[must_use]
    pub fn receipt_cutoff(&self) -> NaiveTime {
        self.cutoff
    }

    /// The weekly rest days, Monday first.
    #[must_use]
    pub fn weekend(&self) -> Vec<Weekday> {
        (0u8..7)
            .filter(|&i| self.rules.weekend[usize::from(i)])
            .map(|i| Weekday::try_from(i).expect("0..7 is a weekday"))
            .collect()
    }

    /// Whether `d` falls on a weekly rest day (working or not).
    #[must_use]
    pub fn is_weekend(&self, d: NaiveDate) -> bool {
        self.rules.is_weekend(d)
    }

    /// Whether `d` is a working day.
    #[must_use]
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        match self.table.index(d) {
            Some(i) => self.table.rank_through(i) != self.table.rank_before(i),
            None => self.rules.plan(d.year()).working[d.ordinal0() as usize],
        }
    }

    /// The name of the holiday or day off closing `d`, if something other than the weekend
    /// rule alone closes it (a weekend holiday of a projected year has its name too).
    #[must_use]
    pub fn holiday_name(&self, d: NaiveDate) -> Option<&str> {
        self.rules.plan(d.year()).names[d.ordinal0() as usize]
    }

    /// The `n`-th working day after `d` (`d` itself not counted); `n = 0` gives `d`.
    ///
    /// # Panics
    /// If the result is after the year 9999 (see [`Calendar::checked_add_working_days`]).
    #[must_use]
    pub fn add_working_days(&self, d: NaiveDate, n: u32) -> NaiveDate {
        self.checked_add_working_days(d, n)
            .expect("a working day before the year 10000")
    }

    /// The `n`-th working day after `d`, or `None` when it would fall after the year 9999.
    #[must_use]
    pub fn checked_add_working_days(&self, d: NaiveDate, n: u32) -> Option<NaiveDate> {
        if n == 0 {
            return Some(d);
        }
        if let Some(i) = self.table.index(d) {
            let k = self.table.rank_through(i) as usize + n as usize - 1;
            if let Some(found) = self.table.nth(k) {
                return Some(found);
            }
        }
        self.add_slow(d, n)
    }

    /// Working days in `(a, b]`; negative when `b < a`.
    #[must_use]
    pub fn working_days_between(&self, a: NaiveDate, b: NaiveDate) -> i64 {
        if let (Some(i), Some(j)) = (self.table.index(a), self.table.index(b)) {
            return i64::from(self.table.rank_through(j)) - i64::from(self.table.rank_through(i));
        }
        let (lo, hi, sign) = if a <= b { (a, b, 1) } else { (b, a, -1) };
        if hi < self.table.first_day() || lo > self.table.last_day() {
            // Both on the same side of the table: walk only the years between them.
            sign * self.count_slow(lo, hi)
        } else {
            self.rank(b) - self.rank(a)
        }
    }

    /// The date from which a deadline runs (contract section 4, rule 1): the receipt date, or
    /// the next working day if the receipt date is not a working day or the receipt time is at
    /// or after the cutoff. A timestamp without a time counts as received in office hours.
    #[must_use]
    pub fn effective_receipt_date(&self, received: &Timestamp) -> NaiveDate {
        let late = received.time.is_some_and(|t| t >= self.cutoff);
        if late || !self.is_working_day(received.date) {
            self.add_working_days(received.date, 1)
        } else {
            received.date
        }
    }

    /// As [`Self::effective_receipt_date`], or `None` past the last date there is.
    #[must_use]
    pub fn checked_effective_receipt_date(&self, received: &Timestamp) -> Option<NaiveDate> {
        let late = received.time.is_some_and(|t| t >= self.cutoff);
        if late || !self.is_working_day(received.date) {
            self.checked_add_working_days(received.date, 1)
        } else {
            Some(received.date)
        }
    }

    /// The due date of a dossier received at `received` with a limit of `days` working days
    /// (contract section 4): the `days`-th working day after the effective receipt date.
    ///
    /// # Panics
    /// If the result is after the year 9999 (see [`Calendar::checked_due_date`]).
    #[must_use]
    pub fn due_date(&self, received: &Timestamp, days: u32) -> NaiveDate {
        self.checked_due_date(received, days)
            .expect("a due date before the year 10000")
    }

    /// The due date, or `None` when it would fall after the year 9999.
    #[must_use]
    pub fn checked_due_date(&self, received: &Timestamp, days: u32) -> Option<NaiveDate> {
        if let Some(i) = self.table.index(received.date) {
            let through = self.table.rank_through(i) as usize;
            let stays = through != self.table.rank_before(i) as usize
                && received.time.is_none_or(|t| t < self.cutoff);
            // The effective receipt day is working day number `through` (1-based) if it stays,
            // `through + 1` if it moves; the due date is `days` working days later.
            if let Some(found) = self.table.nth(through + days as usize - usize::from(stays)) {
                return Some(found);
            }
        }
        let late = received.time.is_some_and(|t| t >= self.cutoff);
        let start = if late || !self.is_working_day(received.date) {
            self.checked_add_working_days(received.date, 1)?
        } else {
            received.date
        };
        self.checked_add_working_days(start, days)
    }

    /// The due date under a convention of some one-stop systems for a receipt on a closed day
    /// (a weekend or holiday): the first working day after it is day 1 of the limit, one
    /// working day earlier than [`Self::checked_due_date`], which counts from the day after
    /// that. A receipt on a working day (after the cutoff too) and a limit of 0 are counted
    /// as the contract says. `None` past the year 9999.
    ///
    /// ```
    /// use motcua_core::{calendar::Calendar, timestamp::Timestamp};
    /// let cal = Calendar::vn();
    /// let saturday = Timestamp::parse("2021-07-03 09:00").unwrap();
    /// // the contract: moved to Monday 5, then 3 working days: Thursday 8
    /// assert_eq!(cal.checked_due_date(&saturday, 3).unwrap().to_string(), "2021-07-08");
    /// // Monday 5 is day 1: Wednesday 7
    /// assert_eq!(cal.checked_due_date_closed_day_as_day_one(&saturday, 3).unwrap().to_string(), "2021-07-07");
    /// ```
    #[must_use]
    pub fn checked_due_date_closed_day_as_day_one(
        &self,
        received: &Timestamp,
        days: u32,
    ) -> Option<NaiveDate> {
        if days >= 1 && !self.is_working_day(received.date) {
            self.checked_add_working_days(received.date, days)
        } else {
            self.checked_due_date(received, days)
        }
    }

    /// The year as contract section 8 prints it.
    ///
    /// # Panics
    /// If the year is outside chrono's range.
    #[must_use]
    pub fn year(&self, year: i32) -> CalendarYear {
        self.rules.plan(year).to_calendar_year(&self.rules)
    }

    /// Whether `year`'s holidays are projected from the statutory rules (no official list).
    #[must_use]
    pub fn is_projected(&self, year: i32) -> bool {
        self.rules.projected(year)
    }

    /// Working days of `year`.
    fn year_count(&self, year: i32) -> i64 {
        i64::from(
            self.table
                .year_count(year)
                .unwrap_or_else(|| self.rules.plan(year).count()),
        )
    }

    /// Working days in `[T0, d]` for `d >= T0 - 1`, minus those in `(d, T0 - 1]` for earlier
    /// `d`, `T0` being the first day of the table: `rank(b) - rank(a)` counts `(a, b]`.
    fn rank(&self, d: NaiveDate) -> i64 {
        let t = &self.table;
        if let Some(i) = t.index(d) {
            return i64::from(t.rank_through(i));
        }
        if d > t.last_day() {
            let full: i64 = (t.last_day().year() + 1..d.year())
                .map(|y| self.year_count(y))
                .sum();
            i64::from(t.total()) + full + i64::from(self.rules.plan(d.year()).count_through(d))
        } else {
            let full: i64 = (d.year() + 1..t.first_day().year())
                .map(|y| self.year_count(y))
                .sum();
            -full - i64::from(self.rules.plan(d.year()).count_after(d))
        }
    }

    /// Working days in `(lo, hi]`, `lo <= hi`, year by year from the rules.
    fn count_slow(&self, lo: NaiveDate, hi: NaiveDate) -> i64 {
        if lo.year() == hi.year() {
            let plan = self.rules.plan(lo.year());
            return i64::from(plan.count_through(hi)) - i64::from(plan.count_through(lo));
        }
        let full: i64 = (lo.year() + 1..hi.year()).map(|y| self.year_count(y)).sum();
        i64::from(self.rules.plan(lo.year()).count_after(lo))
            + full
            + i64::from(self.rules.plan(hi.year()).count_through(hi))
    }

    /// `add_working_days` outside the table, walking year by year (`n >= 1`); `None` past
    /// the year 9999.
    fn add_slow(&self, d: NaiveDate, n: u32) -> Option<NaiveDate> {
        let t = &self.table;
        let mut cur = d;
        let mut left = n;
        loop {
            let in_table = match t.index(cur) {
                Some(i) => Some(t.rank_through(i)),
                None => (cur.succ_opt() == Some(t.first_day())).then_some(0),
            };
            if let Some(done) = in_table {
                if let Some(found) = t.nth(done as usize + left as usize - 1) {
                    return Some(found);
                }
                left -= t.total() - done;
                cur = t.last_day();
            }
            let (year, after) = if cur.month() == 12 && cur.day() == 31 {
                if cur.year() >= MAX_YEAR {
                    return None;
                }
                (cur.year() + 1, None)
            } else {
                (cur.year(), Some(cur))
            };
            match self.rules.plan(year).nth_after(after, left) {
                Ok(found) => return Some(found),
                Err(still) => {
                    left = still;
                    cur = NaiveDate::from_ymd_opt(year, 12, 31)?;
                }
            }
        }
    }
}
