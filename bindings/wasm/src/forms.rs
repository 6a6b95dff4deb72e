//! Report form Biểu II.06a and the press announcement.

use std::collections::BTreeMap;

use motcua_core::announcement::{AnnouncementOptions, announcement as write_announcement};
use motcua_core::form06a::{self, Form06a, Form06aOptions};
use wasm_bindgen::prelude::*;

use crate::{Dossiers, error, grading, resolve_period, to_js};

/// The form's options: agency names from `names` (code → name) or, else, the units file.
fn form_options(
    units_file: &JsValue,
    names: &JsValue,
    reporting_unit: Option<String>,
    receiving_unit: Option<String>,
    closed_as_on_time: bool,
) -> Result<Form06aOptions, JsValue> {
    let mut map: BTreeMap<String, String> = grading::units(units_file)?
        .iter()
        .filter_map(|u| u.name.clone().map(|n| (u.code.clone(), n)))
        .collect();
    if !names.is_undefined() && !names.is_null() {
        let given: BTreeMap<String, String> = js_sys::JSON::stringify(names)
            .ok()
            .and_then(|s| s.as_string())
            .and_then(|s| serde_json::from_str(&s).ok())
            .ok_or_else(|| {
                error::argument("form06a: names must be an object of agency code → name (strings)")
            })?;
        map.extend(given);
    }
    let d = Form06aOptions::default();
    Ok(Form06aOptions {
        reporting_unit: reporting_unit.unwrap_or(d.reporting_unit),
        receiving_unit: receiving_unit.unwrap_or(d.receiving_unit),
        closed_as_on_time,
        names: map,
        ..d
    })
}

fn build(
    ds: &Dossiers,
    period: Option<String>,
    from: Option<String>,
    to: Option<String>,
    opts: &Form06aOptions,
) -> Result<Form06a, JsValue> {
    let p = resolve_period(period, from, to)?;
    Ok(Form06a::build(&motcua_io::report::build(&ds.ds, p), opts))
}

/// Report form Biểu II.06a: the form's rows, and the texts of its layout (title, number,
/// group headings, column headings). Called by `form06a`.
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen(js_name = "__form06a")]
pub fn form06a(
    ds: &Dossiers,
    period: Option<String>,
    from: Option<String>,
    to: Option<String>,
    units_file: &JsValue,
    names: &JsValue,
    reporting_unit: Option<String>,
    receiving_unit: Option<String>,
    closed_as_on_time: bool,
) -> Result<JsValue, JsValue> {
    let opts = form_options(
        units_file,
        names,
        reporting_unit,
        receiving_unit,
        closed_as_on_time,
    )?;
    let form = build(ds, period, from, to, &opts)?;
    let mut v =
        serde_json::to_value(&form).map_err(|e| error::error(error::kind::READ, &e.to_string()))?;
    if let Some(o) = v.as_object_mut() {
        o.insert("title".into(), form06a::TITLE.into());
        o.insert("form_number".into(), form06a::FORM_NUMBER.into());
        o.insert("issued_by".into(), form06a::ISSUED_BY.into());
        o.insert("unit".into(), form06a::UNIT.into());
        o.insert(
            "groups".into(),
            form06a::GROUPS
                .iter()
                .map(|(t, a, b)| serde_json::json!({"text": t, "first": a, "last": b}))
                .collect(),
        );
        o.insert("headings".into(), form.headings().into());
        o.insert("text_rows".into(), form.text_rows().into());
        o.insert("consistent".into(), form.is_consistent().into());
    }
    to_js(&v)
}

/// Report form Biểu II.06a as CSV (`csv`) or as an Excel workbook in the official layout
/// (`xlsx`, bytes). Called by `form06aFile`.
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen(js_name = "__form06aFile")]
pub fn form06a_file(
    ds: &Dossiers,
    period: Option<String>,
    from: Option<String>,
    to: Option<String>,
    units_file: &JsValue,
    names: &JsValue,
    reporting_unit: Option<String>,
    receiving_unit: Option<String>,
    closed_as_on_time: bool,
    xlsx: bool,
) -> Result<JsValue, JsValue> {
    let opts = form_options(
        units_file,
        names,
        reporting_unit,
        receiving_unit,
        closed_as_on_time,
    )?;
    let form = build(ds, period, from, to, &opts)?;
    if xlsx {
        let bytes = motcua_io::form06a::to_xlsx(&form)
            .map_err(|e| error::error(error::kind::XLSX, &e.to_string()))?;
        Ok(js_sys::Uint8Array::from(&bytes[..]).into())
    } else {
        Ok(motcua_io::form06a::to_csv(&form).into())
    }
}

/// The press announcement of a period's figures, with the grades when a rulebook or a units
/// file is given. Called by `announcement`.
#[wasm_bindgen(js_name = "__announcement")]
#[allow(
    clippy::too_many_arguments,
    reason = "one positional argument per option of the JS wrapper"
)]
pub fn announcement(
    ds: &Dossiers,
    period: Option<String>,
    from: Option<String>,
    to: Option<String>,
    language: Option<String>,
    center: Option<String>,
    units_file: &JsValue,
    rulebook_name: Option<String>,
) -> Result<String, JsValue> {
    let p = resolve_period(period, from, to)?;
    let lang = crate::lang(language)?;
    let report = motcua_io::report::build(&ds.ds, p);
    let graded = rulebook_name.is_some() || !(units_file.is_undefined() || units_file.is_null());
    let grading = if graded {
        let book = crate::grading::rulebook(rulebook_name)?;
        let units = crate::grading::units(units_file)?;
        let scores = motcua_core::grading::score_dataset(&ds.ds, &units, &book, p);
        Some(motcua_core::grading::announcement_summary(
            &scores, &book, lang,
        ))
    } else {
        None
    };
    Ok(write_announcement(
        &report,
        &AnnouncementOptions {
            lang,
            center,
            grading,
        },
    ))
}
