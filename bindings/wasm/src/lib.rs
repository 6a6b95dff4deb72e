//! # motcua-wasm
//!
//! The WebAssembly face of motcua, built into the npm package `motcua` by
//! `bindings/wasm/build.sh`. Everything is computed by `motcua-core` and `motcua-io`; this
//! crate only moves values across the boundary:
//!
//! - inputs (text or bytes, periods, options) are checked and converted;
//! - results are the crates' `serde` values, serialized with `serde_json` and handed to
//!   JavaScript as plain objects (`JSON.parse`), so they are exactly the CLI's JSON;
//! - every failure is a thrown `Error` whose `name` says its kind (see [`error::kind`]),
//!   with `line` and `column` where they apply. Nothing panics on bad input.
//!
//! The functions whose public form takes an options object are exported under internal
//! names (`__parseCsv`, …); `js/api.js` destructures the options and calls them.
#![warn(missing_docs)]

mod error;
mod forms;
mod grading;
mod input;
mod request;
mod sample;

use std::cell::RefCell;

use js_sys::{Function, JSON};
use motcua_core::calendar::Calendar as CoreCalendar;
use motcua_core::dossier::Dataset;
use motcua_core::format::{self, Lang};
use motcua_core::period::{Period, PeriodKind};
use motcua_io::dossiers::read_dossiers;
use motcua_io::input::{InputFormat, InputOptions, read_bytes};
use serde::Serialize;
use wasm_bindgen::prelude::*;

pub use error::kind;

/// Serializes a value and parses it in JavaScript: the object has the same keys and values
/// as the CLI's `--format json` output.
pub(crate) fn to_js<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(v).map_err(|e| error::error(kind::READ, &e.to_string()))?;
    JSON::parse(&text)
}

/// The version of the package.
#[wasm_bindgen]
#[must_use]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

// ---------------------------------------------------------------------------------------
// Calendars

/// A work calendar: which dates are working days, the receipt cutoff, due dates.
#[wasm_bindgen]
pub struct Calendar {
    pub(crate) inner: CoreCalendar,
}

#[wasm_bindgen]
impl Calendar {
    /// The built-in Vietnamese calendar for state agencies.
    #[must_use]
    pub fn vn() -> Calendar {
        Calendar {
            inner: CoreCalendar::vn(),
        }
    }

    /// Saturdays and Sundays off, nothing else.
    #[must_use]
    pub fn blank() -> Calendar {
        Calendar {
            inner: CoreCalendar::blank(),
        }
    }

    /// A calendar from the text of a TOML calendar file (contract section 4).
    #[wasm_bindgen(js_name = fromToml)]
    pub fn from_toml(text: &JsValue) -> Result<Calendar, JsValue> {
        let text = input::text(text, "Calendar.fromToml: the calendar")?;
        CoreCalendar::from_toml(&text)
            .map(|inner| Calendar { inner })
            .map_err(|e| error::calendar(&e))
    }

    /// The calendar's name.
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn name(&self) -> String {
        self.inner.name().to_owned()
    }

    /// The receipt cutoff, `HH:MM`.
    #[wasm_bindgen(getter, js_name = receiptCutoff)]
    #[must_use]
    pub fn receipt_cutoff(&self) -> String {
        self.inner.receipt_cutoff().format("%H:%M").to_string()
    }

    /// The weekly rest days, Monday first (`Sat`, `Sun`).
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn weekend(&self) -> Vec<String> {
        self.inner
            .weekend()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    /// A year of the calendar as contract section 8 prints it (`motcua calendar --format json`).
    pub fn year(&self, year: &JsValue) -> Result<JsValue, JsValue> {
        let y = input::integer(year, 1.0, 9999.0, "Calendar.year: the year")?;
        to_js(&self.inner.year(y as i32))
    }

    /// Whether a date (any form of contract section 2) is a working day.
    #[wasm_bindgen(js_name = isWorkingDay)]
    pub fn is_working_day(&self, day: &JsValue) -> Result<bool, JsValue> {
        let d = input::date(day, "Calendar.isWorkingDay: the date")?;
        Ok(self.inner.is_working_day(d))
    }

    /// The name of the holiday or day off closing a date, or `null`.
    #[wasm_bindgen(js_name = holidayName)]
    pub fn holiday_name(&self, day: &JsValue) -> Result<JsValue, JsValue> {
        let d = input::date(day, "Calendar.holidayName: the date")?;
        Ok(self
            .inner
            .holiday_name(d)
            .map_or(JsValue::NULL, JsValue::from))
    }

    /// The due date (`yyyy-mm-dd`) of a dossier received at `received` (a timestamp of
    /// contract section 2) with a limit of `days` working days (contract section 4).
    #[wasm_bindgen(js_name = dueDate)]
    pub fn due_date(&self, received: &JsValue, days: &JsValue) -> Result<String, JsValue> {
        let t = input::timestamp(received, "Calendar.dueDate: the receipt time")?;
        let n = input::integer(
            days,
            0.0,
            f64::from(input::MAX_DAYS),
            "Calendar.dueDate: the days",
        )?;
        self.inner
            .checked_due_date(&t, n as u32)
            .map(|d| d.to_string())
            .ok_or_else(|| {
                error::error(
                    error::kind::CALENDAR,
                    "Calendar.dueDate: the due date is past the year 9999",
                )
            })
    }

    /// Working days in `(from, to]`; negative when `to` is before `from`.
    #[wasm_bindgen(js_name = workingDaysBetween)]
    pub fn working_days_between(&self, from: &JsValue, to: &JsValue) -> Result<f64, JsValue> {
        let a = input::date(from, "Calendar.workingDaysBetween: from")?;
        let b = input::date(to, "Calendar.workingDaysBetween: to")?;
        Ok(self.inner.working_days_between(a, b) as f64)
    }
}

// ---------------------------------------------------------------------------------------
// Dossiers

/// A validated table of dossiers held in WebAssembly memory, with the summary of the rows
/// it was read from. Free it with `free()` (or let the garbage collector do it).
#[wasm_bindgen]
pub struct Dossiers {
    pub(crate) ds: Dataset,
}

#[wasm_bindgen]
impl Dossiers {
    /// Number of dossiers (used rows).
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn length(&self) -> f64 {
        self.ds.len() as f64
    }

    /// The rejected rows: `{line, column, message}` each, in input order.
    #[wasm_bindgen(getter)]
    pub fn errors(&self) -> Result<JsValue, JsValue> {
        to_js(&self.ds.input.errors)
    }

    /// The rejected rows from `start` to `end` (excluded), as `Array.prototype.slice` takes
    /// them: a page of a long list without copying all of it.
    #[wasm_bindgen(js_name = errorsSlice)]
    pub fn errors_slice(&self, start: &JsValue, end: &JsValue) -> Result<JsValue, JsValue> {
        let errors = &self.ds.input.errors;
        let n = errors.len() as f64;
        let a = input::integer(start, 0.0, input::MAX_SAFE, "errorsSlice: start")?.min(n) as usize;
        let b = if end.is_undefined() {
            n
        } else {
            input::integer(end, 0.0, input::MAX_SAFE, "errorsSlice: end")?.min(n)
        } as usize;
        to_js(&errors[a..b.max(a)])
    }

    /// The input summary: `rows = used + rejected + not_received`, and the errors.
    #[wasm_bindgen(getter)]
    pub fn input(&self) -> Result<JsValue, JsValue> {
        to_js(&self.ds.input)
    }

    /// The agency codes (`DonViXuLy`) of the used rows, in order of first appearance.
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn agencies(&self) -> Vec<String> {
        self.ds.agencies.names().map(str::to_owned).collect()
    }

    /// The official codes (`CanBoTiepNhan`) of the used rows, in order of first appearance.
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn officials(&self) -> Vec<String> {
        self.ds.officials.names().map(str::to_owned).collect()
    }

    /// The first and last receipt dates of the dossiers, `{from, to}`, or `null` when empty.
    #[wasm_bindgen(getter, js_name = receivedRange)]
    pub fn received_range(&self) -> Result<JsValue, JsValue> {
        let mut it = self.ds.dossiers.iter().map(|d| d.received);
        let Some(first) = it.next() else {
            return Ok(JsValue::NULL);
        };
        let (lo, hi) = it.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d)));
        to_js(&serde_json::json!({ "from": lo, "to": hi }))
    }
}

thread_local! {
    /// The progress callback of the read in course, with the input's size, and the first
    /// exception it threw. The reader wants a `Sync` callback: it reaches the JavaScript
    /// function through here (WebAssembly here runs on one thread).
    static PROGRESS: RefCell<Option<(Function, f64, Option<JsValue>)>> = const { RefCell::new(None) };
}

fn report_progress(bytes: u64) {
    // The callback runs with nothing borrowed: it may call the package again.
    let Some((f, total)) = PROGRESS.with(|p| {
        p.borrow()
            .as_ref()
            .and_then(|(f, total, thrown)| thrown.is_none().then(|| (f.clone(), *total)))
    }) else {
        return;
    };
    if let Err(e) = f.call2(&JsValue::NULL, &(bytes as f64).into(), &total.into()) {
        PROGRESS.with(|p| {
            if let Some((_, _, thrown)) = p.borrow_mut().as_mut() {
                thrown.get_or_insert(e);
            }
        });
    }
}

/// Reads a CSV dossier table (contract sections 1–6). Called by `parseCsv`.
#[wasm_bindgen(js_name = "__parseCsv")]
pub fn parse_csv(
    data: &JsValue,
    calendar: &Calendar,
    read: &JsValue,
    on_progress: Option<Function>,
) -> Result<Dossiers, JsValue> {
    let opts = request::read_options(read, "parseCsv")?.read;
    let bytes = input::bytes(data, "parseCsv: the input")?;
    let total = bytes.len() as f64;
    // Saved and put back, so that a read started from a progress callback nests.
    let outer = PROGRESS.with(|p| p.replace(on_progress.map(|f| (f, total, None))));
    let mut dossiers = Vec::new();
    let read = read_dossiers(&bytes[..], &calendar.inner, &opts, &report_progress, |d| {
        dossiers.push(*d);
    });
    if read.is_ok() {
        // The reader counts the bytes after the header: say that everything was read.
        report_progress(bytes.len() as u64);
    }
    let thrown = PROGRESS.with(|p| p.replace(outer)).and_then(|(_, _, e)| e);
    let ing = read.map_err(|e| error::read(&e))?;
    if let Some(e) = thrown {
        return Err(e);
    }
    Ok(Dossiers {
        ds: ing.into_dataset(dossiers),
    })
}

/// Reads the dossier table from an Excel workbook (`.xlsx`): the first sheet, or `sheet`.
/// Called by `parseXlsx`.
#[wasm_bindgen(js_name = "__parseXlsx")]
pub fn parse_xlsx(
    data: &JsValue,
    calendar: &Calendar,
    read: &JsValue,
) -> Result<Dossiers, JsValue> {
    let opts = request::read_options(read, "parseXlsx")?;
    let bytes = input::bytes(data, "parseXlsx: the workbook")?;
    read_format(InputFormat::Xlsx, &bytes, calendar, opts, kind::XLSX)
}

/// Reads the national portal's dossier records (a JSON array, or JSON Lines). Called by
/// `parseJson`.
#[wasm_bindgen(js_name = "__parseJson")]
pub fn parse_json(
    data: &JsValue,
    calendar: &Calendar,
    read: &JsValue,
) -> Result<Dossiers, JsValue> {
    let opts = request::read_options(read, "parseJson")?;
    let bytes = input::bytes(data, "parseJson: the input")?;
    read_format(InputFormat::Json, &bytes, calendar, opts, kind::JSON)
}

fn read_format(
    format: InputFormat,
    bytes: &[u8],
    calendar: &Calendar,
    mut opts: InputOptions,
    file_error: &str,
) -> Result<Dossiers, JsValue> {
    opts.format = Some(format);
    let mut dossiers = Vec::new();
    let ing = read_bytes(format, bytes, &calendar.inner, &opts, |d| dossiers.push(*d))
        .map_err(|e| error::input(&e, file_error))?;
    Ok(Dossiers {
        ds: ing.into_dataset(dossiers),
    })
}

// ---------------------------------------------------------------------------------------
// Periods and reports

/// The period of `{period}` or `{from, to}` (the JavaScript side checked the types).
pub(crate) fn resolve_period(
    period: Option<String>,
    from: Option<String>,
    to: Option<String>,
) -> Result<Period, JsValue> {
    match (period, from, to) {
        (Some(p), None, None) => p.parse::<Period>().map_err(|e| error::period(&e)),
        (None, Some(f), Some(t)) => {
            let f = motcua_core::record::parse_date(&f)
                .map_err(|e| error::period(&format!("from: {e}")))?;
            let t = motcua_core::record::parse_date(&t)
                .map_err(|e| error::period(&format!("to: {e}")))?;
            Period::range(f, t).map_err(|e| error::period(&e))
        }
        (None, None, None) => Err(error::argument(
            "give a period: {period: '2021-Q3'} (or '2021-07', '2021'), or {from: '2021-07-01', to: '2021-09-30'}",
        )),
        (Some(_), _, _) => Err(error::argument("give either period or from/to, not both")),
        _ => Err(error::argument("from and to go together")),
    }
}

pub(crate) fn lang(l: Option<String>) -> Result<Lang, JsValue> {
    l.map_or(Ok(Lang::Vi), |l| {
        l.parse()
            .map_err(|e: format::LangError| error::argument(e.to_string()))
    })
}

/// The period report as the CLI's text table. Called by `reportText`.
#[wasm_bindgen(js_name = "__reportText")]
pub fn report_text(
    ds: &Dossiers,
    period: Option<String>,
    from: Option<String>,
    to: Option<String>,
    language: Option<String>,
) -> Result<String, JsValue> {
    let p = resolve_period(period, from, to)?;
    let l = lang(language)?;
    Ok(format::report_text(&motcua_io::report::build(&ds.ds, p), l))
}

/// The period report as the CLI's CSV (one row per agency and a TOTAL row). Called by
/// `reportCsv`.
#[wasm_bindgen(js_name = "__reportCsv")]
pub fn report_csv(
    ds: &Dossiers,
    period: Option<String>,
    from: Option<String>,
    to: Option<String>,
) -> Result<String, JsValue> {
    let p = resolve_period(period, from, to)?;
    Ok(motcua_io::report::to_csv(&motcua_io::report::build(
        &ds.ds, p,
    )))
}

/// What a period text means: `{from, to, kind, text, label_vi, label_en, previous}`.
#[wasm_bindgen(js_name = parsePeriod)]
pub fn parse_period(text: &JsValue) -> Result<JsValue, JsValue> {
    let t = input::text(text, "parsePeriod: the period")?;
    let p: Period = t.parse().map_err(|e| error::period(&e))?;
    to_js(&period_json(&p, true))
}

fn period_json(p: &Period, with_previous: bool) -> serde_json::Value {
    let kind = match p.kind() {
        PeriodKind::Month => "month",
        PeriodKind::Quarter => "quarter",
        PeriodKind::Year => "year",
        PeriodKind::Range => "range",
    };
    let mut v = serde_json::json!({
        "from": p.from().to_string(), "to": p.to().to_string(), "kind": kind, "text": p.to_string(),
        "label_vi": p.label_vi(), "label_en": p.label_en(), "days": p.days(),
    });
    if with_previous {
        v["previous"] = p
            .previous()
            .map_or(serde_json::Value::Null, |q| period_json(&q, false));
    }
    v
}

// ---------------------------------------------------------------------------------------
// Formatting, the way the reports write numbers

/// A whole number with thousands separators: `12.656` (vi, the default), `12,656` (en).
#[wasm_bindgen(js_name = formatInt)]
pub fn format_int(n: &JsValue, language: Option<String>) -> Result<String, JsValue> {
    let v = input::number(n, "formatInt: the number")?;
    if v.fract() != 0.0 || v.abs() > input::MAX_SAFE {
        return Err(error::argument(format!(
            "formatInt: {v} is not a whole number"
        )));
    }
    Ok(format::signed(v as i64, lang(language)?))
}

/// `numerator / denominator` as a percentage rounded half away from zero to 2 decimals,
/// computed exactly (`95,49 %`, `100 %`; en `95.49%`), or `null` when the denominator is 0.
#[wasm_bindgen(js_name = formatPercent)]
pub fn format_percent(
    numerator: &JsValue,
    denominator: &JsValue,
    language: Option<String>,
) -> Result<Option<String>, JsValue> {
    let n = input::integer(
        numerator,
        0.0,
        input::MAX_SAFE,
        "formatPercent: the numerator",
    )?;
    let d = input::integer(
        denominator,
        0.0,
        input::MAX_SAFE,
        "formatPercent: the denominator",
    )?;
    Ok(format::percent(n as u64, d as u64, lang(language)?))
}

/// A signed relative change (`0.1335` → `+13,35 %`).
#[wasm_bindgen(js_name = formatChange)]
pub fn format_change(value: &JsValue, language: Option<String>) -> Result<String, JsValue> {
    let v = input::number(value, "formatChange: the value")?;
    if !v.is_finite() || v.abs() > 1e12 {
        return Err(error::argument(format!(
            "formatChange: {v} is not a relative change"
        )));
    }
    Ok(format::change_percent(v, lang(language)?))
}

/// A decimal with `places` digits (0–6) after the comma (vi) or point (en): `16,5`.
#[wasm_bindgen(js_name = formatDecimal)]
pub fn format_decimal(
    value: &JsValue,
    places: &JsValue,
    language: Option<String>,
) -> Result<String, JsValue> {
    let v = input::number(value, "formatDecimal: the value")?;
    if !v.is_finite() {
        return Err(error::argument(format!(
            "formatDecimal: {v} is not a finite number"
        )));
    }
    let p = input::integer(places, 0.0, 6.0, "formatDecimal: the places")?;
    Ok(format::decimal(v, p as usize, lang(language)?))
}

/// The label of a count or rate of the report (`received` → `Tiếp nhận` / `Received`), or
/// `null` for an unknown name.
#[wasm_bindgen(js_name = countLabel)]
pub fn count_label(name: &str, language: Option<String>) -> Result<Option<String>, JsValue> {
    let l = format::count_label(name, lang(language)?);
    Ok((l != "?").then(|| l.to_owned()))
}

/// The names of the counts of contract section 5, in the contract's order.
#[wasm_bindgen(js_name = countNames)]
#[must_use]
pub fn count_names() -> Vec<String> {
    motcua_core::count::Counts::NAMES
        .iter()
        .map(|s| (*s).to_owned())
        .collect()
}

/// The names of the rates of contract section 5, in the contract's order.
#[wasm_bindgen(js_name = rateNames)]
#[must_use]
pub fn rate_names() -> Vec<String> {
    motcua_core::report::Rates::of(&motcua_core::count::Counts::default())
        .named()
        .iter()
        .map(|(n, _)| (*n).to_owned())
        .collect()
}
