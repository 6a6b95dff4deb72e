//! Timestamp forms that real exports write besides the contract's (section 2).

use std::fmt::Write as _;

use chrono::{DateTime, NaiveDate};

/// A timestamp form a profile may add; a value in that form is rewritten to the contract's
/// `yyyy-MM-dd[ HH:mm:ss]` before the row is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimestampForm {
    /// `/Date(1712020500000)/`: milliseconds since 1970 UTC, as .NET's JSON serialiser
    /// writes a `DateTime` (an offset such as `+0700` after the number is allowed).
    DotNetDate,
    /// `M/d/yyyy h:mm:ss tt` (`4/2/2024 8:15:00 AM`), the en-US form.
    UsDateTime,
    /// `dd/MM/yyyy H:mm:ss SA|CH` (`02/04/2024 8:15:00 SA`), the vi-VN form with the
    /// morning (sáng) and afternoon (chiều) markers.
    ViDateTime,
    /// `d/M/yyyy` with or without a `H:mm[:ss]` time: days and months without a leading zero.
    ShortDate,
}

impl TimestampForm {
    /// Every form.
    pub const ALL: [Self; 4] = [
        Self::DotNetDate,
        Self::UsDateTime,
        Self::ViDateTime,
        Self::ShortDate,
    ];

    /// The name in a profile file.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::DotNetDate => "/Date(ms)/",
            Self::UsDateTime => "M/d/yyyy h:mm:ss tt",
            Self::ViDateTime => "dd/MM/yyyy H:mm:ss SA|CH",
            Self::ShortDate => "d/M/yyyy",
        }
    }

    /// The form of a name in a profile file.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name.trim())
    }

    /// `text` in the contract's form, if it is in this form.
    #[must_use]
    #[allow(clippy::many_single_char_names)] // y, m, d, h, s: the parts of a timestamp
    pub fn convert(self, text: &str) -> Option<String> {
        let t = text.trim();
        match self {
            Self::DotNetDate => dotnet(t),
            Self::UsDateTime => with_marker(t, ["AM", "PM"], true),
            Self::ViDateTime => with_marker(t, ["SA", "CH"], false),
            Self::ShortDate => {
                let (date, time) = t.split_once(' ').map_or((t, None), |(d, r)| (d, Some(r)));
                let d = dmy(date, false)?;
                match time {
                    None => Some(d.format("%Y-%m-%d").to_string()),
                    Some(time) => {
                        let (h, m, s) = hms(time.trim())?;
                        (h < 24).then(|| stamp(d, h, m, s))
                    }
                }
            }
        }
    }
}

fn dotnet(t: &str) -> Option<String> {
    let inner = t.strip_prefix("/Date(")?.strip_suffix(")/")?;
    let digits_end = inner
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || (i == 0 && c == '-')))
        .map_or(inner.len(), |(i, _)| i);
    let (ms, rest) = inner.split_at(digits_end);
    if !(rest.is_empty()
        || (rest.len() == 5
            && rest[1..].bytes().all(|b| b.is_ascii_digit())
            && matches!(rest.as_bytes()[0], b'+' | b'-')))
    {
        return None;
    }
    let ms: i64 = ms.parse().ok()?;
    let utc = DateTime::from_timestamp_millis(ms)?;
    let local =
        utc.naive_utc() + chrono::Duration::seconds(i64::from(crate::timestamp::VN_OFFSET_SECONDS));
    Some(local.format("%Y-%m-%d %H:%M:%S").to_string())
}

/// `date time MARKER` with a 12-hour clock; `month_first` for the en-US order.
#[allow(clippy::many_single_char_names)] // y, m, d, h, s: the parts of a timestamp
fn with_marker(t: &str, markers: [&str; 2], month_first: bool) -> Option<String> {
    let mut parts = t.split_whitespace();
    let (date, time, marker) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let pm = if marker.eq_ignore_ascii_case(markers[0]) {
        false
    } else if marker.eq_ignore_ascii_case(markers[1]) {
        true
    } else {
        return None;
    };
    let d = dmy(date, month_first)?;
    let (h, m, s) = hms(time)?;
    if !(1..=12).contains(&h) {
        return None;
    }
    let h = match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    };
    Some(stamp(d, h, m, s))
}

fn stamp(d: NaiveDate, h: u32, m: u32, s: u32) -> String {
    let mut out = d.format("%Y-%m-%d").to_string();
    let _ = write!(out, " {h:02}:{m:02}:{s:02}");
    out
}

/// `d/M/yyyy` (or `M/d/yyyy`), one or two digits for day and month.
fn dmy(s: &str, month_first: bool) -> Option<NaiveDate> {
    let mut it = s.split('/');
    let (a, b, y) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || y.len() != 4 {
        return None;
    }
    let small = |x: &str| (1..=2).contains(&x.len()) && x.bytes().all(|c| c.is_ascii_digit());
    if !small(a) || !small(b) || !y.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (a, b, y): (u32, u32, i32) = (a.parse().ok()?, b.parse().ok()?, y.parse().ok()?);
    let (day, month) = if month_first { (b, a) } else { (a, b) };
    NaiveDate::from_ymd_opt(y, month, day)
}

/// `H:mm[:ss]`.
fn hms(s: &str) -> Option<(u32, u32, u32)> {
    let mut it = s.split(':');
    let h = it.next()?;
    let m = it.next()?;
    let sec = it.next().unwrap_or("00");
    if it.next().is_some() || h.is_empty() || h.len() > 2 || m.len() != 2 || sec.len() != 2 {
        return None;
    }
    let (h, m, sec): (u32, u32, u32) = (h.parse().ok()?, m.parse().ok()?, sec.parse().ok()?);
    (m < 60 && sec < 60).then_some((h, m, sec))
}

#[cfg(test)]
mod tests {
    use super::TimestampForm as F;

    #[test]
    fn forms_of_real_exports() {
        // 1712020500 s after 1970 UTC is 2024-04-02 01:15 UTC, 08:15 in Vietnam
        assert_eq!(
            F::DotNetDate.convert("/Date(1712020500000)/").as_deref(),
            Some("2024-04-02 08:15:00")
        );
        assert_eq!(
            F::DotNetDate
                .convert("/Date(1712020500000+0700)/")
                .as_deref(),
            Some("2024-04-02 08:15:00")
        );
        assert_eq!(
            F::UsDateTime.convert("4/2/2024 8:15:00 AM").as_deref(),
            Some("2024-04-02 08:15:00")
        );
        assert_eq!(
            F::UsDateTime.convert("4/2/2024 12:05:00 AM").as_deref(),
            Some("2024-04-02 00:05:00")
        );
        assert_eq!(
            F::UsDateTime.convert("4/2/2024 1:30:00 PM").as_deref(),
            Some("2024-04-02 13:30:00")
        );
        assert_eq!(
            F::ViDateTime.convert("02/04/2024 8:15:00 SA").as_deref(),
            Some("2024-04-02 08:15:00")
        );
        assert_eq!(
            F::ViDateTime.convert("02/04/2024 2:00:00 CH").as_deref(),
            Some("2024-04-02 14:00:00")
        );
        assert_eq!(
            F::ShortDate.convert("2/4/2024").as_deref(),
            Some("2024-04-02")
        );
        assert_eq!(
            F::ShortDate.convert("2/4/2024 9:05").as_deref(),
            Some("2024-04-02 09:05:00")
        );
        assert_eq!(F::UsDateTime.convert("13/2/2024 8:15:00 AM"), None);
        assert_eq!(F::ShortDate.convert("2024-04-02"), None);
        assert_eq!(F::DotNetDate.convert("/Date(abc)/"), None);
    }
}
