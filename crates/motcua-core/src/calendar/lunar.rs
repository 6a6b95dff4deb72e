//! The Vietnamese lunisolar calendar, computed for the meridian of UTC+7.
//!
//! This is Hồ Ngọc Đức's public algorithm: new moons from Meeus' series, the sun's longitude
//! at local midnight, a lunar month starting on the local day of its new moon, month 11 holding
//! the winter solstice, and a leap month being the first month of a 13-month year without a
//! major solar term. With the time zone of Vietnam (7.0) it gives the Vietnamese dates, which
//! differ from the Chinese ones (UTC+8) in some years: Tết 1985 is 1985-01-21 here (China:
//! 1985-02-20) and Tết 2007 is 2007-02-17 (China: 2007-02-18).
//!
//! ```
//! use motcua_core::calendar::lunar;
//! let tet = lunar::lunar_new_year(2024);
//! assert_eq!(tet.to_string(), "2024-02-10");
//! let gio_to = lunar::lunar_to_solar(2024, 3, 10, false).unwrap();
//! assert_eq!(gio_to.to_string(), "2024-04-18");
//! ```

use std::f64::consts::PI;

use chrono::{Datelike, NaiveDate};

/// Time zone of the Vietnamese calendar, in hours east of UTC.
const TIME_ZONE: f64 = 7.0;
/// Mean length of a synodic month, in days.
const SYNODIC_MONTH: f64 = 29.530_588_853;
/// Julian day of the mean new moon of 1900-01-01 (the epoch of the new-moon count `k`).
const EPOCH_NEW_MOON: f64 = 2_415_021.076_998_695;
/// `num_days_from_ce() + JD_OFFSET` is the Julian day number of a date.
const JD_OFFSET: i64 = 1_721_425;

/// A date of the Vietnamese lunar calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LunarDate {
    /// The lunar year (the year in which its month 1 begins).
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u32,
    /// The day of the month, 1 to 30.
    pub day: u32,
    /// Whether the month is the leap month (tháng nhuận) following the month of that number.
    pub leap: bool,
}

/// Tết Nguyên đán, the first day of the lunar year that begins in solar year `year`.
///
/// # Panics
/// If the date is outside the range of `chrono::NaiveDate`.
#[must_use]
pub fn lunar_new_year(year: i32) -> NaiveDate {
    lunar_to_solar(year, 1, 1, false).expect("1/1 of a lunar year exists")
}

/// The solar date of the lunar date `day`/`month`(`leap`)/`year`.
///
/// `None` when that date does not exist: a month outside 1–12, a day outside 1–30, day 30 of a
/// 29-day month, a leap month that the year does not have, or a date outside chrono's range.
#[must_use]
pub fn lunar_to_solar(year: i32, month: u32, day: u32, leap: bool) -> Option<NaiveDate> {
    if !(1..=12).contains(&month) || !(1..=30).contains(&day) {
        return None;
    }
    let months = if month < 11 {
        Months::new(year - 1)
    } else {
        Months::new(year)
    };
    let start = months.month_start(month, leap)?;
    if day == 30 && Months::month_start_after(start) - start < 30 {
        return None;
    }
    from_jdn(start + i64::from(day) - 1)
}

/// The 13 or 14 months from month 11 of one solar year to month 11 of the next.
struct Months {
    /// New-moon count of the month 11 beginning the span.
    k: i64,
    /// Offset after month 11 of the leap month, if the span has 13 months.
    leap_off: Option<i64>,
}

impl Months {
    /// The months from month 11 of solar year `year` to month 11 of `year + 1`.
    fn new(year: i32) -> Self {
        let a11 = lunar_month_11(year);
        let b11 = lunar_month_11(year + 1);
        Self {
            k: (0.5 + (a11 as f64 - EPOCH_NEW_MOON) / SYNODIC_MONTH).floor() as i64,
            leap_off: (b11 - a11 > 365).then(|| leap_month_offset(a11)),
        }
    }

    /// Julian day number of 1/`month` (leap or not), `None` if there is no such month.
    fn month_start(&self, month: u32, leap: bool) -> Option<i64> {
        let mut off = (i64::from(month) - 11).rem_euclid(12);
        match self.leap_off {
            Some(leap_off) => {
                let leap_month = match (leap_off - 2).rem_euclid(12) {
                    0 => 12,
                    m => m,
                };
                if leap && i64::from(month) != leap_month {
                    return None;
                }
                if leap || off >= leap_off {
                    off += 1;
                }
            }
            None if leap => return None,
            None => {}
        }
        Some(new_moon_day(self.k + off))
    }

    /// Julian day number of the first day of the month after the one starting at `start`.
    fn month_start_after(start: i64) -> i64 {
        let mut k = ((start as f64 - EPOCH_NEW_MOON) / SYNODIC_MONTH).floor() as i64;
        while new_moon_day(k) <= start {
            k += 1;
        }
        new_moon_day(k)
    }
}

/// The lunar date of the solar date `date`.
#[must_use]
pub fn solar_to_lunar(date: NaiveDate) -> LunarDate {
    let jdn = to_jdn(date);
    // The estimate is off by one month at most; settle on the last new moon day <= jdn.
    let mut k = ((jdn as f64 - EPOCH_NEW_MOON) / SYNODIC_MONTH).floor() as i64 + 1;
    while new_moon_day(k) > jdn {
        k -= 1;
    }
    while new_moon_day(k + 1) <= jdn {
        k += 1;
    }
    let month_start = new_moon_day(k);
    let year = date.year();
    let mut a11 = lunar_month_11(year);
    let mut b11 = a11;
    let mut lunar_year;
    if a11 >= month_start {
        lunar_year = year;
        a11 = lunar_month_11(year - 1);
    } else {
        lunar_year = year + 1;
        b11 = lunar_month_11(year + 1);
    }
    let day = (jdn - month_start + 1) as u32;
    let diff = ((month_start - a11) as f64 / 29.0).floor() as i64;
    let mut leap = false;
    let mut month = diff + 11;
    if b11 - a11 > 365 {
        let leap_diff = leap_month_offset(a11);
        if diff >= leap_diff {
            month = diff + 10;
            leap = diff == leap_diff;
        }
    }
    if month > 12 {
        month -= 12;
    }
    if month >= 11 && diff < 4 {
        lunar_year -= 1;
    }
    LunarDate {
        year: lunar_year,
        month: month as u32,
        day,
        leap,
    }
}

fn to_jdn(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) + JD_OFFSET
}

fn from_jdn(jdn: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(jdn - JD_OFFSET).ok()?)
}

/// Julian day (fractional, UT) of the `k`-th new moon after 1900-01-01.
fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let t2 = t * t;
    let t3 = t2 * t;
    let dr = PI / 180.0;
    let mut jd1 = 2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3;
    jd1 += 0.000_33 * ((166.56 + 132.87 * t - 0.009_173 * t2) * dr).sin();
    let m = 359.2242 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3;
    let mpr = 306.0253 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3;
    let f = 21.2964 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3;
    let mut c1 = (0.1734 - 0.000_393 * t) * (m * dr).sin() + 0.0021 * (2.0 * dr * m).sin();
    c1 = c1 - 0.4068 * (mpr * dr).sin() + 0.0161 * (dr * 2.0 * mpr).sin();
    c1 -= 0.0004 * (dr * 3.0 * mpr).sin();
    c1 = c1 + 0.0104 * (dr * 2.0 * f).sin() - 0.0051 * (dr * (m + mpr)).sin();
    c1 = c1 - 0.0074 * (dr * (m - mpr)).sin() + 0.0004 * (dr * (2.0 * f + m)).sin();
    c1 = c1 - 0.0004 * (dr * (2.0 * f - m)).sin() - 0.0006 * (dr * (2.0 * f + mpr)).sin();
    c1 = c1 + 0.0010 * (dr * (2.0 * f - mpr)).sin() + 0.0005 * (dr * (2.0 * mpr + m)).sin();
    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    jd1 + c1 - delta_t
}

/// The sun's apparent longitude, in radians in `[0, 2π)`, at Julian day `jd` (UT).
fn sun_longitude(jd: f64) -> f64 {
    let t = (jd - 2_451_545.0) / 36525.0;
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2;
    let l0 = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2;
    let mut dl = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * (dr * m).sin();
    dl += (0.019_993 - 0.000_101 * t) * (dr * 2.0 * m).sin() + 0.000_290 * (dr * 3.0 * m).sin();
    let l = (l0 + dl) * dr;
    l - 2.0 * PI * (l / (2.0 * PI)).floor()
}

/// Julian day number of the local day (UTC+7) of the `k`-th new moon.
fn new_moon_day(k: i64) -> i64 {
    (new_moon(k) + 0.5 + TIME_ZONE / 24.0).floor() as i64
}

/// The sun's longitude at local midnight starting day `jdn`, as a sector 0–11 of 30°.
fn sun_sector(jdn: i64) -> i64 {
    (sun_longitude(jdn as f64 - 0.5 - TIME_ZONE / 24.0) / PI * 6.0).floor() as i64
}

/// Julian day number of the first day of lunar month 11 (the month holding the winter
/// solstice) of solar year `year`.
fn lunar_month_11(year: i32) -> i64 {
    // Julian day number of 31 December of `year` (proleptic Gregorian, like chrono).
    let y = i64::from(year) + 4800;
    let dec31 = 31 + (153 * 9 + 2) / 5 + 365 * y + y.div_euclid(4) - y.div_euclid(100)
        + y.div_euclid(400)
        - 32045;
    let off = dec31 - 2_415_021;
    let k = (off as f64 / SYNODIC_MONTH).floor() as i64;
    let nm = new_moon_day(k);
    if sun_sector(nm) >= 9 {
        new_moon_day(k - 1)
    } else {
        nm
    }
}

/// Offset, in months after month 11 starting at `a11`, of the leap month of a 13-month year.
fn leap_month_offset(a11: i64) -> i64 {
    let k = ((a11 as f64 - EPOCH_NEW_MOON) / SYNODIC_MONTH + 0.5).floor() as i64;
    let mut i = 1;
    let mut arc = sun_sector(new_moon_day(k + i));
    loop {
        let last = arc;
        i += 1;
        arc = sun_sector(new_moon_day(k + i));
        if arc == last || i >= 14 {
            break;
        }
    }
    i - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn julian_day_numbers() {
        assert_eq!(to_jdn(date("2000-01-01")), 2_451_545);
        let y = 2024 + 4800;
        let dec31 = 31 + (153 * 9 + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045;
        assert_eq!(dec31, to_jdn(date("2024-12-31")));
        assert_eq!(from_jdn(2_451_545), Some(date("2000-01-01")));
    }

    #[test]
    fn vietnam_differs_from_china() {
        assert_eq!(lunar_new_year(1985), date("1985-01-21"));
        assert_eq!(lunar_new_year(2007), date("2007-02-17"));
    }

    #[test]
    fn holidays_md_table_2019_2029() {
        let table = [
            (2019, "2019-02-05", "2019-04-14"),
            (2020, "2020-01-25", "2020-04-02"),
            (2021, "2021-02-12", "2021-04-21"),
            (2022, "2022-02-01", "2022-04-10"),
            (2023, "2023-01-22", "2023-04-29"),
            (2024, "2024-02-10", "2024-04-18"),
            (2025, "2025-01-29", "2025-04-07"),
            (2026, "2026-02-17", "2026-04-26"),
            (2027, "2027-02-06", "2027-04-16"),
            (2028, "2028-01-26", "2028-04-04"),
            (2029, "2029-02-13", "2029-04-23"),
        ];
        for (year, tet, gio_to) in table {
            assert_eq!(lunar_new_year(year), date(tet), "Tết {year}");
            assert_eq!(
                lunar_to_solar(year, 3, 10, false),
                Some(date(gio_to)),
                "Giỗ Tổ {year}"
            );
        }
    }

    #[test]
    fn leap_months_and_invalid_dates() {
        // 2023 had a leap second month (tháng 2 nhuận), 2020 a leap fourth month.
        assert!(lunar_to_solar(2023, 2, 1, true).is_some());
        assert_eq!(lunar_to_solar(2023, 3, 1, true), None);
        assert!(lunar_to_solar(2020, 4, 1, true).is_some());
        assert_eq!(lunar_to_solar(2024, 4, 1, true), None);
        assert_eq!(lunar_to_solar(2024, 13, 1, false), None);
        assert_eq!(lunar_to_solar(2024, 1, 0, false), None);
        assert_eq!(lunar_to_solar(2024, 1, 31, false), None);
        let leap2 = solar_to_lunar(lunar_to_solar(2023, 2, 15, true).unwrap());
        assert_eq!(
            leap2,
            LunarDate {
                year: 2023,
                month: 2,
                day: 15,
                leap: true
            }
        );
    }

    #[test]
    fn day_30_exists_only_in_long_months() {
        for year in 2000..2040 {
            for month in 1..=12 {
                let first = lunar_to_solar(year, month, 1, false).unwrap();
                let day_30 = first + chrono::Days::new(29);
                let long = solar_to_lunar(day_30).day == 30;
                assert_eq!(
                    lunar_to_solar(year, month, 30, false),
                    long.then_some(day_30)
                );
            }
        }
    }

    #[test]
    fn solar_to_lunar_round_trips() {
        let mut d = date("1990-01-01");
        while d < date("2060-01-01") {
            let l = solar_to_lunar(d);
            assert_eq!(
                lunar_to_solar(l.year, l.month, l.day, l.leap),
                Some(d),
                "{d} -> {l:?}"
            );
            d = d.succ_opt().unwrap();
        }
        let tet = solar_to_lunar(date("2024-02-10"));
        assert_eq!(
            (tet.year, tet.month, tet.day, tet.leap),
            (2024, 1, 1, false)
        );
        let eve = solar_to_lunar(date("2024-02-09"));
        assert_eq!((eve.year, eve.month, eve.day), (2023, 12, 30));
    }
}
