//! `motcua.MotcuaWarning`: the library's warnings (a period with no dossier, grading with
//! the default unit facts, a rulebook outside its validity…) through Python's `warnings`.
#![allow(unsafe_code)] // `create_exception!` implements an unsafe trait of pyo3 for each type.

use pyo3::exceptions::PyUserWarning;
use pyo3::prelude::*;
use pyo3::types::PyDict;

pyo3::create_exception!(
    motcua,
    MotcuaWarning,
    PyUserWarning,
    "A warning of motcua (a UserWarning): the result is computed but may not be what was meant. `.kind` names the condition ('empty_period', 'missing_units', 'outside_legal_dates'…), `.message_vi` and `.message_en` say it in Vietnamese and English; the warning's text is the Vietnamese then the English."
);

/// Issues one warning of the library through `warnings.warn`, pointing at the caller's line.
pub fn emit(py: Python<'_>, kind: &str, message_vi: &str, message_en: &str) -> PyResult<()> {
    let text = if message_vi == message_en {
        message_en.to_owned()
    } else {
        format!("{message_vi} / {message_en}")
    };
    let w = py.get_type::<MotcuaWarning>().call1((text,))?;
    w.setattr("kind", kind)?;
    w.setattr("message_vi", message_vi)?;
    w.setattr("message_en", message_en)?;
    let kw = PyDict::new(py);
    kw.set_item("stacklevel", 1)?;
    py.import("warnings")?
        .call_method("warn", (w,), Some(&kw))
        .map(|_| ())
}

/// Issues the warnings of a request and of its report (`Outcome::all_warnings`: agency
/// levels that no longer exist in the period, a period with no dossier).
pub fn report_warnings(
    py: Python<'_>,
    req: &motcua_io::resolve::Request,
    out: &motcua_io::resolve::Outcome,
) -> PyResult<()> {
    for w in out.all_warnings(req) {
        emit(py, w.kind.name(), &w.message_vi, &w.message)?;
    }
    Ok(())
}

/// Issues the grades' warnings (`ScoreReport::warnings`).
pub fn score_warnings(py: Python<'_>, s: &motcua_core::grading::ScoreReport) -> PyResult<()> {
    for w in &s.warnings {
        let kind = serde_json::to_value(w.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        emit(py, &kind, &w.message_vi, &w.message)?;
    }
    Ok(())
}

/// Registers the warning class.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("MotcuaWarning", m.py().get_type::<MotcuaWarning>())
}
