//! Property tests: the O(1) arithmetic against a naive day-by-day walk.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate, NaiveTime};
use proptest::prelude::*;

use super::Calendar;
use crate::timestamp::Timestamp;

/// Years of the naive tables: the tests' dates plus 400 working days, around 2015–2035 and
/// around both ends of the precomputed range (1970–2129).
const NAIVE_YEARS: [std::ops::RangeInclusive<i32>; 3] = [1965..=1975, 2014..=2037, 2124..=2135];

/// A calendar with its working days worked out from the rules alone, year by year (no table).
struct Case {
    cal: Calendar,
    years: HashMap<i32, Vec<bool>>,
}

fn cases() -> &'static [Case] {
    static CASES: OnceLock<Vec<Case>> = OnceLock::new();
    CASES.get_or_init(|| {
        let custom = Calendar::from_toml(
            "extends = \"vn\"\nweekend = [\"Sun\"]\nreceipt_cutoff = \"11:30\"\n\
             holidays = [2020-03-03, 2030-01-04, 1969-12-30, 2130-01-02]\n\
             working_days = [2024-02-12, 2033-09-02, 1970-01-01]",
        )
        .unwrap();
        [Calendar::vn(), custom, Calendar::blank()]
            .into_iter()
            .map(|cal| {
                let years = NAIVE_YEARS
                    .into_iter()
                    .flatten()
                    .map(|y| (y, cal.rules.plan(y).days().map(|(_, w)| w).collect()))
                    .collect();
                Case { cal, years }
            })
            .collect()
    })
}

impl Case {
    fn naive_working(&self, d: NaiveDate) -> bool {
        self.years[&d.year()][d.ordinal0() as usize]
    }

    fn naive_add(&self, d: NaiveDate, n: u32) -> NaiveDate {
        let mut cur = d;
        let mut left = n;
        while left > 0 {
            cur = cur + Days::new(1);
            if self.naive_working(cur) {
                left -= 1;
            }
        }
        cur
    }

    fn naive_between(&self, a: NaiveDate, b: NaiveDate) -> i64 {
        if b < a {
            return -self.naive_between(b, a);
        }
        a.iter_days()
            .skip(1)
            .take_while(|d| *d <= b)
            .filter(|&d| self.naive_working(d))
            .count() as i64
    }
}

/// A date of 2015–2035.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    (0u64..7670).prop_map(move |i| first + Days::new(i))
}

/// A date of 1966–1973 or 2126–2133, near an end of the precomputed range.
fn edge_date() -> impl Strategy<Value = NaiveDate> {
    let early = NaiveDate::from_ymd_opt(1966, 1, 1).unwrap();
    let late = NaiveDate::from_ymd_opt(2126, 1, 1).unwrap();
    (any::<bool>(), 0u64..2920).prop_map(move |(e, i)| if e { early } else { late } + Days::new(i))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn add_working_days_walks_day_by_day(d in any_date(), n in 0u32..400) {
        for c in cases() {
            prop_assert_eq!(c.cal.add_working_days(d, n), c.naive_add(d, n));
            prop_assert_eq!(c.cal.is_working_day(d), c.naive_working(d));
        }
    }

    #[test]
    fn working_days_between_walks_day_by_day(a in any_date(), b in any_date()) {
        for c in cases() {
            prop_assert_eq!(c.cal.working_days_between(a, b), c.naive_between(a, b));
        }
    }

    #[test]
    fn add_and_between_are_inverse(d in any_date(), n in 0u32..400, b in any_date()) {
        for Case { cal, .. } in cases() {
            let later = cal.add_working_days(d, n);
            prop_assert_eq!(cal.working_days_between(d, later), i64::from(n));
            prop_assert_eq!(cal.working_days_between(later, d), -i64::from(n));
            // The other way: for b on or after d, k working days in (d, b] put b between the
            // k-th and the k+1-th (for b before d, k can be 0 while b < d).
            let k = cal.working_days_between(d, b);
            if b >= d {
                let k = u32::try_from(k).unwrap();
                prop_assert!(cal.add_working_days(d, k) <= b);
                prop_assert!(cal.add_working_days(d, k + 1) > b);
            }
        }
    }

    #[test]
    fn due_date_follows_the_contract(d in any_date(), minutes in 0u32..1440, n in 0u32..60,
                                      dated in any::<bool>()) {
        for c in cases() {
            let cal = &c.cal;
            let time = NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 0).unwrap();
            let received = Timestamp { date: d, time: (!dated).then_some(time) };
            let late = received.time.is_some_and(|t| t >= cal.receipt_cutoff());
            let start = if late || !c.naive_working(d) { c.naive_add(d, 1) } else { d };
            prop_assert_eq!(cal.effective_receipt_date(&received), start);
            prop_assert_eq!(cal.due_date(&received, n), c.naive_add(start, n));
        }
    }
}

proptest! {
    // Outside the table every call walks year plans: fewer cases keep the debug run short.
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_ends_of_the_table_agree_with_the_walk(a in edge_date(), b in edge_date(), n in 0u32..400) {
        for c in cases() {
            let cal = &c.cal;
            prop_assert_eq!(cal.add_working_days(a, n), c.naive_add(a, n));
            prop_assert_eq!(cal.is_working_day(a), c.naive_working(a));
            if a.year().abs_diff(b.year()) < 8 {
                prop_assert_eq!(cal.working_days_between(a, b), c.naive_between(a, b));
            }
            let received = Timestamp { date: a, time: None };
            let start = if c.naive_working(a) { a } else { c.naive_add(a, 1) };
            prop_assert_eq!(cal.due_date(&received, n), c.naive_add(start, n));
        }
    }
}
