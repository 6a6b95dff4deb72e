//! Unit tests of the calendar module.

use std::collections::BTreeSet;
use std::time::Instant;

use chrono::{Datelike, NaiveDate, Weekday};

use super::*;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn ts(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

/// The data contract's worked example calendar (`tests/data/example.calendar.toml`).
const EXAMPLE: &str = r#"name = "example"
weekend = ["Sat", "Sun"]
receipt_cutoff = "17:00"
holidays = [2021-09-02, 2021-09-03]
"#;

/// The weekday closures of the official schedules (the labour ministry's and, from 2025,
/// the Ministry of Home Affairs' yearly notices), by the year of their schedule.
const OFFICIAL_CLOSURES: &str = "
2019 2018-12-31 2019-01-01 2019-02-04 2019-02-05 2019-02-06 2019-02-07 2019-02-08 2019-04-15 2019-04-29 2019-04-30 2019-05-01 2019-09-02
2020 2020-01-01 2020-01-23 2020-01-24 2020-01-27 2020-01-28 2020-01-29 2020-04-02 2020-04-30 2020-05-01 2020-09-02
2021 2021-01-01 2021-02-10 2021-02-11 2021-02-12 2021-02-15 2021-02-16 2021-04-21 2021-04-30 2021-05-03 2021-09-02 2021-09-03
2022 2022-01-03 2022-01-31 2022-02-01 2022-02-02 2022-02-03 2022-02-04 2022-04-11 2022-05-02 2022-05-03 2022-09-01 2022-09-02
2023 2023-01-02 2023-01-20 2023-01-23 2023-01-24 2023-01-25 2023-01-26 2023-05-01 2023-05-02 2023-05-03 2023-09-01 2023-09-04
2024 2024-01-01 2024-02-08 2024-02-09 2024-02-12 2024-02-13 2024-02-14 2024-04-18 2024-04-29 2024-04-30 2024-05-01 2024-09-02 2024-09-03
2025 2025-01-01 2025-01-27 2025-01-28 2025-01-29 2025-01-30 2025-01-31 2025-04-07 2025-04-30 2025-05-01 2025-05-02 2025-09-01 2025-09-02
2026 2026-01-01 2026-01-02 2026-02-16 2026-02-17 2026-02-18 2026-02-19 2026-02-20 2026-04-27 2026-04-30 2026-05-01 2026-08-31 2026-09-01 2026-09-02 2026-11-24
2027 2027-01-01 2027-02-04 2027-02-05 2027-02-08 2027-02-09 2027-02-10 2027-04-16 2027-04-30 2027-05-03 2027-09-02 2027-09-03 2027-11-24
";

/// The make-up Saturdays of the same official schedules.
const OFFICIAL_MAKE_UP: [&str; 6] = [
    "2019-01-05",
    "2019-05-04",
    "2024-05-04",
    "2025-04-26",
    "2026-01-10",
    "2026-08-22",
];

fn official_closures() -> Vec<(i32, BTreeSet<NaiveDate>)> {
    OFFICIAL_CLOSURES
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            let mut words = l.split(' ');
            let year = words.next().unwrap().parse().unwrap();
            (year, words.map(date).collect())
        })
        .collect()
}

#[test]
fn contract_worked_example() {
    let example = Calendar::from_toml(EXAMPLE).unwrap();
    let vn = Calendar::vn();
    for cal in [&example, &vn] {
        assert_eq!(cal.due_date(&ts("2021-09-01 09:00"), 1), date("2021-09-06"));
        assert_eq!(cal.due_date(&ts("2021-07-03"), 3), date("2021-07-08"));
        assert_eq!(cal.due_date(&ts("2021-07-05 17:05"), 2), date("2021-07-08"));
        assert_eq!(cal.due_date(&ts("2021-06-30 20:30"), 5), date("2021-07-08"));
        assert_eq!(
            cal.effective_receipt_date(&ts("2021-07-03")),
            date("2021-07-05")
        );
        assert_eq!(
            cal.effective_receipt_date(&ts("2021-07-05 16:59")),
            date("2021-07-05")
        );
        assert_eq!(
            cal.effective_receipt_date(&ts("2021-07-05 17:00")),
            date("2021-07-06")
        );
        // N = 0: the (possibly moved) receipt day itself.
        assert_eq!(cal.due_date(&ts("2021-07-05 10:00"), 0), date("2021-07-05"));
        assert_eq!(cal.due_date(&ts("2021-09-01 18:00"), 0), date("2021-09-06"));
    }
    assert_eq!(example.name(), "example");
    assert_eq!(
        example.receipt_cutoff(),
        NaiveTime::from_hms_opt(17, 0, 0).unwrap()
    );
    assert_eq!(example.weekend(), [Weekday::Sat, Weekday::Sun]);
    assert_eq!(example.holiday_name(date("2021-09-02")), Some("Ngày nghỉ"));
}

#[test]
fn vn_2024_as_contract_json() {
    let y = Calendar::vn().year(2024);
    let json = serde_json::to_value(&y).unwrap();
    assert_eq!(json["year"], 2024);
    assert_eq!(json["lunar_new_year"], "2024-02-10");
    assert!(json["holidays"].as_array().unwrap().contains(
        &serde_json::json!({"date": "2024-02-08", "name": "Tết Nguyên đán",
                                          "source": "TB 5015/TB-LĐTBXH"})
    ));
    assert_eq!(
        json["make_up_working_days"],
        serde_json::json!(["2024-05-04"])
    );
    assert_eq!(json["projected"], false);
    assert_eq!(json["schedule"], "official");
    assert_eq!(json["notice"], "TB 5015/TB-LĐTBXH");
    assert_eq!(json["statutory_rules"][0]["id"], "labour-code-2019");
    assert_eq!(json["statutory_rules"].as_array().unwrap().len(), 1);
    // 2024 starts on a Monday and has 366 days: 262 weekdays, 12 closed, 1 Saturday worked.
    assert_eq!(y.working_day_count, 262 - 12 + 1);
    let text = serde_json::to_string(&y).unwrap();
    let order = [
        "\"year\"",
        "\"working_day_count\"",
        "\"lunar_new_year\"",
        "\"holidays\"",
    ];
    let at: Vec<_> = order.iter().map(|k| text.find(k).unwrap()).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{text}");
}

#[test]
fn working_day_count_matches_a_day_walk() {
    let vn = Calendar::vn();
    for year in [1960, 1999, 2021, 2024, 2027, 2140] {
        let walked = NaiveDate::from_ymd_opt(year, 1, 1)
            .unwrap()
            .iter_days()
            .take_while(|d| d.year() == year)
            .filter(|&d| vn.is_working_day(d))
            .count() as u32;
        let y = vn.year(year);
        assert_eq!(y.working_day_count, walked, "{year}");
        let weekdays = NaiveDate::from_ymd_opt(year, 1, 1)
            .unwrap()
            .iter_days()
            .take_while(|d| d.year() == year)
            .filter(|d| d.weekday().num_days_from_monday() < 5)
            .count();
        let closed = y.holidays.len();
        let worked = y.make_up_working_days.len();
        assert_eq!(walked as usize, weekdays - closed + worked, "{year}");
    }
}

#[test]
fn vn_official_years_are_exactly_holidays_md() {
    let vn = Calendar::vn();
    for (year, closures) in official_closures() {
        let expected: BTreeSet<_> = closures.into_iter().filter(|d| d.year() == year).collect();
        let got: BTreeSet<_> = vn.year(year).holidays.iter().map(|h| h.date).collect();
        assert_eq!(got, expected, "{year}");
        assert!(!vn.year(year).projected);
    }
    // The Tết Dương lịch 2019 swap lies in 2018, a projected year.
    let y2018 = vn.year(2018);
    assert!(y2018.projected);
    let last = y2018.holidays.last().unwrap();
    assert_eq!(
        (last.date, last.name.as_str()),
        (date("2018-12-31"), "Nghỉ hoán đổi Tết Dương lịch")
    );
    let make_up: Vec<_> = (2019..=2027)
        .flat_map(|y| vn.year(y).make_up_working_days)
        .collect();
    let expected: Vec<_> = OFFICIAL_MAKE_UP.iter().map(|s| date(s)).collect();
    assert_eq!(make_up, expected);
    // Every closure has a name of the list, never the default.
    for year in 2019..=2027 {
        for h in vn.year(year).holidays {
            assert_ne!(h.name, year::DEFAULT_HOLIDAY_NAME);
            assert_ne!(h.source, year::DEFAULT_SOURCE);
        }
    }
}

#[test]
fn statutory_rules_against_the_official_years() {
    // The rules alone reproduce every official weekday closure of 2019–2027 except the day
    // swaps, which are decided each year; they close nothing the official lists do not.
    let swaps = [
        "2018-12-31",
        "2019-04-29",
        "2024-04-29",
        "2025-05-02",
        "2026-01-02",
        "2026-08-31",
    ];
    for (year, official) in official_closures() {
        let projected: BTreeSet<_> = vn::statutory()
            .closures(year, Rules::blank().weekend)
            .into_iter()
            .map(|c| c.date)
            .filter(|d| d.weekday().num_days_from_monday() < 5)
            .collect();
        let only_official: Vec<_> = official
            .difference(&projected)
            .map(ToString::to_string)
            .collect();
        let only_projected: Vec<_> = projected.difference(&official).collect();
        assert!(only_projected.is_empty(), "{year}: {only_projected:?}");
        let expected: Vec<_> = swaps
            .iter()
            .filter(|s| official.contains(&date(s)))
            .map(|s| (*s).to_owned())
            .collect();
        assert_eq!(only_official, expected, "{year}");
    }
}

#[test]
fn projected_years_follow_the_statutory_rules() {
    let vn = Calendar::vn();
    let y = vn.year(2028);
    assert!(y.projected && vn.is_projected(2028) && !vn.is_projected(2027));
    assert_eq!(y.schedule, Schedule::Projected);
    assert_eq!(y.notice, None);
    assert_eq!(y.lunar_new_year, date("2028-01-26"));
    let names: Vec<_> = y
        .holidays
        .iter()
        .map(|h| (h.date.to_string(), h.name.as_str(), h.source.as_str()))
        .collect();
    // Worked by hand: 1/1/2028 is a Saturday → Mon 3/1. Tết Wed 26/1: eve Tue 25/1 .. Sat 29/1,
    // the Saturday made up before, Mon 24/1. Giỗ Tổ Tue 4/4. 30/4 Sunday → Tue 2/5 (Mon 1/5 is
    // a holiday). 2/9 is a Saturday: the second day is Fri 1/9, and 2/9 gives Mon 4/9. 24/11 is
    // a Friday.
    let law = "Bộ luật Lao động 2019, Điều 112(1)";
    let bu = "Bộ luật Lao động 2019, Điều 111(3)";
    let nq = "Nghị quyết 28/2026/QH16 (24/4/2026), Điều 112(1) Bộ luật Lao động 2019 sửa đổi";
    let expected = [
        ("2028-01-03", "Nghỉ bù Tết Dương lịch", bu),
        ("2028-01-24", "Nghỉ bù Tết Nguyên đán", bu),
        ("2028-01-25", "Tết Nguyên đán", law),
        ("2028-01-26", "Tết Nguyên đán", law),
        ("2028-01-27", "Tết Nguyên đán", law),
        ("2028-01-28", "Tết Nguyên đán", law),
        ("2028-04-04", "Giỗ Tổ Hùng Vương", law),
        ("2028-05-01", "Ngày Quốc tế Lao động", law),
        ("2028-05-02", "Nghỉ bù Ngày Chiến thắng", bu),
        ("2028-09-01", "Quốc khánh", law),
        ("2028-09-04", "Nghỉ bù Quốc khánh", bu),
        ("2028-11-24", "Ngày Văn hóa Việt Nam", nq),
    ];
    let expected: Vec<_> = expected
        .iter()
        .map(|&(d, n, s)| (d.to_owned(), n, s))
        .collect();
    assert_eq!(names, expected);
    assert!(y.make_up_working_days.is_empty());
    let ids: Vec<_> = y.statutory_rules.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["labour-code-2019", "resolution-28-2026-qh16"]);
    // A weekend holiday of a projected year still has its name.
    assert_eq!(
        vn.holiday_name(date("2028-04-30")),
        Some("Ngày Chiến thắng")
    );
    assert_eq!(vn.holiday_name(date("2028-05-03")), None);
    // Before 2021, National Day is one day.
    let y2015: Vec<_> = vn
        .year(2015)
        .holidays
        .iter()
        .map(|h| h.date.to_string())
        .collect();
    assert!(y2015.contains(&"2015-09-02".to_owned()) && !y2015.contains(&"2015-09-01".to_owned()));
    // Vietnamese Tết, not Chinese.
    assert_eq!(vn.year(1985).lunar_new_year, date("1985-01-21"));
    let blank = Calendar::blank().year(2027);
    assert!(!blank.projected && blank.schedule == Schedule::Declared);
    assert!(blank.statutory_rules.is_empty() && blank.notice.is_none());
}

#[test]
fn outside_the_table_is_exact() {
    let vn = Calendar::vn();
    let naive_add = |d: NaiveDate, n: u32| {
        let mut plan = vn.rules.plan(d.year());
        let mut cur = d;
        let mut left = n;
        while left > 0 {
            cur = cur.succ_opt().unwrap();
            if cur.ordinal() == 1 {
                plan = vn.rules.plan(cur.year());
            }
            if plan.working[cur.ordinal0() as usize] {
                left -= 1;
            }
        }
        cur
    };
    let starts = [
        "1960-03-01",
        "1969-12-20",
        "1969-12-31",
        "2129-12-15",
        "2129-12-31",
        "2140-06-30",
        "0001-01-01",
        "9999-12-01",
    ];
    for s in starts {
        for n in [0, 1, 5, 40, 300] {
            let d = date(s);
            let want = naive_add(d, n);
            if want.year() > 9999 {
                assert_eq!(
                    vn.checked_add_working_days(d, n),
                    None,
                    "{s} + {n} is out of range"
                );
                continue;
            }
            let got = vn.add_working_days(d, n);
            assert_eq!(got, want, "{s} + {n}");
            assert_eq!(vn.working_days_between(d, got), i64::from(n), "{s} + {n}");
            assert_eq!(vn.working_days_between(got, d), -i64::from(n), "{s} + {n}");
        }
    }
    let a = date("1965-01-01");
    let b = date("1975-01-01");
    let walked = a
        .iter_days()
        .skip(1)
        .take_while(|&d| d <= b)
        .filter(|&d| vn.is_working_day(d))
        .count();
    assert_eq!(vn.working_days_between(a, b), walked as i64);
    // Sat 1/1/1966 (projected): made up on Mon 3/1, so receipt counts from Tue 4/1.
    assert_eq!(
        vn.effective_receipt_date(&ts("1966-01-01")),
        date("1966-01-04")
    );
    assert_eq!(vn.due_date(&ts("1966-01-01"), 2), date("1966-01-06"));
    assert!(!vn.is_working_day(date("2140-09-02")));
    assert_eq!(
        vn.year(2140).working_day_count,
        vn.working_days_between(date("2139-12-31"), date("2140-12-31")) as u32
    );
}

#[test]
fn calendars_are_cheap_shareable_values() {
    fn assert_traits<T: Clone + Send + Sync + std::fmt::Debug>() {}
    assert_traits::<Calendar>();
    let started = Instant::now();
    let vn = Calendar::vn();
    let built = started.elapsed();
    let blank_started = Instant::now();
    let _ = Calendar::blank();
    let blank = blank_started.elapsed();
    let bytes = vn.table.heap_bytes();
    eprintln!("Calendar::vn() built in {built:?}, blank in {blank:?}; tables {bytes} bytes");
    let debug = format!("{vn:?}");
    assert!(
        debug.starts_with("Calendar { name: \"vn\"") && debug.len() < 300,
        "{debug}"
    );
    assert!(Arc::ptr_eq(&vn.table, &vn.clone().table));
    assert!(Calendar::builtin("vn").is_some() && Calendar::builtin("xx").is_none());
}
