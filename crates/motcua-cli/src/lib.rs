//! The `motcua` command as a library, so that tests can run it: quarterly figures and grades of a Vietnamese public administration service
//! center, from the dossier table.
//!
//! ```text
//! motcua generate --sample soc-trang-2021 --output sample.csv --units-output units.csv
//! motcua report --input sample.csv --period 2021-Q3
//! motcua calendar --year 2024 --format json
//! ```

pub mod boundary;
pub mod calendar;
pub mod common;
pub mod generate;
pub mod inspect;
pub mod limits;
pub mod list;
pub mod report;
pub mod rulebook;
pub mod score;
pub mod source;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Figures and grades of one-stop-shop centers (một cửa).
#[derive(Parser)]
#[command(name = "motcua", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    /// The subcommand.
    pub command: Command,
}

#[derive(Subcommand)]
/// The subcommands.
pub enum Command {
    /// Count a period: received, resolved (early, on time, late), pending, online, ratings.
    Report(report::ReportArgs),
    /// List the dossiers behind one count: overdue, late, due soon…
    List(list::ListArgs),
    /// Show a year of a work calendar: holidays, make-up days, working-day count.
    Calendar(calendar::CalendarArgs),
    /// Write synthetic dossier data (the Sóc Trăng Q3/2021 sample, or large random data).
    Generate(generate::GenerateArgs),
    /// Grade agencies and officials for a period under a rulebook.
    Score(score::ScoreArgs),
    /// Show how a source would be read: format, profile, column mapping, rejections, hints.
    Inspect(inspect::InspectArgs),
    /// List, show and check rulebooks.
    Rulebook(rulebook::RulebookArgs),
}

/// Parses the process arguments and runs the command; what `main` of the binary does.
#[must_use]
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Report(a) => report::run(a),
        Command::List(a) => list::run(a),
        Command::Calendar(a) => calendar::run(a),
        Command::Generate(a) => generate::run(a),
        Command::Score(a) => score::run(a),
        Command::Inspect(a) => inspect::run(a),
        Command::Rulebook(a) => rulebook::run(a),
    };
    match result {
        Ok(()) if source::rejected_too_many() => ExitCode::from(3),
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            boundary::print_error(&boundary::chain_text(&e));
            ExitCode::FAILURE
        }
    }
}
