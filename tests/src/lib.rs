//! Shared helpers of the cross-crate and command-line tests.

pub mod fuzz_checks;
pub mod profiles;

use std::path::PathBuf;
use std::process::{Command, Output};

/// A file of `tests/data`.
#[must_use]
pub fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name)
}

/// Runs the `motcua` command (built from the CLI crate's code as `motcua-under-test`).
///
/// # Panics
/// When the test binary cannot be started.
#[must_use]
pub fn motcua(bin: &str, args: &[&str]) -> Output {
    Command::new(bin)
        .args(args)
        .output()
        .expect("the motcua binary runs")
}

/// Standard output as text.
#[must_use]
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
#[must_use]
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Whether every key of `expected` is in `actual` with an equal value (recursively;
/// arrays must have the same length). Returns the first difference.
pub fn json_contains(
    actual: &serde_json::Value,
    expected: &serde_json::Value,
    path: &str,
) -> Result<(), String> {
    use serde_json::Value;
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => {
            for (k, ev) in e {
                let av = a.get(k).ok_or_else(|| format!("{path}/{k} is missing"))?;
                json_contains(av, ev, &format!("{path}/{k}"))?;
            }
            Ok(())
        }
        (Value::Array(a), Value::Array(e)) => {
            if a.len() != e.len() {
                return Err(format!("{path}: {} items, expected {}", a.len(), e.len()));
            }
            for (i, (av, ev)) in a.iter().zip(e).enumerate() {
                json_contains(av, ev, &format!("{path}[{i}]"))?;
            }
            Ok(())
        }
        (a, e) if a == e => Ok(()),
        (a, e) => Err(format!("{path}: {a}, expected {e}")),
    }
}

/// Checks `received + carried_over = resolved + closed_without_result + pending` on a
/// report's total and every agency (and the previous period's total, if present).
pub fn check_identity(report: &serde_json::Value) -> Result<(), String> {
    let one = |v: &serde_json::Value, what: &str| -> Result<(), String> {
        let n = |k: &str| {
            v[k].as_u64()
                .ok_or_else(|| format!("{what}: {k} is not a count"))
        };
        if n("received")? + n("carried_over")?
            == n("resolved")? + n("closed_without_result")? + n("pending")?
        {
            Ok(())
        } else {
            Err(format!(
                "{what}: received + carried_over != resolved + closed_without_result + pending"
            ))
        }
    };
    one(&report["total"], "total")?;
    for a in report["agencies"].as_array().ok_or("no agencies array")? {
        one(a, a["agency"].as_str().unwrap_or("?"))?;
    }
    if let Some(p) = report.get("previous") {
        one(&p["total"], "previous")?;
    }
    Ok(())
}
