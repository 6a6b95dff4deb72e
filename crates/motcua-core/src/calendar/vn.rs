//! The built-in Vietnamese calendar for state agencies (`vn`).
//!
//! For 2019–2027 the official schedules are known (`calendars/vn.toml`, from the yearly
//! notices of the labour ministry, the Ministry of Home Affairs and the Government Office, each
//! year listed with its notice under `schedules`): their weekday closures and make-up Saturdays
//! are taken as they are. Every other year is *projected* from the statutory rules alone,
//! which are data with their validity and source (`calendars/vn-statutory.toml`):
//!
//! - 1/1 (Tết Dương lịch); 30/4 (Ngày Chiến thắng); 1/5 (Ngày Quốc tế Lao động);
//!   10/3 lunar (Giỗ Tổ Hùng Vương); 2/9 (Quốc khánh); from 2026, 24/11 (Ngày Văn hóa Việt
//!   Nam, Resolution 28/2026/QH16 amending Art. 112(1), in force 1/7/2026).
//! - Tết Nguyên đán, 5 days: the eve (the last day of lunar month 12) and 1/1–4/1 lunar. The
//!   Prime Minister fixes these days each year (Art. 112(3)); the official closures of
//!   2019–2026 all follow one pattern, used here: the Tết days falling on a rest day are made up
//!   by weekdays taken alternately before the eve and after 4/1, the first before (2024: eve
//!   Fri 9/2, Tết Sat 10/2 → closed Thu 8/2 to Wed 14/2).
//! - From 2021 (Labour Code 2019, Art. 112) a second National Day day: 1/9, except when 2/9 is
//!   a Thursday, then 3/9 (a Friday), so that the closure joins the weekend. This reproduces
//!   every official National Day closure of 2021–2026 except the 2026 day swap. Before 2021
//!   (Labour Code 2012, Art. 115, applied here to all earlier years) 2/9 alone.
//! - Compensatory days off ("nghỉ bù", Art. 111(3); 2012: Art. 115(3)): each holiday falling
//!   on a weekly rest day, or on a date already taken by another holiday, gives a day off on the
//!   next date that is neither a rest day, nor a holiday, nor already given as a compensatory
//!   day (Tết excepted, see above); holidays are served in date order (2023: Giỗ Tổ Sat 29/4 → Tue 2/5 and 30/4 Sun →
//!   Wed 3/5, Mon 1/5 being a holiday).
//!
//! Day swaps ("hoán đổi") and make-up Saturdays are decided each year and are never projected.

use super::statutory::Statutory;
use super::year::Layer;

/// The official closures and make-up Saturdays, as a calendar file.
pub(super) const OFFICIAL_TOML: &str = include_str!("../../calendars/vn.toml");

/// The official closures and make-up Saturdays of 2019–2027, with their notices.
///
/// # Panics
/// Never: the embedded file is checked by the tests.
pub(super) fn official_layer() -> Layer {
    super::toml::parse(OFFICIAL_TOML)
        .expect("the embedded calendars/vn.toml is valid")
        .layer
}

/// The statutory rules of the built-in calendar.
pub(super) fn statutory() -> Statutory {
    Statutory::builtin()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use chrono::{Datelike, NaiveDate};

    use super::*;

    const SAT_SUN: [bool; 7] = [false, false, false, false, false, true, true];

    fn weekday_closures(year: i32) -> Vec<String> {
        statutory()
            .closures(year, SAT_SUN)
            .into_iter()
            .filter(|c| c.date.weekday().num_days_from_monday() < 5)
            .map(|c| c.date.to_string())
            .collect()
    }

    #[test]
    fn compensatory_days_of_2023() {
        let rules = statutory();
        let got: BTreeMap<_, _> = rules
            .closures(2023, SAT_SUN)
            .into_iter()
            .map(|c| (c.date, (c.name, c.source)))
            .collect();
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let code = "Bộ luật Lao động 2019, Điều 112(1)";
        let bu = "Bộ luật Lao động 2019, Điều 111(3)";
        assert_eq!(got[&d("2023-04-29")], ("Giỗ Tổ Hùng Vương", code));
        assert_eq!(got[&d("2023-05-02")], ("Nghỉ bù Giỗ Tổ Hùng Vương", bu));
        assert_eq!(got[&d("2023-05-03")], ("Nghỉ bù Ngày Chiến thắng", bu));
        assert_eq!(got[&d("2023-09-01")], ("Quốc khánh", code));
        assert_eq!(got[&d("2023-09-04")], ("Nghỉ bù Quốc khánh", bu));
    }

    #[test]
    fn every_projected_year_closes_its_statutory_count_of_weekdays() {
        // 10 holiday days up to 2020 (Labour Code 2012), 11 from 2021 (Labour Code 2019), 12
        // from 2026 (24/11), each closing one weekday, its own or a compensatory one.
        for year in 1970..2130 {
            let expected = match year {
                ..2021 => 10,
                2021..2026 => 11,
                _ => 12,
            };
            assert_eq!(weekday_closures(year).len(), expected, "{year}");
        }
    }

    #[test]
    fn no_working_weekends_all_rest() {
        let all = [true; 7];
        assert!(statutory().closures(2024, all).len() >= 10);
    }

    #[test]
    fn bad_rules_are_refused_with_the_rule_named() {
        let text = r#"
[[rule]]
id = "x"
title = "t"
source = "s"
compensation = "c"
confidence = "H"
holidays = [{ name = "A", solar = "13-01" }]
"#;
        let e = Statutory::parse(text).unwrap_err();
        assert!(e.contains("rule `x`") && e.contains("13-01"), "{e}");
        let two = text.replace(r#"solar = "13-01""#, r#"solar = "01-01", lunar = "01-01""#);
        let e = Statutory::parse(&two).unwrap_err();
        assert!(e.contains("exactly one"), "{e}");
        let unknown = text.replace("confidence", "confidance");
        assert!(Statutory::parse(&unknown).is_err());
    }
}
