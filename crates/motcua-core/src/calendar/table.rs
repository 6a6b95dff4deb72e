//! Precomputed working-day ranks, for O(1) working-day arithmetic over a range of years.
//!
//! Days of the range are numbered from 0 (1 January of the first year). For day `i`,
//! `rank[i]` counts the working days before it, so `rank[i + 1] - rank[i]` says whether it is
//! a working day, `rank[j + 1] - rank[i + 1]` counts the working days in `(i, j]`, and
//! `nth[rank[i + 1] + n - 1]` is the `n`-th working day after day `i`. A date's number is
//! `year_start[year - first_year] + ordinal0`, two bit-field reads of `NaiveDate` and a load.

use chrono::{Datelike, NaiveDate};

use super::year::Rules;

/// First year precomputed by the calendars (dates outside take a slower, exact path).
pub(super) const FIRST_YEAR: i32 = 1970;
/// Last year precomputed by the calendars.
pub(super) const LAST_YEAR: i32 = 2129;

/// Working-day ranks of the years `first_year..=last_year`.
pub(super) struct Table {
    first_year: i32,
    first_day: NaiveDate,
    last_day: NaiveDate,
    /// Number of 1 January of each year of the range.
    year_start: Box<[u32]>,
    /// `rank[i]`: working days among days `0..i`; one more entry than days.
    rank: Box<[u32]>,
    /// `nth[k]`: the `k + 1`-th working day of the range.
    nth: Box<[NaiveDate]>,
}

impl Table {
    /// Works out the years `first_year..=last_year` of `rules`.
    pub fn build(rules: &Rules, first_year: i32, last_year: i32) -> Self {
        let years = (last_year - first_year + 1) as usize;
        let mut year_start = Vec::with_capacity(years);
        let mut rank = Vec::with_capacity(years * 366 + 1);
        let mut nth = Vec::with_capacity(years * 366);
        rank.push(0);
        for year in first_year..=last_year {
            year_start.push((rank.len() - 1) as u32);
            let plan = rules.plan(year);
            for (ordinal0, &working) in plan.working[..plan.len].iter().enumerate() {
                if working {
                    let d = plan
                        .jan1
                        .with_ordinal0(ordinal0 as u32)
                        .expect("a day of the year");
                    nth.push(d);
                }
                rank.push(nth.len() as u32);
            }
        }
        Self {
            first_year,
            first_day: NaiveDate::from_ymd_opt(first_year, 1, 1).expect("valid year"),
            last_day: NaiveDate::from_ymd_opt(last_year, 12, 31).expect("valid year"),
            year_start: year_start.into_boxed_slice(),
            rank: rank.into_boxed_slice(),
            nth: nth.into_boxed_slice(),
        }
    }

    /// The number of `d` in the range, if it lies there.
    #[inline]
    pub fn index(&self, d: NaiveDate) -> Option<usize> {
        let y = d.year().wrapping_sub(self.first_year) as u32 as usize;
        let start = *self.year_start.get(y)?;
        Some(start as usize + d.ordinal0() as usize)
    }

    /// Working days of the range before day `i`.
    #[inline]
    pub fn rank_before(&self, i: usize) -> u32 {
        self.rank[i]
    }

    /// Working days of the range up to day `i` inclusive.
    #[inline]
    pub fn rank_through(&self, i: usize) -> u32 {
        self.rank[i + 1]
    }

    /// The `k + 1`-th working day of the range, if the range has that many.
    #[inline]
    pub fn nth(&self, k: usize) -> Option<NaiveDate> {
        self.nth.get(k).copied()
    }

    /// Working days in the whole range.
    pub fn total(&self) -> u32 {
        self.nth.len() as u32
    }

    /// 1 January of the first year.
    pub fn first_day(&self) -> NaiveDate {
        self.first_day
    }

    /// 31 December of the last year.
    pub fn last_day(&self) -> NaiveDate {
        self.last_day
    }

    /// Working days of `year`, if it lies in the range.
    pub fn year_count(&self, year: i32) -> Option<u32> {
        let y = year.checked_sub(self.first_year)? as usize;
        let start = *self.year_start.get(y)? as usize;
        let end = self
            .year_start
            .get(y + 1)
            .map_or(self.rank.len() - 1, |&e| e as usize);
        Some(self.rank[end] - self.rank[start])
    }

    /// Bytes held by the table.
    #[cfg(test)]
    pub fn heap_bytes(&self) -> usize {
        (self.year_start.len() + self.rank.len() + self.nth.len()) * 4
    }
}
