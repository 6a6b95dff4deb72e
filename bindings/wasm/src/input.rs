//! Checking and converting the values that JavaScript hands in.

use chrono::NaiveDate;
use js_sys::{ArrayBuffer, Uint8Array};
use motcua_core::timestamp::Timestamp;
use wasm_bindgen::{JsCast, JsValue};

use crate::error;

/// The largest integer a JavaScript number holds exactly.
pub const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

/// The largest limit in working days that `Calendar.dueDate` takes.
pub const MAX_DAYS: u32 = 100_000;

/// The bytes of a string (UTF-8), a `Uint8Array` or any other view of an `ArrayBuffer`, or
/// an `ArrayBuffer`.
pub fn bytes(v: &JsValue, what: &str) -> Result<Vec<u8>, JsValue> {
    if let Some(s) = v.as_string() {
        return Ok(s.into_bytes());
    }
    if let Some(a) = v.dyn_ref::<Uint8Array>() {
        return Ok(a.to_vec());
    }
    if let Some(b) = v.dyn_ref::<ArrayBuffer>() {
        return Ok(Uint8Array::new(b).to_vec());
    }
    if ArrayBuffer::is_view(v) {
        let view: &js_sys::DataView = v.unchecked_ref();
        let a = Uint8Array::new_with_byte_offset_and_length(
            &view.buffer(),
            view.byte_offset() as u32,
            view.byte_length() as u32,
        );
        return Ok(a.to_vec());
    }
    Err(error::argument(format!(
        "{what} must be a string, a Uint8Array or an ArrayBuffer (got {})",
        type_of(v)
    )))
}

/// A string, or UTF-8 bytes decoded.
pub fn text(v: &JsValue, what: &str) -> Result<String, JsValue> {
    if let Some(s) = v.as_string() {
        return Ok(s);
    }
    let b = bytes(v, what)?;
    String::from_utf8(b).map_err(|e| {
        error::error(
            error::kind::ENCODING,
            &format!(
                "{what} is not valid UTF-8 (at byte {}): save it as UTF-8",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// A number.
pub fn number(v: &JsValue, what: &str) -> Result<f64, JsValue> {
    v.as_f64()
        .ok_or_else(|| error::argument(format!("{what} must be a number (got {})", type_of(v))))
}

/// A whole number in `[min, max]`.
pub fn integer(v: &JsValue, min: f64, max: f64, what: &str) -> Result<f64, JsValue> {
    let n = number(v, what)?;
    if n.fract() != 0.0 || n < min || n > max || n.is_nan() {
        return Err(error::argument(format!(
            "{what} must be a whole number from {min} to {max} (got {n})"
        )));
    }
    Ok(n)
}

/// A timestamp in one of the forms of contract section 2.
pub fn timestamp(v: &JsValue, what: &str) -> Result<Timestamp, JsValue> {
    let Some(s) = v.as_string() else {
        return Err(error::argument(format!(
            "{what} must be a string such as '2021-09-01 09:00' (got {})",
            type_of(v)
        )));
    };
    Timestamp::parse(&s).map_err(|e| error::argument(format!("{what}: {e}")))
}

/// A date in one of the forms of contract section 2 (a time, if any, is ignored).
pub fn date(v: &JsValue, what: &str) -> Result<NaiveDate, JsValue> {
    timestamp(v, what).map(|t| t.date)
}

/// What a value is, for messages.
pub fn type_of(v: &JsValue) -> String {
    if v.is_null() {
        "null".to_owned()
    } else if js_sys::Array::is_array(v) {
        "an array".to_owned()
    } else {
        v.js_typeof().as_string().unwrap_or_default()
    }
}
