//! The built-in Vietnamese calendar for state agencies (`vn`).
//!
//! For 2019–2026 the official schedules are known (`calendars/vn.toml`, from the yearly
//! notices of the labour ministry and the Ministry of Home Affairs): their weekday closures and make-up Saturdays are taken as they
//! are. Every other year is *projected* from the statutory rules alone:
//!
//! - 1/1 (Tết Dương lịch); 30/4 (Ngày Chiến thắng); 1/5 (Ngày Quốc tế Lao động);
//!   10/3 lunar (Giỗ Tổ Hùng Vương); 2/9 (Quốc khánh).
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

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::lunar;
use super::year::Layer;

/// The years whose official schedule is known; the others are projected.
pub(super) const OFFICIAL_YEARS: RangeInclusive<i32> = 2019..=2026;

/// The official closures and make-up Saturdays, as a calendar file.
pub(super) const OFFICIAL_TOML: &str = include_str!("../../calendars/vn.toml");

/// Tết Dương lịch (1/1).
pub(super) const NEW_YEAR: &str = "Tết Dương lịch";
/// Tết Nguyên đán (the lunar new year).
pub(super) const TET: &str = "Tết Nguyên đán";
/// Giỗ Tổ Hùng Vương (10/3 lunar).
pub(super) const HUNG_KINGS: &str = "Giỗ Tổ Hùng Vương";
/// Ngày Chiến thắng (30/4).
pub(super) const VICTORY: &str = "Ngày Chiến thắng";
/// Ngày Quốc tế Lao động (1/5).
pub(super) const LABOUR: &str = "Ngày Quốc tế Lao động";
/// Quốc khánh (2/9 and, from 2021, an adjacent day).
pub(super) const NATIONAL: &str = "Quốc khánh";

/// The name of the compensatory day off of a holiday.
fn compensatory(name: &'static str) -> &'static str {
    match name {
        NEW_YEAR => "Nghỉ bù Tết Dương lịch",
        TET => "Nghỉ bù Tết Nguyên đán",
        HUNG_KINGS => "Nghỉ bù Giỗ Tổ Hùng Vương",
        VICTORY => "Nghỉ bù Ngày Chiến thắng",
        LABOUR => "Nghỉ bù Ngày Quốc tế Lao động",
        _ => "Nghỉ bù Quốc khánh",
    }
}

/// The official closures and make-up Saturdays of 2019–2026.
///
/// # Panics
/// Never: the embedded file is checked by the tests.
pub(super) fn official_layer() -> Layer {
    super::toml::parse(OFFICIAL_TOML)
        .expect("the embedded calendars/vn.toml is valid")
        .layer
}

/// The statutory holidays of `year` with their compensatory days off, sorted by date.
///
/// Rest days are the `weekend` ones (indexed by `num_days_from_monday`). Dates of weekend
/// holidays are included (with the holiday's name) as well as the weekdays they close.
///
/// # Panics
/// If the year is outside chrono's range.
pub(super) fn statutory_closures(year: i32, weekend: [bool; 7]) -> Vec<(NaiveDate, &'static str)> {
    let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d).expect("year within chrono's range");
    let rest = |d: NaiveDate| weekend[d.weekday().num_days_from_monday() as usize];
    let (tet, gio_to) = lunar::tet_and_gio_to(year);
    let eve = tet - Days::new(1);
    let tet_days = [
        eve,
        tet,
        tet + Days::new(1),
        tet + Days::new(2),
        tet + Days::new(3),
    ];
    let mut days = vec![
        (ymd(1, 1), NEW_YEAR),
        (gio_to, HUNG_KINGS),
        (ymd(4, 30), VICTORY),
        (ymd(5, 1), LABOUR),
        (ymd(9, 2), NATIONAL),
    ];
    if year >= 2021 {
        let second = if ymd(9, 2).weekday() == Weekday::Thu {
            ymd(9, 3)
        } else {
            ymd(9, 1)
        };
        days.push((second, NATIONAL));
    }
    days.sort_by_key(|&(d, _)| d);
    let mut closed: BTreeMap<NaiveDate, &'static str> =
        tet_days.iter().map(|&d| (d, TET)).collect();
    let mut tet_owed = tet_days.iter().filter(|&&d| rest(d)).count();
    let mut owed = Vec::new();
    for &(d, name) in &days {
        if rest(d) || closed.contains_key(&d) {
            if closed.get(&d) == Some(&TET) && !rest(d) {
                tet_owed += 1;
            } else {
                owed.push((d, name));
            }
        }
        closed.entry(d).or_insert(name);
    }
    if weekend.iter().all(|&w| w) {
        return closed.into_iter().collect();
    }
    let free = |d: &NaiveDate, closed: &BTreeMap<_, _>| !rest(*d) && !closed.contains_key(d);
    // Tết: the compensatory days alternate before and after the Tết days, the first before.
    let (mut before, mut after) = (eve, tet_days[4]);
    for i in 0..tet_owed {
        let d = if i % 2 == 0 {
            before = before
                .iter_days()
                .rev()
                .skip(1)
                .find(|d| free(d, &closed))
                .expect("a date");
            before
        } else {
            after = after
                .iter_days()
                .skip(1)
                .find(|d| free(d, &closed))
                .expect("a date");
            after
        };
        closed.insert(d, compensatory(TET));
    }
    // The others: the next date that is neither a rest day nor already closed.
    for (d, name) in owed {
        let c = d
            .iter_days()
            .skip(1)
            .find(|c| free(c, &closed))
            .expect("a date");
        closed.insert(c, compensatory(name));
    }
    closed.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAT_SUN: [bool; 7] = [false, false, false, false, false, true, true];

    fn weekday_closures(year: i32) -> Vec<String> {
        statutory_closures(year, SAT_SUN)
            .into_iter()
            .filter(|(d, _)| d.weekday().num_days_from_monday() < 5)
            .map(|(d, _)| d.to_string())
            .collect()
    }

    #[test]
    fn compensatory_days_of_2023() {
        let got: BTreeMap<_, _> = statutory_closures(2023, SAT_SUN).into_iter().collect();
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(got[&d("2023-04-29")], HUNG_KINGS);
        assert_eq!(got[&d("2023-05-02")], "Nghỉ bù Giỗ Tổ Hùng Vương");
        assert_eq!(got[&d("2023-05-03")], "Nghỉ bù Ngày Chiến thắng");
        assert_eq!(got[&d("2023-09-01")], NATIONAL);
        assert_eq!(got[&d("2023-09-04")], "Nghỉ bù Quốc khánh");
    }

    #[test]
    fn every_projected_year_closes_its_statutory_count_of_weekdays() {
        // 11 holiday days from 2021 (10 before), each closing one weekday, its own or a
        // compensatory one.
        for year in 1970..2130 {
            let expected = if year >= 2021 { 11 } else { 10 };
            assert_eq!(weekday_closures(year).len(), expected, "{year}");
        }
    }

    #[test]
    fn no_working_weekends_all_rest() {
        let all = [true; 7];
        assert!(statutory_closures(2024, all).len() >= 10);
    }
}
