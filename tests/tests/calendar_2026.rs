//! The built-in `vn` calendar under the rules of 2026: 24/11 from 2026, 2027 as an official
//! year, every year 2019–2025 as before, and `motcua calendar` naming each day's rule.
//!
//! Expected values are worked by hand from `shared/domain/holidays.md` and
//! `changes-2025-2026.md` §4: a year's working days are its weekdays, minus its weekday
//! closures, plus its make-up Saturdays.

use chrono::{Datelike, NaiveDate, Weekday};
use motcua_core::calendar::{Calendar, Schedule};
use motcua_tests::{motcua, stderr, stdout};

const BIN: &str = env!("CARGO_BIN_EXE_motcua-under-test");

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn weekdays(year: i32) -> usize {
    NaiveDate::from_ymd_opt(year, 1, 1)
        .unwrap()
        .iter_days()
        .take_while(|d| d.year() == year)
        .filter(|d| d.weekday().num_days_from_monday() < 5)
        .count()
}

#[test]
fn working_days_2019_to_2027() {
    // (year, weekdays, weekday closures, make-up Saturdays, working days), by hand.
    let table = [
        (2019, 261, 11, 2, 252),
        (2020, 262, 10, 0, 252),
        (2021, 261, 11, 0, 250),
        (2022, 260, 11, 0, 249),
        (2023, 260, 11, 0, 249),
        (2024, 262, 12, 1, 251),
        (2025, 261, 12, 1, 250),
        (2026, 261, 14, 2, 249),
        (2027, 261, 12, 0, 249),
    ];
    let vn = Calendar::vn();
    for (year, wd, closed, made_up, working) in table {
        assert_eq!(wd - closed + made_up, working, "{year}: the table itself");
        assert_eq!(weekdays(year), wd, "{year}");
        let y = vn.year(year);
        assert_eq!(y.holidays.len(), closed, "{year}");
        assert_eq!(y.make_up_working_days.len(), made_up, "{year}");
        assert_eq!(y.working_day_count as usize, working, "{year}");
        assert_eq!(y.schedule, Schedule::Official, "{year}");
    }
}

#[test]
fn culture_day_2026_is_closed_and_moves_deadlines() {
    let vn = Calendar::vn();
    assert!(!vn.is_working_day(date("2026-11-24")));
    assert_eq!(
        vn.holiday_name(date("2026-11-24")),
        Some("Ngày Văn hóa Việt Nam")
    );
    // Received Monday 23/11/2026 with 1 working day: Tuesday 24/11 is closed, due Wednesday.
    let received = motcua_core::timestamp::Timestamp::parse("2026-11-23 09:00").unwrap();
    assert_eq!(vn.due_date(&received, 1), date("2026-11-25"));
    let y = vn.year(2026);
    let h = y
        .holidays
        .iter()
        .find(|h| h.date == date("2026-11-24"))
        .unwrap();
    assert!(h.source.contains("28/2026/QH16"), "{}", h.source);
    // 2025: 24/11 was not yet a holiday (a Monday, a working day).
    assert!(vn.is_working_day(date("2025-11-24")));
}

#[test]
fn year_2027_is_official_as_the_notice_lists_it() {
    let vn = Calendar::vn();
    let y = vn.year(2027);
    assert_eq!(y.schedule, Schedule::Official);
    assert!(!y.projected);
    assert!(y.notice.as_deref().unwrap().contains("10065/VPCP-KGVX"));
    let got: Vec<String> = y.holidays.iter().map(|h| h.date.to_string()).collect();
    let expected = [
        "2027-01-01",
        "2027-02-04",
        "2027-02-05",
        "2027-02-08",
        "2027-02-09",
        "2027-02-10",
        "2027-04-16",
        "2027-04-30",
        "2027-05-03",
        "2027-09-02",
        "2027-09-03",
        "2027-11-24",
    ];
    assert_eq!(got, expected);
    assert!(y.make_up_working_days.is_empty());
}

#[test]
fn culture_day_on_a_weekend_gets_the_next_monday() {
    // 24/11 falls on a Saturday in 2029, 2035 and 2040, on a Sunday in 2030 and 2041 (worked
    // by hand: 24/11/2026 is a Tuesday, and the weekday moves by one a year, two after 29/2).
    // Nothing else is closed in late November, so the compensatory day is the next Monday.
    let vn = Calendar::vn();
    for (year, weekday, monday) in [
        (2029, Weekday::Sat, "2029-11-26"),
        (2030, Weekday::Sun, "2030-11-25"),
        (2035, Weekday::Sat, "2035-11-26"),
        (2040, Weekday::Sat, "2040-11-26"),
        (2041, Weekday::Sun, "2041-11-25"),
    ] {
        let day = NaiveDate::from_ymd_opt(year, 11, 24).unwrap();
        assert_eq!(day.weekday(), weekday, "{year}");
        assert!(vn.is_projected(year));
        let monday = date(monday);
        assert!(!vn.is_working_day(monday), "{year}");
        assert_eq!(
            vn.holiday_name(monday),
            Some("Nghỉ bù Ngày Văn hóa Việt Nam"),
            "{year}"
        );
        let y = vn.year(year);
        let h = y.holidays.iter().find(|h| h.date == monday).unwrap();
        assert_eq!(h.source, "Bộ luật Lao động 2019, Điều 111(3)");
        // The following Tuesday works again.
        assert!(vn.is_working_day(monday.succ_opt().unwrap()), "{year}");
    }
    // A weekday 24/11 of a projected year is closed itself: 2031 is a Monday.
    assert!(!vn.is_working_day(date("2031-11-24")));
    assert!(vn.is_working_day(date("2031-11-25")));
}

#[test]
fn calendar_command_names_rules_and_notices() {
    let out = motcua(BIN, &["calendar", "--year", "2026", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["contract"], 2);
    assert_eq!(j["working_day_count"], 249);
    assert_eq!(j["schedule"], "official");
    assert_eq!(j["notice"], "TB 9441/TB-BNV");
    for h in j["holidays"].as_array().unwrap() {
        assert!(!h["source"].as_str().unwrap().is_empty(), "{h}");
        assert!(h["date"].is_string() && h["name"].is_string());
    }
    let ids: Vec<_> = j["statutory_rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["labour-code-2019", "resolution-28-2026-qh16"]);
    assert_eq!(j["statutory_rules"][1]["valid_from"], "2026-07-01");

    let out = motcua(BIN, &["calendar", "--year", "2029", "--format", "json"]);
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["schedule"], "projected");
    assert_eq!(j["notice"], serde_json::Value::Null);
    let monday = j["holidays"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["date"] == "2029-11-26")
        .unwrap();
    assert_eq!(monday["name"], "Nghỉ bù Ngày Văn hóa Việt Nam");

    let out = motcua(BIN, &["calendar", "--year", "2029"]);
    let text = stdout(&out);
    assert!(text.contains("dự kiến"), "{text}");
    assert!(text.contains("Nghị quyết 28/2026/QH16"), "{text}");
    assert!(
        text.contains(
            "26/11/2029  Nghỉ bù Ngày Văn hóa Việt Nam  [Bộ luật Lao động 2019, Điều 111(3)]"
        ),
        "{text}"
    );
    let out = motcua(BIN, &["calendar", "--year", "2027", "--lang", "en"]);
    let text = stdout(&out);
    assert!(
        text.contains("official schedule (CV 10065/VPCP-KGVX"),
        "{text}"
    );
}
