//! Grading agencies and officials (contract sections 9 and 10).

use motcua_core::grading::{Rulebook, Units, builtin_names, builtin_toml, score_dataset};
use wasm_bindgen::prelude::*;

use crate::{Dossiers, error, input, resolve_period, to_js};

/// A built-in rulebook by name, or a rulebook from TOML text (whose `extends` may name a
/// built-in rulebook). Text is told from a name by its `=` or line break.
pub(crate) fn rulebook(name_or_text: Option<String>) -> Result<Rulebook, JsValue> {
    let s = name_or_text.unwrap_or_else(|| "circular-01-2018".to_owned());
    if s.contains(['=', '\n']) {
        return Rulebook::from_toml(&s).map_err(|e| error::rulebook(&e));
    }
    Rulebook::builtin(s.trim()).ok_or_else(|| {
        error::error(
            error::kind::RULEBOOK,
            &format!(
                "unknown rulebook '{s}' (built-in rulebooks: {}; or give a rulebook's TOML text)",
                builtin_names().join(", ")
            ),
        )
    })
}

/// The agency facts of a units file (text or bytes), or none.
pub(crate) fn units(data: &JsValue) -> Result<Units, JsValue> {
    if data.is_undefined() || data.is_null() {
        return Ok(Units::new());
    }
    let bytes = input::bytes(data, "the units file")?;
    motcua_io::units::read_units(&bytes[..]).map_err(|e| error::units(&e))
}

/// The grades as the CLI's text (`motcua score`). Called by `scoreText`.
#[wasm_bindgen(js_name = "__scoreText")]
pub fn score_text(
    ds: &Dossiers,
    units_file: &JsValue,
    rulebook_name: Option<String>,
    period: Option<String>,
    from: Option<String>,
    to: Option<String>,
    language: Option<String>,
) -> Result<String, JsValue> {
    let p = resolve_period(period, from, to)?;
    let l = crate::lang(language)?;
    let report = score_dataset(&ds.ds, &units(units_file)?, &rulebook(rulebook_name)?, p);
    Ok(motcua_core::grading::score_text(&report, l))
}

/// The built-in rulebooks: id, names, maximum, bands and TOML text of each.
#[wasm_bindgen(js_name = "rulebooks")]
pub fn rulebooks() -> Result<JsValue, JsValue> {
    let list: Vec<serde_json::Value> = builtin_names()
        .into_iter()
        .map(|n| {
            let book = Rulebook::builtin(n);
            serde_json::json!({
                "id": n,
                "name": book.as_ref().map(|b| b.name_vi.clone()),
                "name_en": book.as_ref().map(|b| b.name_en.clone()),
                "max": book.as_ref().map(|b| b.max.as_f64()),
                "approximate": book.as_ref().map(Rulebook::is_approximate),
                "bands": book.as_ref().map(|b| b.bands.clone()),
                "official_bands": book.as_ref().and_then(|b| b.officials.as_ref().map(|o| o.bands.clone())),
                "toml": builtin_toml(n),
            })
        })
        .collect();
    to_js(&list)
}

/// Reads a units file (contract section 9): the facts of each agency, sorted by code.
#[wasm_bindgen(js_name = "parseUnits")]
pub fn parse_units(data: &JsValue) -> Result<JsValue, JsValue> {
    if data.is_undefined() || data.is_null() {
        return Err(error::argument(
            "parseUnits: give the units file's text or bytes",
        ));
    }
    let u = units(data)?;
    to_js(&u.iter().collect::<Vec<_>>())
}
