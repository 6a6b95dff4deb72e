//! The source-profile fixtures (`tests/fixtures/profiles`): the same dossiers of April 2024
//! as each real source writes them, and the counts compared with the hand count.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

/// The counts compared with the hand count, in this order.
pub const COUNTS: [&str; 10] = [
    "received",
    "received_online",
    "received_in_person",
    "received_postal",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "pending_overdue",
    "received_level34",
    "received_online_level34",
];

/// A file of `tests/fixtures/profiles`.
#[must_use]
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/profiles")
        .join(name)
}

/// `motcua report --input INPUT --period 2024-04 --format json EXTRA…`: the JSON (`Null`
/// when standard output is not JSON) and the process output.
///
/// # Panics
/// When the path is not UTF-8 or the binary cannot be started.
#[must_use]
pub fn report(bin: &str, input: &Path, extra: &[&str]) -> (Value, Output) {
    let mut args = vec![
        "report",
        "--input",
        input.to_str().expect("a UTF-8 path"),
        "--period",
        "2024-04",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let out = crate::motcua(bin, &args);
    let v = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (v, out)
}

/// The total's [`COUNTS`] of a report (`u64::MAX` for one that is absent).
#[must_use]
pub fn counts(v: &Value) -> Vec<u64> {
    COUNTS
        .iter()
        .map(|k| v["total"][k].as_u64().unwrap_or(u64::MAX))
        .collect()
}
