//! `motcua inspect`: what a source is and how it would be read (contract section 14).

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, ValueEnum};
use motcua_io::resolve::{Files, Given};

use crate::common::{LangArg, load_calendar, write_output};

/// Output formats of `motcua inspect`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InspectFormat {
    /// Readable text (Vietnamese by default).
    Text,
    /// JSON.
    Json,
}

/// Arguments of `motcua inspect`.
#[derive(Args)]
pub struct InspectArgs {
    /// The source: CSV, Excel (.xlsx), the portal's JSON, Arrow or Parquet.
    pub input: PathBuf,
    /// The source profile: auto (detect), contract, dvcqg, opencps, rest-camel, sqlserver,
    /// or a profile file (.toml).
    #[arg(long, default_value = "auto")]
    pub profile: String,
    /// A work calendar: a built-in name (vn, blank) or a TOML file (default: vn).
    #[arg(long)]
    pub calendar: Option<String>,
    /// How many rows to show as mapped.
    #[arg(long, default_value_t = 5)]
    pub rows: usize,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "text")]
    pub format: InspectFormat,
    /// Language of text output.
    #[arg(long, value_enum, default_value = "vi")]
    pub lang: LangArg,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

/// Runs `motcua inspect`.
pub fn run(a: &InspectArgs) -> Result<()> {
    let profile = motcua_io::resolve::profile(Some(&Given::Text(&a.profile)), Files::Read)?;
    let calendar = load_calendar(a.calendar.as_deref())?;
    std::fs::File::open(&a.input)
        .map_err(|e| anyhow::anyhow!("cannot open {}: {e}", a.input.display()))?;
    let i = motcua_io::inspect::inspect_path(&a.input, &profile, &calendar, a.rows);
    let text = match a.format {
        InspectFormat::Json => serde_json::to_string_pretty(&i)?,
        InspectFormat::Text => i.to_text(a.lang.into()),
    };
    write_output(a.output.as_ref(), &text)
}
