//! Reading calendar TOML files (contract section 4), with the line and column of every error.

use std::ops::Range;

use chrono::{NaiveDate, NaiveTime, Weekday};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::CalendarError;
use super::year::{Entry, Layer};

/// The keys a calendar file may have.
pub(super) const KEYS: [&str; 7] = [
    "name",
    "extends",
    "weekend",
    "receipt_cutoff",
    "holidays",
    "working_days",
    "schedules",
];

/// A built-in calendar to start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Base {
    /// The built-in Vietnamese calendar.
    Vn,
    /// Saturdays and Sundays off, nothing else.
    Blank,
}

/// What a calendar file says, before it is layered over its base.
#[derive(Debug, Default)]
pub(super) struct Parsed {
    pub name: Option<String>,
    pub extends: Option<Base>,
    pub weekend: Option<[bool; 7]>,
    pub cutoff: Option<NaiveTime>,
    pub layer: Layer,
}

/// Where in `text` the byte `offset` lies, as 1-based line and column (in characters).
pub(super) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Reads a calendar file.
pub(super) fn parse(text: &str) -> Result<Parsed, CalendarError> {
    let doc = DeTable::parse(text).map_err(|e| {
        let (line, column) = line_column(text, e.span().map_or(0, |s| s.start));
        CalendarError::Toml {
            line,
            column,
            message: e.message().trim().to_owned(),
        }
    })?;
    let ctx = Ctx { text };
    let mut out = Parsed::default();
    // Keys in the order they appear, so that the first mistake is reported.
    let mut entries: Vec<_> = doc.get_ref().iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    for (key, value) in entries {
        match key.get_ref().as_ref() {
            "name" => out.name = Some(ctx.string(value, "name")?.to_owned()),
            "extends" => {
                let name = ctx.string(value, "extends")?;
                out.extends = Some(match name {
                    "vn" => Base::Vn,
                    "blank" => Base::Blank,
                    _ => {
                        let (line, column) = ctx.at(value.span());
                        return Err(CalendarError::UnknownCalendar {
                            line,
                            column,
                            name: name.to_owned(),
                            known: super::BUILTIN_CALENDARS.join(", "),
                        });
                    }
                });
            }
            "weekend" => out.weekend = Some(ctx.weekend(value)?),
            "receipt_cutoff" => out.cutoff = Some(ctx.cutoff(value)?),
            "holidays" => {
                for item in ctx.array(value, "holidays")? {
                    let (date, entry) = ctx.holiday(item)?;
                    if out.layer.holidays.insert(date, entry).is_some() {
                        return Err(ctx.invalid(
                            item,
                            "holidays",
                            format!(
                                "ngày {date} có hai lần trong danh sách (the date is listed twice)"
                            ),
                        ));
                    }
                }
            }
            "working_days" => {
                for item in ctx.array(value, "working_days")? {
                    out.layer.working.insert(ctx.date(item, "working_days")?);
                }
            }
            "schedules" => {
                for item in ctx.array(value, "schedules")? {
                    let (year, notice) = ctx.schedule(item)?;
                    out.layer.schedules.insert(year, notice);
                }
            }
            other => {
                let (line, column) = ctx.at(key.span());
                return Err(CalendarError::UnknownKey {
                    line,
                    column,
                    key: other.to_owned(),
                    known: KEYS.join(", "),
                });
            }
        }
    }
    Ok(out)
}

/// The text being read, to place errors.
struct Ctx<'t> {
    text: &'t str,
}

type Value<'i> = Spanned<DeValue<'i>>;

impl Ctx<'_> {
    fn at(&self, span: Range<usize>) -> (usize, usize) {
        line_column(self.text, span.start)
    }

    fn wrong_type(&self, value: &Value<'_>, key: &str, expected: &str) -> CalendarError {
        let (line, column) = self.at(value.span());
        CalendarError::WrongType {
            line,
            column,
            key: key.to_owned(),
            expected: expected.to_owned(),
            found: value.get_ref().type_str().to_owned(),
        }
    }

    fn invalid(&self, value: &Value<'_>, key: &str, message: String) -> CalendarError {
        let (line, column) = self.at(value.span());
        CalendarError::InvalidValue {
            line,
            column,
            key: key.to_owned(),
            message,
        }
    }

    fn string<'v>(&self, value: &'v Value<'_>, key: &str) -> Result<&'v str, CalendarError> {
        value
            .get_ref()
            .as_str()
            .ok_or_else(|| self.wrong_type(value, key, "a string"))
    }

    fn array<'v, 'i>(
        &self,
        value: &'v Value<'i>,
        key: &str,
    ) -> Result<&'v [Value<'i>], CalendarError> {
        match value.get_ref() {
            DeValue::Array(items) => Ok(items),
            _ => Err(self.wrong_type(value, key, "an array of dates like [2021-09-02]")),
        }
    }

    fn weekend(&self, value: &Value<'_>) -> Result<[bool; 7], CalendarError> {
        let DeValue::Array(items) = value.get_ref() else {
            return Err(self.wrong_type(value, "weekend", "an array like [\"Sat\", \"Sun\"]"));
        };
        let mut weekend = [false; 7];
        for item in items {
            let name = self.string(item, "weekend")?;
            let day = weekday(name).ok_or_else(|| {
                self.invalid(
                    item,
                    "weekend",
                    format!("unknown weekday \"{name}\" (use Mon, Tue, Wed, Thu, Fri, Sat or Sun)"),
                )
            })?;
            weekend[day.num_days_from_monday() as usize] = true;
        }
        if weekend.iter().all(|w| *w) {
            return Err(self.invalid(
                value,
                "weekend",
                "every day of the week is a weekend day: leave at least one working weekday"
                    .to_owned(),
            ));
        }
        Ok(weekend)
    }

    fn cutoff(&self, value: &Value<'_>) -> Result<NaiveTime, CalendarError> {
        let bad = |shown: &str| {
            self.invalid(
                value,
                "receipt_cutoff",
                format!("\"{shown}\" is not a time of day; write it as \"HH:MM\", e.g. \"17:00\""),
            )
        };
        match value.get_ref() {
            DeValue::String(s) => parse_hh_mm(s).ok_or_else(|| bad(s)),
            DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (None, Some(t), None) => NaiveTime::from_hms_opt(
                    u32::from(t.hour),
                    u32::from(t.minute),
                    u32::from(t.second.unwrap_or(0)),
                )
                .ok_or_else(|| bad(&dt.to_string())),
                _ => Err(bad(&dt.to_string())),
            },
            _ => Err(self.wrong_type(value, "receipt_cutoff", "a string \"HH:MM\"")),
        }
    }

    fn date(&self, value: &Value<'_>, key: &str) -> Result<NaiveDate, CalendarError> {
        let expected = "a date like 2021-09-02 (without quotes)";
        let DeValue::Datetime(dt) = value.get_ref() else {
            return Err(self.wrong_type(value, key, expected));
        };
        match (dt.date, dt.time, dt.offset) {
            (Some(d), None, None) => {
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                    .ok_or_else(|| self.invalid(value, key, format!("{d} is not a real date")))
            }
            _ => Err(self.invalid(
                value,
                key,
                format!("{dt} is not a date alone; write {expected}"),
            )),
        }
    }

    /// An official schedule: a table `{ year = 2026, notice = "TB 9441/TB-BNV" }`.
    fn schedule(&self, value: &Value<'_>) -> Result<(i32, String), CalendarError> {
        let expected = "a table like { year = 2026, notice = \"TB 9441/TB-BNV\" }";
        let DeValue::Table(table) = value.get_ref() else {
            return Err(self.wrong_type(value, "schedules", expected));
        };
        let mut year = None;
        let mut notice = None;
        for (key, item) in table {
            match key.get_ref().as_ref() {
                "year" => {
                    let y = match item.get_ref() {
                        DeValue::Integer(i) => i
                            .as_str()
                            .parse::<i32>()
                            .ok()
                            .filter(|y| (1..=9999).contains(y)),
                        _ => {
                            return Err(self.wrong_type(
                                item,
                                "schedules.year",
                                "a year like 2026",
                            ));
                        }
                    };
                    year = Some(y.ok_or_else(|| {
                        self.invalid(
                            item,
                            "schedules.year",
                            "give a year from 1 to 9999".to_owned(),
                        )
                    })?);
                }
                "notice" => notice = Some(self.string(item, "schedules.notice")?.to_owned()),
                other => {
                    let (line, column) = self.at(key.span());
                    return Err(CalendarError::UnknownKey {
                        line,
                        column,
                        key: format!("schedules.{other}"),
                        known: "year, notice".to_owned(),
                    });
                }
            }
        }
        match (year, notice) {
            (Some(y), Some(n)) => Ok((y, n)),
            _ => Err(self.invalid(
                value,
                "schedules",
                format!("a schedule needs a year and a notice: {expected}"),
            )),
        }
    }

    /// A holiday: a date, or a table
    /// `{ date = 2021-09-02, name = "Quốc khánh", source = "TB 4875/TB-LĐTBXH" }`.
    fn holiday(&self, value: &Value<'_>) -> Result<(NaiveDate, Entry), CalendarError> {
        let DeValue::Table(table) = value.get_ref() else {
            return Ok((self.date(value, "holidays")?, Entry::default()));
        };
        let mut date = None;
        let mut entry = Entry::default();
        for (key, item) in table {
            match key.get_ref().as_ref() {
                "date" => date = Some(self.date(item, "holidays.date")?),
                "name" => entry.name = Some(self.string(item, "holidays.name")?.to_owned()),
                "source" => entry.source = Some(self.string(item, "holidays.source")?.to_owned()),
                other => {
                    let (line, column) = self.at(key.span());
                    return Err(CalendarError::UnknownKey {
                        line,
                        column,
                        key: format!("holidays.{other}"),
                        known: "date, name, source".to_owned(),
                    });
                }
            }
        }
        match date {
            Some(date) => Ok((date, entry)),
            None => Err(self.invalid(
                value,
                "holidays",
                "a holiday table needs a date: { date = 2021-09-02, name = \"…\" }".to_owned(),
            )),
        }
    }
}

/// A weekday from its English name or three-letter abbreviation, in any case.
fn weekday(name: &str) -> Option<Weekday> {
    const NAMES: [(&str, &str, Weekday); 7] = [
        ("mon", "monday", Weekday::Mon),
        ("tue", "tuesday", Weekday::Tue),
        ("wed", "wednesday", Weekday::Wed),
        ("thu", "thursday", Weekday::Thu),
        ("fri", "friday", Weekday::Fri),
        ("sat", "saturday", Weekday::Sat),
        ("sun", "sunday", Weekday::Sun),
    ];
    let lower = name.trim().to_ascii_lowercase();
    NAMES
        .iter()
        .find(|(short, full, _)| lower == *short || lower == *full)
        .map(|&(_, _, day)| day)
}

/// `HH:MM` or `HH:MM:SS`, 24-hour clock.
fn parse_hh_mm(s: &str) -> Option<NaiveTime> {
    let mut parts = s.trim().split(':');
    let mut field = || -> Option<u32> {
        let p = parts.next()?;
        if p.len() != 2 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        p.parse().ok()
    };
    let (h, m) = (field()?, field()?);
    let sec = match parts.next() {
        None => 0,
        Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => p.parse().ok()?,
        Some(_) => return None,
    };
    if parts.next().is_some() {
        return None;
    }
    NaiveTime::from_hms_opt(h, m, sec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_names() {
        assert_eq!(weekday("Sat"), Some(Weekday::Sat));
        assert_eq!(weekday("sunday"), Some(Weekday::Sun));
        assert_eq!(weekday("WEDNESDAY"), Some(Weekday::Wed));
        assert_eq!(weekday("Thurs"), None);
        assert_eq!(weekday("Sa"), None);
        assert_eq!(weekday("Sta"), None);
    }

    #[test]
    fn cutoff_forms() {
        assert_eq!(parse_hh_mm("17:00"), NaiveTime::from_hms_opt(17, 0, 0));
        assert_eq!(parse_hh_mm("07:30:15"), NaiveTime::from_hms_opt(7, 30, 15));
        for bad in ["7:00", "24:00", "17:60", "17", "17:00:00:00", "ab:cd", ""] {
            assert_eq!(parse_hh_mm(bad), None, "{bad}");
        }
    }

    #[test]
    fn line_columns() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        // "bé" is 3 bytes; the '=' after it is the fourth character.
        assert_eq!(line_column(text, 10), (2, 4));
        assert_eq!(line_column(text, 1000), (3, 1));
    }
}
