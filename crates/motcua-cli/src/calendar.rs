//! `motcua calendar`.

use anyhow::Result;
use clap::Args;

use crate::common::{LangArg, load_calendar, write_output};

/// Output formats of `motcua calendar`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CalendarFormat {
    /// A readable list.
    Text,
    /// JSON as the data contract describes it.
    Json,
}

/// Arguments of `motcua calendar`.
#[derive(Args)]
pub struct CalendarArgs {
    /// The year to show.
    #[arg(long, short)]
    pub year: i32,
    /// A work calendar: a built-in name (vn, blank) or a TOML file (default: vn).
    #[arg(long)]
    pub calendar: Option<String>,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "text")]
    pub format: CalendarFormat,
    /// Language of text output.
    #[arg(long, value_enum, default_value = "vi")]
    pub lang: LangArg,
}

/// Runs `motcua calendar`.
pub fn run(a: &CalendarArgs) -> Result<()> {
    let year = motcua_io::resolve::calendar_year(i64::from(a.year))?;
    let cal = load_calendar(a.calendar.as_deref())?;
    let y = cal.year(year);
    let text = match a.format {
        CalendarFormat::Json => serde_json::to_string_pretty(&y)?,
        CalendarFormat::Text => motcua_core::format::calendar_text(&y, cal.name(), a.lang.into()),
    };
    write_output(None, &text)
}
