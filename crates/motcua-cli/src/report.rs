//! `motcua report`.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use motcua_core::count::Counter;
use motcua_core::format::report_text;
use motcua_core::period::Period;

use crate::common::{Format, LangArg, load_calendar, resolve_period, stream_input, write_output};

/// Arguments of `motcua report`.
#[derive(Args)]
pub struct ReportArgs {
    /// The dossier table (CSV); `-` reads standard input.
    #[arg(long, short)]
    pub input: PathBuf,
    /// A month (2021-07), quarter (2021-Q3), year (2021) or range (2021-07-01..2021-09-30).
    #[arg(long, short)]
    pub period: Option<String>,
    /// First day of the period (with --to).
    #[arg(long)]
    pub from: Option<String>,
    /// Last day of the period (with --from).
    #[arg(long)]
    pub to: Option<String>,
    /// A work calendar in TOML (default: the built-in Vietnamese calendar).
    #[arg(long)]
    pub calendar: Option<PathBuf>,
    /// Stop at the first bad row instead of listing bad rows.
    #[arg(long)]
    pub strict: bool,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "text")]
    pub format: Format,
    /// Language of text output.
    #[arg(long, value_enum, default_value = "vi")]
    pub lang: LangArg,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

/// Runs `motcua report`.
pub fn run(a: &ReportArgs) -> Result<()> {
    let period = resolve_period(a.period.as_deref(), a.from.as_deref(), a.to.as_deref())?;
    let calendar = load_calendar(a.calendar.as_deref())?;
    let periods: Vec<Period> = std::iter::once(period).chain(period.previous()).collect();
    let mut counter = Counter::new(&periods);
    let ing = stream_input(&a.input, &calendar, a.strict, |d| counter.count(d))?;
    if !ing.agencies.is_empty() {
        counter.touch(ing.agencies.len() as u32 - 1);
    }
    let tallies = counter.into_tallies(|i| ing.agencies.name(i).to_owned());
    let report = motcua_io::report::from_tallies(period, ing.input, &tallies);
    let text = match a.format {
        Format::Json => motcua_io::report::to_json(&report),
        Format::Csv => motcua_io::report::to_csv(&report),
        Format::Text => report_text(&report, a.lang.into()),
    };
    write_output(a.output.as_ref(), &text)
}
