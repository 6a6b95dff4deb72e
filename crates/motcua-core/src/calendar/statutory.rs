//! The statutory holidays as dated rules (`calendars/vn-statutory.toml`), and the closures they
//! give a year without an official schedule.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::lunar;

/// The statutory rules of the built-in `vn` calendar, as data.
pub(super) const STATUTORY_TOML: &str = include_str!("../../calendars/vn-statutory.toml");

/// A statutory rule (a law or an amendment) as the calendar outputs name it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct StatutoryRule {
    /// Stable identifier, e.g. `labour-code-2019`.
    pub id: String,
    /// The text and article, in Vietnamese.
    pub title: String,
    /// What a holiday given by this rule cites.
    pub source: String,
    /// What a compensatory day off given by this rule cites.
    pub compensation: String,
    /// `H` (an official text read) or `M` (several secondary sources agree).
    pub confidence: String,
    /// First day of validity, inclusive; `None`: applied to every earlier year as well.
    pub valid_from: Option<NaiveDate>,
    /// Last day of validity, inclusive; `None`: in force.
    pub valid_to: Option<NaiveDate>,
    /// A remark on the rule's dates or origin.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl StatutoryRule {
    /// Whether `d` lies within the rule's validity.
    #[must_use]
    pub fn covers(&self, d: NaiveDate) -> bool {
        self.valid_from.is_none_or(|f| f <= d) && self.valid_to.is_none_or(|t| d <= t)
    }

    /// Whether the rule is in force on some day of `year`.
    #[must_use]
    pub fn touches_year(&self, year: i32) -> bool {
        self.valid_from.is_none_or(|f| f.year() <= year)
            && self.valid_to.is_none_or(|t| year <= t.year())
    }
}

/// How a holiday's date is found in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Solar(u32, u32),
    Lunar(u32, u32),
    Tet(u32),
    AdjacentTo(u32, u32),
}

/// One holiday of a rule.
#[derive(Debug, Clone)]
struct Holiday {
    name: String,
    compensatory_name: String,
    kind: Kind,
    compensated: bool,
}

/// A rule with its holidays.
#[derive(Debug, Clone)]
struct Rule {
    info: StatutoryRule,
    holidays: Vec<Holiday>,
}

/// Every statutory rule of a calendar.
#[derive(Debug, Clone)]
pub(super) struct Statutory {
    rules: Vec<Rule>,
}

/// A date closed by the statutory rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Closure<'a> {
    pub date: NaiveDate,
    pub name: &'a str,
    pub source: &'a str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    rule: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    title: String,
    source: String,
    compensation: String,
    confidence: String,
    valid_from: Option<toml::value::Datetime>,
    valid_to: Option<toml::value::Datetime>,
    note: Option<String>,
    holidays: Vec<RawHoliday>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHoliday {
    name: String,
    compensatory_name: Option<String>,
    solar: Option<String>,
    lunar: Option<String>,
    tet_days: Option<u32>,
    adjacent_to: Option<String>,
    compensated: Option<bool>,
}

fn month_day(s: &str, what: &str) -> Result<(u32, u32), String> {
    let bad = || format!("{what} \"{s}\" is not a month and day written \"MM-DD\"");
    let (m, d) = s.split_once('-').ok_or_else(bad)?;
    let (m, d): (u32, u32) = (m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
    if (1..=12).contains(&m) && (1..=31).contains(&d) {
        Ok((m, d))
    } else {
        Err(bad())
    }
}

fn date(dt: Option<toml::value::Datetime>, what: &str) -> Result<Option<NaiveDate>, String> {
    let Some(dt) = dt else { return Ok(None) };
    match (dt.date, dt.time, dt.offset) {
        (Some(d), None, None) => {
            NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                .map(Some)
                .ok_or_else(|| format!("{what} {d} is not a real date"))
        }
        _ => Err(format!("{what} {dt} must be a date alone, like 2021-01-01")),
    }
}

impl Statutory {
    /// Reads the rules file; the message says which rule or holiday is wrong.
    pub fn parse(text: &str) -> Result<Self, String> {
        let raw: RawFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut rules = Vec::new();
        for r in raw.rule {
            let at = |what: &str| format!("rule `{}`: {what}", r.id);
            let mut holidays = Vec::new();
            for h in r.holidays {
                let kinds = [
                    h.solar
                        .as_deref()
                        .map(|s| month_day(s, "solar").map(|(m, d)| Kind::Solar(m, d))),
                    h.lunar
                        .as_deref()
                        .map(|s| month_day(s, "lunar").map(|(m, d)| Kind::Lunar(m, d))),
                    h.tet_days.map(|n| {
                        if (1..=15).contains(&n) {
                            Ok(Kind::Tet(n))
                        } else {
                            Err(format!("tet_days = {n} is not 1 to 15"))
                        }
                    }),
                    h.adjacent_to
                        .as_deref()
                        .map(|s| month_day(s, "adjacent_to").map(|(m, d)| Kind::AdjacentTo(m, d))),
                ];
                let mut given = kinds.into_iter().flatten();
                let kind = match (given.next(), given.next()) {
                    (Some(k), None) => {
                        k.map_err(|e| at(&format!("holiday \"{}\": {e}", h.name)))?
                    }
                    _ => {
                        return Err(at(&format!(
                            "holiday \"{}\" needs exactly one of solar, lunar, tet_days, adjacent_to",
                            h.name
                        )));
                    }
                };
                holidays.push(Holiday {
                    compensatory_name: h
                        .compensatory_name
                        .unwrap_or_else(|| format!("Nghỉ bù {}", h.name)),
                    name: h.name,
                    kind,
                    compensated: h.compensated.unwrap_or(true),
                });
            }
            let info = StatutoryRule {
                valid_from: date(r.valid_from, "valid_from").map_err(|e| at(&e))?,
                valid_to: date(r.valid_to, "valid_to").map_err(|e| at(&e))?,
                id: r.id,
                title: r.title,
                source: r.source,
                compensation: r.compensation,
                confidence: r.confidence,
                note: r.note,
            };
            rules.push(Rule { info, holidays });
        }
        Ok(Self { rules })
    }

    /// The built-in rules.
    ///
    /// # Panics
    /// Never: the embedded file is checked by the tests.
    pub fn builtin() -> Self {
        Self::parse(STATUTORY_TOML).expect("the embedded calendars/vn-statutory.toml is valid")
    }

    /// The rules in force on some day of `year`.
    pub fn rules_of_year(&self, year: i32) -> Vec<StatutoryRule> {
        self.rules
            .iter()
            .filter(|r| r.info.touches_year(year))
            .map(|r| r.info.clone())
            .collect()
    }

    /// The statutory holidays of `year` with their compensatory days off, sorted by date.
    ///
    /// Rest days are the `weekend` ones (indexed by `num_days_from_monday`). Dates of weekend
    /// holidays are included (with the holiday's name) as well as the weekdays they close.
    /// Holidays are served in date order: each one falling on a rest day, or on a date already
    /// closed, gives a day off on the next date that is neither a rest day nor closed (2023:
    /// Giỗ Tổ Sat 29/4 → Tue 2/5 and 30/4 Sun → Wed 3/5, Mon 1/5 being a holiday); Tết's own
    /// days alternate before and after it.
    ///
    /// # Panics
    /// If the year is outside chrono's range.
    pub fn closures(&self, year: i32, weekend: [bool; 7]) -> Vec<Closure<'_>> {
        let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d);
        let rest = |d: NaiveDate| weekend[d.weekday().num_days_from_monday() as usize];
        // (date, holiday, rule) of every holiday in force on its date; Tết's days apart.
        let mut days: Vec<(NaiveDate, &Holiday, &Rule)> = Vec::new();
        let mut tet: Vec<(NaiveDate, &Holiday, &Rule)> = Vec::new();
        for rule in &self.rules {
            for h in &rule.holidays {
                let dates: Vec<NaiveDate> = match h.kind {
                    Kind::Solar(m, d) => ymd(m, d).into_iter().collect(),
                    Kind::Lunar(m, d) => lunar::lunar_to_solar(year, m, d, false)
                        .into_iter()
                        .collect(),
                    Kind::Tet(n) => {
                        let first = lunar::lunar_new_year(year);
                        let eve = first - Days::new(1);
                        eve.iter_days().take(n as usize).collect()
                    }
                    Kind::AdjacentTo(m, d) => ymd(m, d)
                        .map(|base| {
                            if base.weekday() == Weekday::Thu {
                                base + Days::new(1)
                            } else {
                                base - Days::new(1)
                            }
                        })
                        .into_iter()
                        .collect(),
                };
                let target = if matches!(h.kind, Kind::Tet(_)) {
                    &mut tet
                } else {
                    &mut days
                };
                target.extend(
                    dates
                        .into_iter()
                        .filter(|&d| rule.info.covers(d))
                        .map(|d| (d, h, rule)),
                );
            }
        }
        days.sort_by_key(|&(d, _, _)| d);
        tet.sort_by_key(|&(d, _, _)| d);
        tet.dedup_by_key(|&mut (d, _, _)| d);
        // closed date -> (name, source, is a Tết day)
        let mut closed: BTreeMap<NaiveDate, (&str, &str, bool)> = tet
            .iter()
            .map(|&(d, h, r)| (d, (h.name.as_str(), r.info.source.as_str(), true)))
            .collect();
        let mut tet_owed = tet
            .iter()
            .filter(|&&(d, h, _)| h.compensated && rest(d))
            .count();
        let tet_comp = tet
            .first()
            .map(|&(_, h, r)| (h.compensatory_name.as_str(), r.info.compensation.as_str()));
        let mut owed = Vec::new();
        for &(d, h, r) in &days {
            if h.compensated && (rest(d) || closed.contains_key(&d)) {
                if closed.get(&d).is_some_and(|c| c.2) && !rest(d) {
                    tet_owed += 1;
                } else {
                    owed.push((d, h, r));
                }
            }
            closed
                .entry(d)
                .or_insert((h.name.as_str(), r.info.source.as_str(), false));
        }
        if weekend.iter().all(|&w| w) {
            return closures_of(closed);
        }
        let free =
            |d: &NaiveDate, closed: &BTreeMap<NaiveDate, _>| !rest(*d) && !closed.contains_key(d);
        // Tết: the compensatory days alternate before and after the Tết days, the first before.
        if let (Some((tet_name, tet_source)), Some(first), Some(last)) =
            (tet_comp, tet.first(), tet.last())
        {
            let (mut before, mut after) = (first.0, last.0);
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
                closed.insert(d, (tet_name, tet_source, false));
            }
        }
        // The others: the next date that is neither a rest day nor already closed.
        for (d, h, r) in owed {
            let c = d
                .iter_days()
                .skip(1)
                .find(|c| free(c, &closed))
                .expect("a date");
            closed.insert(
                c,
                (
                    h.compensatory_name.as_str(),
                    r.info.compensation.as_str(),
                    false,
                ),
            );
        }
        closures_of(closed)
    }
}

/// The closed dates as a sorted list.
fn closures_of<'a>(closed: BTreeMap<NaiveDate, (&'a str, &'a str, bool)>) -> Vec<Closure<'a>> {
    closed
        .into_iter()
        .map(|(date, (name, source, _))| Closure { date, name, source })
        .collect()
}
