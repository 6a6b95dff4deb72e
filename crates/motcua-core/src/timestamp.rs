//! Timestamps of the contract (section 2), read as local time in Vietnam (UTC+7).
//!
//! Accepted forms: `yyyyMMddHHmmss`, `yyyy-MM-dd`, `yyyy-MM-ddTHH:mm[:ss]`,
//! `yyyy-MM-dd HH:mm[:ss]`, `dd/MM/yyyy`, `dd/MM/yyyy HH:mm[:ss]`. Seconds may carry a
//! fraction. A time may be followed by an explicit offset (`Z`, `+07:00`, `+0700`, `+07`),
//! which is converted to UTC+7.
//!
//! ```
//! use motcua_core::timestamp::Timestamp;
//! let t = Timestamp::parse("2021-09-29T02:30:00Z").unwrap();
//! assert_eq!(t.to_string(), "2021-09-29 09:30:00");
//! let d = Timestamp::parse("05/07/2021").unwrap();
//! assert!(d.time.is_none());
//! ```

use std::fmt;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};

/// Offset of Vietnam's time zone from UTC, in seconds.
pub const VN_OFFSET_SECONDS: i32 = 7 * 3600;

/// A timestamp that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TimestampError {
    /// The text matches none of the accepted forms.
    #[error(
        "cannot read '{0}' as a date or time (use yyyyMMddHHmmss, yyyy-MM-dd[ HH:mm[:ss]], \
         yyyy-MM-ddTHH:mm[:ss][offset] or dd/MM/yyyy[ HH:mm[:ss]])"
    )]
    Format(String),
    /// The form is right but the date or time does not exist.
    #[error("'{0}' is not a real date or time")]
    OutOfRange(String),
}

/// A point in local Vietnamese time, or a date alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Timestamp {
    /// Calendar date in UTC+7.
    pub date: NaiveDate,
    /// Time of day in UTC+7, if the text had one.
    pub time: Option<NaiveTime>,
}

impl Timestamp {
    /// A date with no time of day.
    #[must_use]
    pub const fn from_date(date: NaiveDate) -> Self {
        Self { date, time: None }
    }

    /// A local date and time.
    #[must_use]
    pub fn from_datetime(dt: NaiveDateTime) -> Self {
        Self {
            date: dt.date(),
            time: Some(dt.time()),
        }
    }

    /// Parses one of the contract's forms; surrounding white space is ignored.
    pub fn parse(text: &str) -> Result<Self, TimestampError> {
        let text = crate::text::trim(text);
        let s = text.as_bytes();
        let fmt_err = || TimestampError::Format(text.to_owned());
        let range_err = || TimestampError::OutOfRange(text.to_owned());
        if s.len() == 14 && digits8(&s[..8]) && digits8(&s[6..]) {
            let date = ymd(num(&s[0..4]), num(&s[4..6]), num(&s[6..8])).ok_or_else(range_err)?;
            let time =
                hms(num(&s[8..10]), num(&s[10..12]), num(&s[12..14]), 0).ok_or_else(range_err)?;
            return Ok(Self::from_datetime(date.and_time(time)));
        }
        let (date, rest) = if s.len() >= 10 && is_iso_date(s) {
            let d = ymd(num(&s[0..4]), num(&s[5..7]), num(&s[8..10])).ok_or_else(range_err)?;
            (d, &s[10..])
        } else if s.len() >= 10 && is_dmy_date(s) {
            let d = ymd(num(&s[6..10]), num(&s[3..5]), num(&s[0..2])).ok_or_else(range_err)?;
            (d, &s[10..])
        } else {
            return Err(fmt_err());
        };
        if rest.is_empty() {
            return Ok(Self::from_date(date));
        }
        if !(rest[0] == b' ' || (rest[0] == b'T' && s[4] == b'-')) {
            return Err(fmt_err());
        }
        let rest = &rest[1..];
        if rest.len() < 5 || !is_hh_mm(rest) {
            return Err(fmt_err());
        }
        let (h, m) = (num(&rest[0..2]), num(&rest[3..5]));
        let mut rest = &rest[5..];
        let mut sec = 0;
        let mut nanos = 0;
        if rest.len() >= 3
            && rest[0] == b':'
            && rest[1].is_ascii_digit()
            && rest[2].is_ascii_digit()
        {
            sec = num(&rest[1..3]);
            rest = &rest[3..];
            if rest.first() == Some(&b'.') || rest.first() == Some(&b',') {
                let digits = rest[1..].iter().take_while(|b| b.is_ascii_digit()).count();
                if digits == 0 {
                    return Err(fmt_err());
                }
                let mut frac = 0u32;
                for (i, b) in rest[1..=digits].iter().enumerate() {
                    if i < 9 {
                        frac = frac * 10 + u32::from(b - b'0');
                    }
                }
                nanos = frac * 10u32.pow(9u32.saturating_sub(digits as u32));
                rest = &rest[1 + digits..];
            }
        }
        let time = hms(h, m, sec, nanos).ok_or_else(range_err)?;
        let local = date.and_time(time);
        if rest.is_empty() {
            return Ok(Self::from_datetime(local));
        }
        let offset = parse_offset(rest).ok_or_else(fmt_err)?;
        let shifted = local + Duration::seconds(i64::from(VN_OFFSET_SECONDS - offset));
        if !(1..=9999).contains(&shifted.year()) {
            return Err(range_err());
        }
        Ok(Self::from_datetime(shifted))
    }

    /// The local date and time; a date alone reads as midnight.
    #[must_use]
    pub fn datetime(&self) -> NaiveDateTime {
        self.date.and_time(self.time.unwrap_or(NaiveTime::MIN))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.time {
            Some(t) => write!(f, "{} {}", self.date, t.format("%H:%M:%S")),
            None => write!(f, "{}", self.date),
        }
    }
}

impl std::str::FromStr for Timestamp {
    type Err = TimestampError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// Whether the 8 bytes `b` are all ASCII digits, tested as one word: every byte is
/// `0x3_` and stays so when 6 is added to it (no byte carries into the next).
fn digits8(b: &[u8]) -> bool {
    const HIGH: u64 = 0xf0f0_f0f0_f0f0_f0f0;
    const ZEROS: u64 = 0x3030_3030_3030_3030;
    const SIXES: u64 = 0x0606_0606_0606_0606;
    let mut w = [0u8; 8];
    w.copy_from_slice(b);
    let w = u64::from_le_bytes(w);
    w & HIGH == ZEROS && w.wrapping_add(SIXES) & HIGH == ZEROS
}

fn num(b: &[u8]) -> u32 {
    b.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'))
}

fn digits(b: &[u8]) -> bool {
    b.iter().all(u8::is_ascii_digit)
}

fn is_iso_date(s: &[u8]) -> bool {
    digits(&s[0..4]) && s[4] == b'-' && digits(&s[5..7]) && s[7] == b'-' && digits(&s[8..10])
}

fn is_dmy_date(s: &[u8]) -> bool {
    digits(&s[0..2]) && s[2] == b'/' && digits(&s[3..5]) && s[5] == b'/' && digits(&s[6..10])
}

fn is_hh_mm(s: &[u8]) -> bool {
    digits(&s[0..2]) && s[2] == b':' && digits(&s[3..5])
}

/// A date of the years 1 to 9999 (year 0 is not a calendar year).
fn ymd(y: u32, m: u32, d: u32) -> Option<NaiveDate> {
    if y == 0 {
        return None;
    }
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

fn hms(h: u32, m: u32, s: u32, nanos: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_nano_opt(h, m, s, nanos)
}

/// Offset east of UTC in seconds: `Z`, `±HH`, `±HHMM`, `±HH:MM`.
fn parse_offset(s: &[u8]) -> Option<i32> {
    if s == b"Z" || s == b"z" {
        return Some(0);
    }
    let sign = match s.first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let t = &s[1..];
    let (h, m) = match t.len() {
        2 if digits(t) => (num(t), 0),
        4 if digits(t) => (num(&t[0..2]), num(&t[2..4])),
        5 if is_hh_mm(t) => (num(&t[0..2]), num(&t[3..5])),
        _ => return None,
    };
    if h > 23 || m > 59 {
        return None;
    }
    Some(sign * (h * 3600 + m * 60) as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> String {
        Timestamp::parse(s).unwrap().to_string()
    }

    #[test]
    fn every_contract_form() {
        assert_eq!(ts("20210630203000"), "2021-06-30 20:30:00");
        assert_eq!(ts("2021-07-02"), "2021-07-02");
        assert_eq!(ts("2021-07-02T08:15"), "2021-07-02 08:15:00");
        assert_eq!(ts("2021-07-02T08:15:09"), "2021-07-02 08:15:09");
        assert_eq!(ts("2021-06-28 09:00"), "2021-06-28 09:00:00");
        assert_eq!(ts("2021-06-28 09:00:59"), "2021-06-28 09:00:59");
        assert_eq!(ts("05/07/2021"), "2021-07-05");
        assert_eq!(ts("05/07/2021 17:05"), "2021-07-05 17:05:00");
        assert_eq!(ts(" 05/07/2021 17:05:30 "), "2021-07-05 17:05:30");
    }

    #[test]
    fn offsets_convert_to_utc7() {
        assert_eq!(ts("2021-09-29T02:30:00Z"), "2021-09-29 09:30:00");
        assert_eq!(ts("2021-09-01T09:00:00+07:00"), "2021-09-01 09:00:00");
        assert_eq!(ts("2021-09-01T20:00:00+0000"), "2021-09-02 03:00:00");
        assert_eq!(ts("2021-09-01T01:00:00+09"), "2021-08-31 23:00:00");
        assert_eq!(ts("2021-09-01T20:00:00.250-05:00"), "2021-09-02 08:00:00");
    }

    #[test]
    fn rejects_bad_forms_and_impossible_dates() {
        for bad in [
            "",
            "2021",
            "2021/07/02",
            "2021-7-2",
            "20210230",
            "2021-07-02X",
            "2021-07-02T8:00",
            "05/07/2021T10:00",
            "2021-07-02T08:00+7",
            "abc",
        ] {
            assert!(
                matches!(Timestamp::parse(bad), Err(TimestampError::Format(_))),
                "{bad}"
            );
        }
        assert!(matches!(
            Timestamp::parse("2021-02-30"),
            Err(TimestampError::OutOfRange(_))
        ));
        assert!(matches!(
            Timestamp::parse("20210101250000"),
            Err(TimestampError::OutOfRange(_))
        ));
        // dates run from year 1 to 9999 in UTC+7
        for bad in [
            "0000-01-01",
            "00000101000000",
            "01/01/0000",
            "9999-12-31T23:00:00-12:00",
            "0001-01-01T01:00:00+14:00",
        ] {
            assert!(
                matches!(Timestamp::parse(bad), Err(TimestampError::OutOfRange(_))),
                "{bad}"
            );
        }
        assert_eq!(
            Timestamp::parse("9999-12-31T16:59:59Z")
                .unwrap()
                .to_string(),
            "9999-12-31 23:59:59"
        );
    }

    #[test]
    fn fourteen_characters_are_the_portal_form_only_when_all_are_digits() {
        // every byte value at every position of a valid portal timestamp
        let good = *b"20210702083015";
        for pos in 0..14 {
            for b in 0..=255u8 {
                let mut t = good;
                t[pos] = b;
                let Ok(text) = std::str::from_utf8(&t) else {
                    continue;
                };
                let parsed = Timestamp::parse(text);
                if b.is_ascii_digit() {
                    // a digit keeps the form; the date or time may no longer exist
                    assert!(!matches!(parsed, Err(TimestampError::Format(_))), "{text}");
                } else if pos > 0 && pos < 13 {
                    assert!(parsed.is_err(), "{text:?} read as {parsed:?}");
                }
            }
        }
        assert_eq!(ts(" 20210702083015\t"), "2021-07-02 08:30:15");
        assert_eq!(ts("\u{a0}20210702083015"), "2021-07-02 08:30:15");
    }
}
