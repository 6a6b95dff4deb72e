//! `motcua calendar`.

use std::fmt::Write as _;
use std::path::PathBuf;

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
    /// A work calendar in TOML (default: the built-in Vietnamese calendar).
    #[arg(long)]
    pub calendar: Option<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "text")]
    pub format: CalendarFormat,
    /// Language of text output.
    #[arg(long, value_enum, default_value = "vi")]
    pub lang: LangArg,
}

/// Runs `motcua calendar`.
pub fn run(a: &CalendarArgs) -> Result<()> {
    if !(1..=9999).contains(&a.year) {
        anyhow::bail!(
            "year {} is out of range: give a year from 1 to 9999",
            a.year
        );
    }
    let cal = load_calendar(a.calendar.as_deref())?;
    let y = cal.year(a.year);
    let text = match a.format {
        CalendarFormat::Json => serde_json::to_string_pretty(&y)?,
        CalendarFormat::Text => {
            let vi = a.lang == LangArg::Vi;
            let mut s = String::new();
            let _ = writeln!(
                s,
                "{} {} — {}",
                if vi {
                    "Lịch làm việc năm"
                } else {
                    "Work calendar"
                },
                a.year,
                cal.name()
            );
            let _ = writeln!(
                s,
                "{}: {}",
                if vi {
                    "Tết Nguyên đán"
                } else {
                    "Lunar New Year"
                },
                y.lunar_new_year.format("%d/%m/%Y")
            );
            let _ = writeln!(
                s,
                "{}: {}",
                if vi {
                    "Số ngày làm việc"
                } else {
                    "Working days"
                },
                y.working_day_count
            );
            if y.projected {
                let _ = writeln!(
                    s,
                    "{}",
                    if vi {
                        "(dự kiến theo quy định của Bộ luật Lao động; chưa có lịch nghỉ chính thức)"
                    } else {
                        "(projected from the Labour Code; no official schedule known)"
                    }
                );
            }
            let _ = writeln!(s, "\n{}:", if vi { "Ngày nghỉ" } else { "Days off" });
            for h in &y.holidays {
                let _ = writeln!(s, "  {}  {}", h.date.format("%a %d/%m/%Y"), h.name);
            }
            let _ = writeln!(
                s,
                "\n{}:",
                if vi {
                    "Ngày làm bù"
                } else {
                    "Make-up working days"
                }
            );
            for d in &y.make_up_working_days {
                let _ = writeln!(s, "  {}", d.format("%a %d/%m/%Y"));
            }
            s
        }
    };
    write_output(None, &text)
}
