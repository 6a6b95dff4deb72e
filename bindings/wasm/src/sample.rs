//! The built-in sample data.

use motcua_core::calendar::Calendar as CoreCalendar;
use motcua_core::grading::Units;
use motcua_sample::units::soc_trang_2021_units;
use motcua_sample::{HEADER, Profile, agencies, generate};
use wasm_bindgen::prelude::*;

use crate::{error, to_js};

fn profile(name: Option<String>) -> Result<Profile, JsValue> {
    let name = name.unwrap_or_else(|| "soc-trang-2021".to_owned());
    name.parse::<Profile>()
        .map_err(|e| error::error(error::kind::SAMPLE, &e.to_string()))
}

/// The largest random sample generated in memory.
const MAX_ROWS: u64 = 5_000_000;

/// A sample dossier table as CSV text: `soc-trang-2021` (the default; the Sóc Trăng
/// Center's Q2 and Q3 2021) or `random:ROWS[:SEED]` (at most 5 000 000 rows), generated
/// for the built-in Vietnamese calendar.
#[wasm_bindgen(js_name = sampleCsv)]
pub fn sample_csv(profile_name: Option<String>) -> Result<String, JsValue> {
    let p = profile(profile_name)?;
    if let Profile::Random { rows, .. } = p {
        if rows > MAX_ROWS {
            return Err(error::error(
                error::kind::SAMPLE,
                &format!("sampleCsv: at most {MAX_ROWS} rows in memory (asked {rows})"),
            ));
        }
    }
    let mut out = HEADER.join(",");
    out.push('\n');
    generate(&p, &CoreCalendar::vn(), |rec| rec.write_csv_row(&mut out));
    Ok(out)
}

/// The units file of a sample (only `soc-trang-2021` has one; others give `null`).
#[wasm_bindgen(js_name = sampleUnitsCsv)]
pub fn sample_units_csv(profile_name: Option<String>) -> Result<JsValue, JsValue> {
    Ok(match profile(profile_name)? {
        Profile::SocTrang2021 => soc_trang_2021_units()
            .into_iter()
            .collect::<Units>()
            .to_csv()
            .into(),
        Profile::Random { .. } => JsValue::NULL,
    })
}

/// The agencies of the samples: `{code, name, name_en}` each.
#[wasm_bindgen(js_name = sampleAgencies)]
pub fn sample_agencies() -> Result<JsValue, JsValue> {
    let list: Vec<serde_json::Value> = agencies()
        .iter()
        .map(|(c, vi, en)| serde_json::json!({"code": c, "name": vi, "name_en": en}))
        .collect();
    to_js(&list)
}
