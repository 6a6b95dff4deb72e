//! The source options shared by the commands that read dossiers: `--profile` (contract 14)
//! and `--max-rejected` (contract 15), the announcement of the profile and the one-line
//! summary of rejections on standard error.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Result;
use clap::Args;
use motcua_core::dossier::InputSummary;
use motcua_core::profile::Profile;

/// Set when the input's rejections make the exit status 3 (contract 15).
static REJECTED_TOO_MANY: AtomicBool = AtomicBool::new(false);

/// Whether a command run so far asked for exit status 3.
#[must_use]
pub fn rejected_too_many() -> bool {
    REJECTED_TOO_MANY.load(Ordering::Relaxed)
}

/// `--profile` and `--max-rejected`.
#[derive(Args, Debug, Clone, Default)]
pub struct ProfileArgs {
    /// The source profile: auto (detect), contract, dvcqg, opencps, rest-camel, sqlserver,
    /// or a profile file (.toml).
    #[arg(long, default_value = "auto")]
    pub profile: String,
    /// Exit with status 3 when more than this percentage of the rows is rejected.
    #[arg(long, value_name = "PCT")]
    pub max_rejected: Option<f64>,
}

impl ProfileArgs {
    /// The profile `--profile` names (an unknown name or unreadable file is an error).
    pub fn resolve(&self) -> Result<Arc<Profile>> {
        let p = motcua_io::profile::resolve_profile(&self.profile)?;
        Ok(Arc::new(p))
    }

    /// After the input is read: announces a detected profile, prints one line of
    /// rejections by kind, and records whether the exit status is 3.
    pub fn after_read(&self, input: &InputSummary) {
        if self.profile == "auto" {
            if let Some(p) = &input.profile {
                eprintln!("motcua: hồ sơ nguồn (source profile): {p} (auto)");
            }
        }
        if let Some(line) = rejection_summary(input) {
            eprintln!("{line}");
        }
        if status_three(input, self.max_rejected) {
            REJECTED_TOO_MANY.store(true, Ordering::Relaxed);
        }
    }
}

/// Contract 15: rows were rejected and none was used, or the rejected share is strictly
/// greater than `max` percent.
#[must_use]
pub fn status_three(input: &InputSummary, max: Option<f64>) -> bool {
    if input.rows == 0 || input.rejected == 0 {
        return false;
    }
    if input.used == 0 && input.not_received == 0 {
        return true;
    }
    max.is_some_and(|m| input.rejected as f64 * 100.0 / input.rows as f64 > m)
}

/// `motcua: 3 of 10 rows rejected: missing 2, unparseable 1`, or `None` when none was.
#[must_use]
pub fn rejection_summary(input: &InputSummary) -> Option<String> {
    if input.rejected == 0 {
        return None;
    }
    let mut kinds: BTreeMap<String, u64> = BTreeMap::new();
    for e in &input.errors {
        *kinds.entry(e.kind.to_string()).or_default() += 1;
    }
    let by_kind: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
    Some(format!(
        "motcua: {} / {} dòng bị loại (rows rejected): {}",
        input.rejected,
        input.rows,
        by_kind.join(", ")
    ))
}
