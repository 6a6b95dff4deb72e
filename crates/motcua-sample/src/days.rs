//! A table of the dates the sample uses (December 2020 to 2023), with each date's working
//! status from a [`Calendar`], so that working-day arithmetic is a table look-up.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

use motcua_core::calendar::Calendar;
use motcua_core::timestamp::Timestamp;

/// A date as an index into the table: days since [`Days::base`].
pub(crate) type Day = u16;

/// Dates from 2020-12-01 to 2023-12-31 with their parts and working status.
#[derive(Debug, Clone)]
pub(crate) struct Days {
    base: NaiveDate,
    /// `(year, month, day, weekday from Monday = 0)` of each date.
    parts: Vec<(u16, u8, u8, u8)>,
    working: Vec<bool>,
    /// Number of working days strictly before each date; one more entry for the end.
    rank: Vec<u32>,
    /// The working dates, in order.
    list: Vec<Day>,
    cutoff: u32,
}

impl Days {
    /// The table for `calendar`.
    pub(crate) fn new(calendar: &Calendar) -> Self {
        let base = NaiveDate::from_ymd_opt(2020, 12, 1).expect("valid date");
        let end = NaiveDate::from_ymd_opt(2023, 12, 31).expect("valid date");
        let n = (end - base).num_days() as usize + 1;
        let mut parts = Vec::with_capacity(n);
        let mut working = Vec::with_capacity(n);
        let mut rank = Vec::with_capacity(n + 1);
        let mut list = Vec::new();
        for (i, d) in base.iter_days().take(n).enumerate() {
            parts.push((
                d.year() as u16,
                d.month() as u8,
                d.day() as u8,
                d.weekday().num_days_from_monday() as u8,
            ));
            let w = calendar.is_working_day(d);
            rank.push(list.len() as u32);
            if w {
                list.push(i as Day);
            }
            working.push(w);
        }
        rank.push(list.len() as u32);
        let cutoff = calendar.receipt_cutoff().num_seconds_from_midnight();
        Self {
            base,
            parts,
            working,
            rank,
            list,
            cutoff,
        }
    }

    /// The index of `date` (which must lie in the table).
    pub(crate) fn index(&self, date: NaiveDate) -> Day {
        let i = (date - self.base).num_days();
        debug_assert!(
            i >= 0 && (i as usize) < self.parts.len(),
            "{date} outside the sample's table"
        );
        i.clamp(0, self.parts.len() as i64 - 1) as Day
    }

    /// The index of a date given by its parts.
    pub(crate) fn ymd(&self, y: i32, m: u32, d: u32) -> Day {
        self.index(NaiveDate::from_ymd_opt(y, m, d).expect("valid date"))
    }

    /// The date of an index.
    pub(crate) fn date(&self, d: Day) -> NaiveDate {
        let (y, m, dd, _) = self.parts[d as usize];
        NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(dd)).expect("valid date")
    }

    /// `(year, month, day)` of an index.
    #[inline]
    pub(crate) fn parts(&self, d: Day) -> (u16, u8, u8) {
        let (y, m, dd, _) = self.parts[d as usize];
        (y, m, dd)
    }

    /// Weekday of an index, Monday = 0.
    #[inline]
    pub(crate) fn weekday(&self, d: Day) -> u8 {
        self.parts[d as usize].3
    }

    /// Whether the date is a working day.
    #[inline]
    pub(crate) fn is_working(&self, d: Day) -> bool {
        self.working[d as usize]
    }

    /// The last index of the table.
    pub(crate) fn last(&self) -> Day {
        (self.parts.len() - 1) as Day
    }

    /// The `n`-th working day after `d` (`d` not counted); `n = 0` gives `d`.
    #[inline]
    pub(crate) fn add_working(&self, d: Day, n: u32) -> Day {
        if n == 0 {
            return d;
        }
        let pos = (self.rank[d as usize + 1] + n - 1) as usize;
        self.list.get(pos).copied().unwrap_or_else(|| self.last())
    }

    /// Working days in `[lo, hi]`.
    #[inline]
    pub(crate) fn working_in(&self, lo: Day, hi: Day) -> u32 {
        if hi < lo {
            return 0;
        }
        self.rank[hi as usize + 1] - self.rank[lo as usize]
    }

    /// The `k`-th (from 0) working day at or after `lo`.
    #[inline]
    pub(crate) fn nth_working_from(&self, lo: Day, k: u32) -> Day {
        let pos = (self.rank[lo as usize] + k) as usize;
        self.list.get(pos).copied().unwrap_or_else(|| self.last())
    }

    /// The receipt cutoff, in seconds after midnight.
    pub(crate) fn cutoff(&self) -> u32 {
        self.cutoff
    }

    /// The due date of a receipt at `secs` after midnight on `d` with a limit of `n`
    /// working days, by the rules of contract section 4 (as `Calendar::due_date`).
    #[inline]
    pub(crate) fn due(&self, d: Day, secs: u32, n: u32) -> Day {
        let start = if secs >= self.cutoff || !self.is_working(d) {
            self.add_working(d, 1)
        } else {
            d
        };
        self.add_working(start, n)
    }

    /// The receipt as a [`Timestamp`].
    pub(crate) fn timestamp(&self, d: Day, secs: u32) -> Timestamp {
        let time = NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).expect("valid time");
        Timestamp::from_datetime(self.date(d).and_time(time))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Rng;

    #[test]
    fn due_dates_agree_with_the_calendar() {
        let cal = Calendar::vn();
        let days = Days::new(&cal);
        let mut rng = Rng::new(3);
        for _ in 0..3000 {
            let d = days.ymd(2021, 1, 1) + rng.below(730) as Day;
            let secs = rng.below(86_400);
            let n = rng.below(31);
            let expected = cal.due_date(&days.timestamp(d, secs), n);
            assert_eq!(
                days.date(days.due(d, secs, n)),
                expected,
                "{} {secs} {n}",
                days.date(d)
            );
        }
        let d = days.ymd(2021, 7, 2);
        assert_eq!(days.working_in(d, d + 3), u32::from(days.is_working(d)) + 1);
        assert_eq!(
            days.nth_working_from(days.ymd(2021, 7, 3), 0),
            days.ymd(2021, 7, 5)
        );
    }
}
