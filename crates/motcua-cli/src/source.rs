//! The source options shared by the commands that read dossiers: `--profile` (contract 14)
//! and `--max-rejected` (contract 15), the announcement of the profile and the one-line
//! summary of rejections on standard error.

use std::sync::atomic::{AtomicBool, Ordering};

use clap::Args;
use motcua_core::dossier::InputSummary;

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
    /// After the input is read: announces a detected profile, prints one line of
    /// rejections by kind, and records whether the exit status is 3.
    pub fn after_read(&self, input: &InputSummary) {
        if self.profile == "auto" {
            if let Some(p) = &input.profile {
                eprintln!("motcua: hồ sơ nguồn (source profile): {p} (auto)");
            }
        }
        if let Some(line) = motcua_core::format::rejection_summary(input) {
            eprintln!("{line}");
        }
        if input.too_many_rejected(self.max_rejected) {
            REJECTED_TOO_MANY.store(true, Ordering::Relaxed);
        }
    }
}
