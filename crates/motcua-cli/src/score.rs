//! `motcua score`: grade every agency and official of a period by a rulebook.

use std::io::Write as _;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use motcua_core::format::Lang;
use motcua_core::grading::{Rulebook, ScoreReport, builtin_names, builtin_toml, score_text};
use motcua_io::ratings::Ratings;
use motcua_io::resolve::{Files, Given, Options};

use crate::common::{Format, LangArg, SourceArgs, resolve, with_input, write_output};

/// Arguments of `motcua score`.
#[derive(Args)]
pub struct ScoreArgs {
    /// The input, period, calendar and reading options (as for `report`).
    #[command(flatten)]
    pub source: SourceArgs,
    /// Agency facts for grading (units file, CSV); without it every agency takes the
    /// defaults of the contract.
    #[arg(long, short)]
    pub units: Option<PathBuf>,
    /// A built-in rulebook (see `motcua rulebook list`) or a rulebook file (FILE.toml).
    #[arg(long, short, default_value = motcua_io::resolve::DEFAULT_RULEBOOK)]
    pub rulebook: String,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "text")]
    pub format: Format,
    /// Language of text output.
    #[arg(long, value_enum, default_value = "vi")]
    pub lang: LangArg,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// The CSV dialect of CSV output.
    #[command(flatten)]
    pub csv: crate::common::CsvArgs,
    /// Refuse (exit status 1) to grade a period outside the rulebook's validity, or with a
    /// superseded rulebook, instead of warning.
    #[arg(long)]
    pub strict_validity: bool,
    /// Rating slips (CSV, contract section 17): the satisfaction counts come from the slips
    /// dated in the period instead of the dossiers' `DanhGia`.
    #[arg(long)]
    pub ratings: Option<PathBuf>,
    /// What each per-dossier indicator is the mean over: the period's resolved dossiers, or
    /// the period's rating slips that give it (needs --ratings).
    #[arg(
        long,
        value_enum,
        default_value = "dossiers",
        requires_if("slips", "ratings")
    )]
    pub means: Means,
    /// Grade every agency under its last successor (`DonViKeThua` of the units file),
    /// summing the dossiers of agencies merged into it (contract section 9a).
    #[arg(long, requires = "units")]
    pub successors: bool,
}

/// What per-dossier indicators are means over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Means {
    /// The period's resolved dossiers (contract section 10).
    Dossiers,
    /// The period's rating slips that give the indicator (`ChiSoN`).
    Slips,
}

/// Adds the ratings file's summary to a JSON output's `input` object as `input.ratings`.
#[must_use]
pub fn with_ratings_summary(json: &str, ratings: Option<&Ratings>) -> String {
    motcua_io::resolve::with_ratings_summary(json, ratings)
}

/// The ratings file's summary as a text line (and its rejected slips).
#[must_use]
pub fn ratings_text(ratings: Option<&Ratings>, lang: Lang) -> String {
    let Some(r) = ratings else {
        return String::new();
    };
    let s = &r.summary;
    motcua_core::format::slips_text(
        s.rows,
        s.used,
        s.rejected,
        s.errors.iter().map(|e| (e, e.kind)),
        lang,
    )
}

/// A built-in rulebook by name, a rulebook file or TOML text. A file's `extends` may name a
/// built-in rulebook or another file, relative to the file's folder.
pub fn load_rulebook(given: &str) -> Result<Rulebook> {
    Ok(motcua_io::resolve::rulebook(
        &Given::Text(given),
        Files::Read,
    )?)
}

/// The TOML text of a built-in rulebook, or an error listing the known ones.
pub fn builtin_text(name: &str) -> Result<&'static str> {
    builtin_toml(name).with_context(|| {
        format!(
            "unknown rulebook '{name}' (built-in rulebooks: {})",
            builtin_names().join(", ")
        )
    })
}

/// Says on standard error when the period graded is outside the rulebook's validity (or
/// the rulebook is superseded); with `strict`, that is an error.
pub fn check_validity(report: &ScoreReport, strict: bool, lang: Lang) -> Result<()> {
    let Some(w) = &report.rulebook.validity.check.warning else {
        return Ok(());
    };
    let msg = match lang {
        Lang::Vi => &w.message_vi,
        Lang::En => &w.message,
    };
    let id = &report.rulebook.id;
    if strict {
        bail!("rulebook {id}: {msg} (--strict-validity)");
    }
    let _ = match lang {
        Lang::Vi => writeln!(
            std::io::stderr(),
            "motcua: cảnh báo: bộ tiêu chí {id}: {msg}"
        ),
        Lang::En => writeln!(std::io::stderr(), "motcua: warning: rulebook {id}: {msg}"),
    };
    Ok(())
}

/// Runs `motcua score`.
pub fn run(a: &ScoreArgs) -> Result<()> {
    let o = Options {
        rulebook: Some(Given::Text(&a.rulebook)),
        units: a.units.as_deref().map(Given::Path),
        ratings: a.ratings.as_deref().map(Given::Path),
        slip_means: a.means == Means::Slips,
        successors: a.successors,
        compare: Some("none"),
        ..a.source.options()
    };
    let req = resolve(&o)?;
    let out = with_input(&a.source, |input, progress| {
        motcua_io::resolve::run(&req, input, progress)
    })?;
    a.source.profile.after_read(&out.report.input);
    crate::common::print_warnings(&out.all_warnings(&req), a.lang.into());
    let Some(report) = out.score else {
        bail!("no grades: the request names no rulebook")
    };
    check_validity(&report, a.strict_validity, a.lang.into())?;
    let ratings = out.ratings;
    let text = match a.format {
        Format::Json => {
            with_ratings_summary(&motcua_io::writer::score_json(&report), ratings.as_ref())
        }
        Format::Csv => a.csv.apply(&motcua_io::writer::score_csv(&report)),
        Format::Text => {
            score_text(&report, a.lang.into()) + &ratings_text(ratings.as_ref(), a.lang.into())
        }
    };
    write_output(a.output.as_ref(), &text)
}
