//! JavaScript options objects into the resolution layer (`motcua_io::resolve`): a thin
//! translation; every rule and message is the layer's. There is no file system here: a
//! value that is not a built-in name must be the file's text or bytes.

use js_sys::Reflect;
use motcua_io::list::ListFilters;
use motcua_io::resolve::{
    Files, Given, Input, ListSpec, Options, PeriodSpec, Request, ResolveError, kind,
};
use wasm_bindgen::prelude::*;

use crate::{Calendar, Dossiers, error, input, to_js};

/// The error of the layer as a thrown `Error` named after its kind.
pub(crate) fn resolve_error(e: &ResolveError) -> JsValue {
    let column = match e.text_column() {
        Some(c) => Some(JsValue::from(c as f64)),
        None => e.column().map(JsValue::from),
    };
    error::positioned(
        e.kind().js_name(),
        &e.to_string(),
        e.line().map(|l| l as f64),
        column,
    )
}

fn field(o: &JsValue, k: &str) -> JsValue {
    if o.is_undefined() || o.is_null() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(o, &k.into()).unwrap_or(JsValue::UNDEFINED)
}

fn opt_str(o: &JsValue, k: &str, f: &str) -> Result<Option<String>, JsValue> {
    let v = field(o, k);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_string().map(Some).ok_or_else(|| {
        error::argument(format!(
            "{f}: {k} must be a string (got {})",
            input::type_of(&v)
        ))
    })
}

/// A value given as text or bytes.
enum Value {
    Text(String),
    Bytes(Vec<u8>),
}

impl Value {
    fn given(&self) -> Given<'_> {
        match self {
            Self::Text(t) => Given::Text(t),
            Self::Bytes(b) => Given::Bytes(b),
        }
    }
}

fn opt_value(o: &JsValue, k: &str, f: &str) -> Result<Option<Value>, JsValue> {
    let v = field(o, k);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    if let Some(s) = v.as_string() {
        return Ok(Some(Value::Text(s)));
    }
    input::bytes(&v, &format!("{f}: {k}")).map(|b| Some(Value::Bytes(b)))
}

/// A key given as a string or an array of strings (`by`, `conventions`).
fn names(o: &JsValue, k: &str, f: &str) -> Result<Vec<String>, JsValue> {
    let v = field(o, k);
    if v.is_undefined() || v.is_null() {
        return Ok(Vec::new());
    }
    if let Some(s) = v.as_string() {
        return Ok(vec![s]);
    }
    if js_sys::Array::is_array(&v) {
        return js_sys::Array::from(&v)
            .iter()
            .map(|x| {
                x.as_string()
                    .ok_or_else(|| error::argument(format!("{f}: {k} must hold strings")))
            })
            .collect();
    }
    Err(error::argument(format!(
        "{f}: {k} must be a string or an array of strings (got {})",
        input::type_of(&v)
    )))
}

fn flag(o: &JsValue, k: &str) -> bool {
    field(o, k).as_bool().unwrap_or(false)
}

/// The reading options of `parseCsv`, `parseXlsx` and `parseJson` (`strict`, `sheet`,
/// `profile`, `catalog`, `deadlineFrom`), resolved by the layer as for a request.
pub(crate) fn read_options(
    o: &JsValue,
    f: &str,
) -> Result<motcua_io::input::InputOptions, JsValue> {
    let profile = opt_value(o, "profile", f)?;
    let catalog = opt_value(o, "catalog", f)?;
    let deadline_from = opt_str(o, "deadlineFrom", f)?;
    let sheet = opt_str(o, "sheet", f)?;
    let opts = Options {
        strict: flag(o, "strict"),
        sheet: sheet.as_deref(),
        profile: profile.as_ref().map(Value::given),
        catalog: catalog.as_ref().map(Value::given),
        deadline_from: deadline_from.as_deref(),
        ..Options::default()
    };
    let mut read = opts
        .read_options(Files::None)
        .map_err(|e| resolve_error(&e))?;
    read.read.threads = 1;
    Ok(read)
}

/// Resolves an options object; `calendar` is a `Calendar` object given in place of
/// `calendar` text (the JavaScript side passes it separately, with `calendar_object`).
fn request(o: &JsValue, calendar: Option<&Calendar>, f: &str) -> Result<Request, JsValue> {
    let (period, from, to) = (
        opt_str(o, "period", f)?,
        opt_str(o, "from", f)?,
        opt_str(o, "to", f)?,
    );
    let by = names(o, "by", f)?;
    let conventions = names(o, "conventions", f)?;
    let profile = opt_value(o, "profile", f)?;
    let (every, compare) = (opt_str(o, "every", f)?, opt_str(o, "compare", f)?);
    let rulebook = opt_value(o, "rulebook", f)?;
    let cal_text = opt_value(o, "calendar", f)?;
    let units = opt_value(o, "units", f)?;
    let catalog = opt_value(o, "catalog", f)?;
    let ratings = opt_value(o, "ratings", f)?;
    let (format, sheet) = (opt_str(o, "format", f)?, opt_str(o, "sheet", f)?);
    let deadline_from = opt_str(o, "deadlineFrom", f)?;
    let opts = Options {
        period: PeriodSpec {
            period: period.as_deref(),
            from: from.as_deref(),
            to: to.as_deref(),
        },
        by: by.iter().map(String::as_str).collect(),
        every: every.as_deref(),
        compare: compare.as_deref(),
        rulebook: rulebook.as_ref().map(Value::given),
        calendar: cal_text.as_ref().map(Value::given),
        units: units.as_ref().map(Value::given),
        catalog: catalog.as_ref().map(Value::given),
        ratings: ratings.as_ref().map(Value::given),
        slip_means: opt_str(o, "means", f)?.as_deref() == Some("slips"),
        successors: flag(o, "successors"),
        strict: flag(o, "strict"),
        format: format.as_deref(),
        sheet: sheet.as_deref(),
        profile: profile.as_ref().map(Value::given),
        limits: motcua_io::resolve::Limits::default(),
        deadline_from: deadline_from.as_deref(),
        conventions: conventions.iter().map(String::as_str).collect(),
    };
    let mut req = Request::resolve(&opts, Files::None).map_err(|e| resolve_error(&e))?;
    if let Some(c) = calendar {
        req.calendar = std::sync::Arc::new(c.inner.clone());
        req.read_options_given.push("calendar");
    }
    req.read.read.threads = 1;
    Ok(req)
}

/// `[result, warnings]`: the result with the request's warnings (`Outcome::all_warnings`),
/// which `api.js` attaches to the result and gives to `onWarning`.
fn with_warnings(
    result: &str,
    req: &Request,
    out: &motcua_io::resolve::Outcome,
) -> Result<JsValue, JsValue> {
    let pair = js_sys::Array::new();
    pair.push(&js_sys::JSON::parse(result)?);
    pair.push(&to_js(&out.all_warnings(req))?);
    Ok(pair.into())
}

fn report_of(req: &Request, input: Input<'_>) -> Result<JsValue, JsValue> {
    let out = motcua_io::resolve::run(req, input, &|_| {}).map_err(|e| resolve_error(&e))?;
    with_warnings(&out.report_json(), req, &out)
}

fn score_of(req: &mut Request, input: Input<'_>) -> Result<JsValue, JsValue> {
    if req.rulebook.is_none() {
        req.rulebook = Some(
            motcua_io::resolve::rulebook_or_default(None, Files::None)
                .map_err(|e| resolve_error(&e))?,
        );
    }
    req.plan.compare = None;
    let out = motcua_io::resolve::run(req, input, &|_| {}).map_err(|e| resolve_error(&e))?;
    with_warnings(&out.score_json().unwrap_or_default(), req, &out)
}

/// The report of dossiers already read. Called by `report`.
#[wasm_bindgen(js_name = "__reportOf")]
pub fn report_dossiers(ds: &Dossiers, opts: &JsValue) -> Result<JsValue, JsValue> {
    report_of(&request(opts, None, "report")?, Input::Dataset(&ds.ds))
}

/// The report of a table given as text or bytes, read and counted in one pass. Called by
/// `report`.
#[wasm_bindgen(js_name = "__reportFrom")]
pub fn report_input(
    data: &JsValue,
    opts: &JsValue,
    calendar: &Calendar,
    calendar_object: bool,
) -> Result<JsValue, JsValue> {
    let calendar = calendar_object.then_some(calendar);
    let bytes = input::bytes(data, "report: the input")?;
    report_of(&request(opts, calendar, "report")?, Input::Bytes(&bytes))
}

/// The grades of dossiers already read. Called by `score`.
#[wasm_bindgen(js_name = "__scoreOf")]
pub fn score_dossiers(ds: &Dossiers, opts: &JsValue) -> Result<JsValue, JsValue> {
    score_of(&mut request(opts, None, "score")?, Input::Dataset(&ds.ds))
}

/// The grades of a table given as text or bytes. Called by `score`.
#[wasm_bindgen(js_name = "__scoreFrom")]
pub fn score_input(
    data: &JsValue,
    opts: &JsValue,
    calendar: &Calendar,
    calendar_object: bool,
) -> Result<JsValue, JsValue> {
    let calendar = calendar_object.then_some(calendar);
    let bytes = input::bytes(data, "score: the input")?;
    score_of(&mut request(opts, calendar, "score")?, Input::Bytes(&bytes))
}

/// The dossiers behind one count (contract section 12) of a table given as text or bytes.
/// Called by `list`.
#[wasm_bindgen(js_name = "__listFrom")]
pub fn list_input(
    data: &JsValue,
    opts: &JsValue,
    calendar: &Calendar,
    calendar_object: bool,
) -> Result<JsValue, JsValue> {
    let calendar = calendar_object.then_some(calendar);
    let f = "list";
    let bytes = input::bytes(data, "list: the input")?;
    let mut req = request(opts, calendar, f)?;
    req.plan.compare = None;
    let count = opt_str(opts, "count", f)?
        .ok_or_else(|| error::argument("list: give the count (pending_overdue, resolved_late…)"))?;
    let within = field(opts, "within");
    let within = if within.is_undefined() || within.is_null() {
        None
    } else {
        Some(input::integer(&within, 0.0, f64::from(input::MAX_DAYS), "list: within")? as u32)
    };
    let spec = ListSpec {
        count: &count,
        within,
        filters: ListFilters {
            agency: opt_str(opts, "agency", f)?,
            procedure: opt_str(opts, "procedure", f)?,
            official: opt_str(opts, "official", f)?,
            field: opt_str(opts, "field", f)?,
            level: opt_str(opts, "level", f)?,
            channel: opt_str(opts, "channel", f)?,
        },
    };
    let list = motcua_io::resolve::list(&req, &spec, Input::Bytes(&bytes), &|_| {})
        .map_err(|e| resolve_error(&e))?;
    to_js(&list)
}

/// The table of error kinds: `[{js, python, python_parent}]`, one per kind.
#[wasm_bindgen(js_name = "errorKinds")]
pub fn error_kinds() -> Result<JsValue, JsValue> {
    let rows: Vec<serde_json::Value> = kind::ALL
        .iter()
        .map(|k| serde_json::json!({"js": k.js, "python": k.python, "python_parent": k.python_parent}))
        .collect();
    to_js(&rows)
}
