//! Errors thrown to JavaScript: `Error` objects whose `name` says the kind of failure, with
//! `line` and `column` where they apply.

use js_sys::{Error, Reflect};
use wasm_bindgen::JsValue;

/// The kinds of error, as the `name` of the thrown `Error`.
pub mod kind {
    /// A function was called with an argument or option of the wrong type or value.
    pub const ARGUMENT: &str = "ArgumentError";
    /// The header row of a table is unusable (missing required columns, empty input).
    pub const HEADER: &str = "HeaderError";
    /// A bad row, in strict mode.
    pub const ROW: &str = "RowError";
    /// Text that is not UTF-8.
    pub const ENCODING: &str = "EncodingError";
    /// The input could not be read at all.
    pub const READ: &str = "ReadError";
    /// A calendar TOML file that cannot be used.
    pub const CALENDAR: &str = "CalendarError";
    /// A period that cannot be read or built.
    pub const PERIOD: &str = "PeriodError";
    /// A units file that cannot be read.
    pub const UNITS: &str = "UnitsError";
    /// A rulebook that cannot be loaded.
    pub const RULEBOOK: &str = "RulebookError";
    /// A workbook that cannot be read or written.
    pub const XLSX: &str = "XlsxError";
    /// Portal JSON that cannot be read.
    pub const JSON: &str = "JsonError";
    /// An unknown sample profile.
    pub const SAMPLE: &str = "SampleError";
}

/// An `Error` with this `name` and `message`.
pub fn error(name: &str, message: &str) -> JsValue {
    let e = Error::new(message);
    e.set_name(name);
    e.into()
}

/// An `Error` with `line` (1-based) and `column` properties; `column` is a column name for
/// tables, a character position (1-based) for TOML.
pub fn positioned(
    name: &str,
    message: &str,
    line: Option<f64>,
    column: Option<JsValue>,
) -> JsValue {
    let e = error(name, message);
    if let Some(l) = line {
        let _ = Reflect::set(&e, &"line".into(), &l.into());
    }
    if let Some(c) = column {
        let _ = Reflect::set(&e, &"column".into(), &c);
    }
    e
}

/// An `ArgumentError`.
pub fn argument(message: impl AsRef<str>) -> JsValue {
    error(kind::ARGUMENT, message.as_ref())
}

/// A reader's error.
pub fn read(e: &motcua_io::ReadError) -> JsValue {
    use motcua_io::ReadError as R;
    let name = match e {
        R::Header(_) => kind::HEADER,
        R::Row(_) => kind::ROW,
        R::NotUtf8 { .. } => kind::ENCODING,
        _ => kind::READ,
    };
    let line = e.line().map(|l| l as f64);
    let column = match e {
        // A whole-record fault of a strict row has no column: say so with null.
        R::Row(r) => Some(r.column.as_deref().map_or(JsValue::NULL, JsValue::from)),
        _ => e.column().map(JsValue::from),
    };
    positioned(name, &e.to_string(), line, column)
}

/// A calendar file's error, with its 1-based line and column.
pub fn calendar(e: &motcua_core::calendar::CalendarError) -> JsValue {
    let (line, column) = e.position();
    positioned(
        kind::CALENDAR,
        &e.to_string(),
        Some(line as f64),
        Some((column as f64).into()),
    )
}

/// A period's error.
pub fn period(e: &impl std::fmt::Display) -> JsValue {
    error(kind::PERIOD, &e.to_string())
}

/// An error of the readers of any format; `file_error` names faults of the file as a whole.
pub fn input(e: &motcua_io::input::InputError, file_error: &str) -> JsValue {
    use motcua_io::input::{InputError as I, Place};
    let place_line = |p: &Place| match p {
        Place::Line(l) | Place::Row { row: l, .. } | Place::Record { number: l, .. } => *l as f64,
    };
    match e {
        I::Read(r) => read(r),
        I::File(m) => error(file_error, m),
        I::At { place, .. } => {
            positioned(file_error, &e.to_string(), Some(place_line(place)), None)
        }
        I::Row { error: r, .. } => positioned(
            kind::ROW,
            &e.to_string(),
            Some(r.line as f64),
            Some(r.column.as_deref().map_or(JsValue::NULL, JsValue::from)),
        ),
        _ => error(file_error, &e.to_string()),
    }
}

/// A units file's error, with its line and column.
pub fn units(e: &motcua_io::units::UnitsFileError) -> JsValue {
    positioned(
        kind::UNITS,
        &e.to_string(),
        e.line().map(|l| l as f64),
        e.column().map(JsValue::from),
    )
}

/// A rulebook's error, with its line (and column, for TOML syntax errors).
pub fn rulebook(e: &motcua_core::grading::RulebookError) -> JsValue {
    use motcua_core::grading::RulebookError as R;
    let column = match e {
        R::Toml { column, .. } => Some(JsValue::from(*column as f64)),
        _ => None,
    };
    positioned(
        kind::RULEBOOK,
        &e.to_string(),
        e.line().map(|l| l as f64),
        column,
    )
}
