//! Unit tests of calendar files: `extends`, `working_days` and the errors with their place.

use chrono::{NaiveDate, NaiveTime};

use super::*;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn ts(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

#[test]
fn extends_and_working_days_override() {
    let text = r#"
name = "Sóc Trăng 2021"
extends = "vn"
receipt_cutoff = "16:30"
holidays = [2021-09-06, { date = 2021-12-22, name = "Ngày hội" }]
working_days = [2021-09-03, 2021-09-11]
"#;
    let cal = Calendar::from_toml(text).unwrap();
    assert_eq!(cal.name(), "Sóc Trăng 2021");
    assert_eq!(
        cal.receipt_cutoff(),
        NaiveTime::from_hms_opt(16, 30, 0).unwrap()
    );
    assert!(!cal.is_working_day(date("2021-09-02")));
    assert!(cal.is_working_day(date("2021-09-03"))); // inherited holiday taken back
    assert!(!cal.is_working_day(date("2021-09-06")));
    assert!(cal.is_working_day(date("2021-09-11"))); // a Saturday worked
    assert_eq!(cal.holiday_name(date("2021-12-22")), Some("Ngày hội"));
    assert_eq!(cal.due_date(&ts("2021-09-01 16:45"), 1), date("2021-09-07"));
    let y = cal.year(2021);
    assert_eq!(y.make_up_working_days, [date("2021-09-11")]);
    assert!(!y.holidays.iter().any(|h| h.date == date("2021-09-03")));
    // One weekday given back and one Saturday worked, one weekday and one Wednesday closed.
    assert_eq!(
        y.working_day_count,
        Calendar::vn().year(2021).working_day_count
    );
    // Inherited 2027 projection still applies; a different weekend replaces Sat/Sun.
    let fri = Calendar::from_toml("extends = \"vn\"\nweekend = [\"Fri\", \"sunday\"]").unwrap();
    assert_eq!(fri.name(), "vn");
    assert!(fri.is_working_day(date("2021-07-03")) && !fri.is_working_day(date("2021-07-02")));
    assert!(!fri.is_working_day(date("2021-09-02")));
    // No extends: blank, weekend defaults to Sat/Sun.
    let blank = Calendar::from_toml("holidays = []").unwrap();
    assert_eq!(blank.name(), "custom");
    assert!(blank.is_working_day(date("2021-09-02")));
    assert!(!blank.is_working_day(date("2021-09-04")));
    let explicit = Calendar::from_toml("extends = \"blank\"").unwrap();
    assert_eq!(explicit.year(2024).working_day_count, 262);
    // A date both closed and worked in one file is worked.
    let both = Calendar::from_toml("holidays = [2024-03-05]\nworking_days = [2024-03-05]").unwrap();
    assert!(both.is_working_day(date("2024-03-05")));
    // Holidays may be written as an array of tables.
    let tables = "[[holidays]]\ndate = 2021-09-02\nname = \"A\"\n[[holidays]]\ndate = 2021-09-03\n";
    let y = Calendar::from_toml(tables).unwrap().year(2021);
    assert_eq!(y.holidays[0].name, "A");
    assert_eq!(y.holidays[1].name, "Ngày nghỉ");
    // TOML local times are accepted for the cutoff.
    let t = Calendar::from_toml("receipt_cutoff = 15:00:00").unwrap();
    assert_eq!(
        t.receipt_cutoff(),
        NaiveTime::from_hms_opt(15, 0, 0).unwrap()
    );
}

/// Reads `text` and returns its error's variant name, line and column.
fn error_at(text: &str) -> (CalendarError, usize, usize) {
    let e = Calendar::from_toml(text).unwrap_err();
    let (line, column) = e.position();
    (e, line, column)
}

#[test]
fn toml_errors_carry_their_position() {
    let cases: [(&str, &str, usize, usize); 16] = [
        ("Toml", "name = \"x\"\nholidays = [2021-09-02,, ]\n", 2, 24),
        ("Toml", "name = \"x\"\nname = \"y\"\n", 2, 1),
        ("Toml", "name = \"x\n", 1, 10),
        ("UnknownKey", "name = \"x\"\n  weekends = [\"Sat\"]\n", 2, 3),
        (
            "UnknownKey",
            "holidays = [{ date = 2021-09-02, nam = \"x\" }]",
            1,
            34,
        ),
        ("WrongType", "weekend = \"Sat\"", 1, 11),
        ("WrongType", "\nreceipt_cutoff = 1700", 2, 18),
        ("WrongType", "holidays = 2021-09-02", 1, 12),
        (
            "WrongType",
            "holidays = [2021-09-01, \"2021-09-02\"]",
            1,
            25,
        ),
        ("WrongType", "name = 5", 1, 8),
        (
            "InvalidValue",
            "weekend = [\"Sat\", \"Sunday\", \"Sno\"]",
            1,
            29,
        ),
        (
            "InvalidValue",
            "name = \"Sóc Trăng\"\nweekend = [\"T7\"]",
            2,
            12,
        ),
        ("InvalidValue", "receipt_cutoff = \"25:00\"", 1, 18),
        (
            "InvalidValue",
            "working_days = [2021-09-02T10:00:00]",
            1,
            17,
        ),
        ("InvalidValue", "holidays = [{ name = \"x\" }]", 1, 13),
        ("UnknownCalendar", "\n\nextends = \"vnn\"", 3, 11),
    ];
    for (variant, text, line, column) in cases {
        let (e, l, c) = error_at(text);
        assert_eq!((l, c), (line, column), "{text:?}: {e}");
        assert!(format!("{e:?}").starts_with(variant), "{text:?}: {e:?}");
        assert!(
            e.to_string()
                .contains(&format!("line {line}, column {column}")),
            "{e}"
        );
    }
    let (e, ..) = error_at("extends = \"vnn\"");
    assert!(e.to_string().contains("vn, blank"), "{e}");
    let (e, ..) = error_at("weekend = [\"Sno\"]");
    assert!(
        e.to_string()
            .contains("use Mon, Tue, Wed, Thu, Fri, Sat or Sun"),
        "{e}"
    );
    let (e, ..) = error_at("receipt_cutoff = \"5pm\"");
    assert!(e.to_string().contains("\"HH:MM\""), "{e}");
    let (e, ..) = error_at("colour = 1");
    assert!(e.to_string().contains("name, extends, weekend"), "{e}");
}

#[test]
fn embedded_vn_file_is_a_valid_calendar() {
    let cal = Calendar::from_toml(vn::OFFICIAL_TOML).unwrap();
    assert_eq!(cal.name(), "vn");
    assert!(!cal.is_working_day(date("2024-02-08")));
}

#[test]
fn a_week_without_working_days_is_rejected() {
    let e = Calendar::from_toml(
        "name = \"x\"\nweekend = [\"Mon\", \"Tue\", \"Wed\", \"Thu\", \"Fri\", \"Sat\", \"Sun\"]\n",
    )
    .unwrap_err();
    assert_eq!(e.position().0, 2, "{e}");
    assert!(
        e.to_string().contains("at least one working weekday"),
        "{e}"
    );
}

#[test]
fn due_dates_past_9999_are_none_not_a_panic() {
    let vn = Calendar::vn();
    let t = crate::timestamp::Timestamp::parse("9999-12-31 09:00").unwrap();
    assert_eq!(vn.checked_due_date(&t, 5), None);
    let t = crate::timestamp::Timestamp::parse("2021-01-01").unwrap();
    assert_eq!(vn.checked_due_date(&t, u32::MAX), None);
    assert!(vn.checked_due_date(&t, 10).is_some());
}

#[test]
fn a_file_can_give_the_official_schedule_of_a_new_year() {
    // A province's calendar publishing 2028's notice before the library knows it: 2028 is then
    // official, its closures cite the notice, and nothing is projected onto it.
    let text = r#"name = "Cần Thơ"
extends = "vn"
schedules = [{ year = 2028, notice = "TB 1/TB-BNV" }]
holidays = [
    { date = 2028-01-03, name = "Nghỉ bù Tết Dương lịch" },
    { date = 2028-03-08, name = "Ngày hội", source = "QĐ 9/QĐ-UBND" },
]
"#;
    let cal = Calendar::from_toml(text).unwrap();
    let y = cal.year(2028);
    assert_eq!(y.schedule, Schedule::Official);
    assert_eq!(y.notice.as_deref(), Some("TB 1/TB-BNV"));
    let got: Vec<_> = y
        .holidays
        .iter()
        .map(|h| (h.date.to_string(), h.source.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("2028-01-03".to_owned(), "TB 1/TB-BNV"),
            ("2028-03-08".to_owned(), "QĐ 9/QĐ-UBND"),
        ]
    );
    // 2028 has 260 weekdays (a leap year starting on a Saturday: 52 full weeks and Sat, Sun).
    assert_eq!(y.working_day_count, 260 - 2);
    // An inherited year keeps the built-in notice; a file's own date without a source cites
    // the file in a year without a schedule of the file.
    assert_eq!(cal.year(2026).notice.as_deref(), Some("TB 9441/TB-BNV"));
    let own =
        Calendar::from_toml("name = \"X\"\nextends = \"vn\"\nholidays = [2029-03-08]").unwrap();
    let h = own
        .year(2029)
        .holidays
        .into_iter()
        .find(|h| h.date == date("2029-03-08"))
        .unwrap();
    assert_eq!(h.source, "tệp lịch \"X\"");
    for bad in [
        "schedules = [{ year = 2028 }]",
        "schedules = [{ year = 0, notice = \"x\" }]",
        "schedules = [{ year = 2028, notice = \"x\", by = \"y\" }]",
        "schedules = [2028]",
    ] {
        let e = Calendar::from_toml(bad).unwrap_err();
        assert_eq!(e.position().0, 1, "{bad}: {e}");
    }
}

#[test]
fn a_holiday_listed_twice_is_an_error_with_its_line() {
    let text = "holidays = [\n  2021-09-02,\n  2021-09-03,\n  2021-09-02,\n]\n";
    let e = Calendar::from_toml(text).unwrap_err();
    let msg = e.to_string();
    assert!(
        msg.contains("line 4") && msg.contains("2021-09-02"),
        "{msg}"
    );
}
