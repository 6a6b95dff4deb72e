//! `motcua score`: grade every agency and official of a period by a rulebook.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use clap::{Args, ValueEnum};
use motcua_core::count::Counter;
use motcua_core::format::Lang;
use motcua_core::grading::{
    Grader, Rulebook, ScoreReport, SlipMeans, Units, builtin_names, builtin_toml,
    replace_rating_counts, score_csv, score_text,
};
use motcua_io::ratings::{Ratings, read_ratings_file};
use motcua_io::units::{UnitsFileError, read_units_file};

use crate::common::{Format, LangArg, load_calendar, resolve_period, write_output};

/// Arguments of `motcua score`.
#[derive(Args)]
pub struct ScoreArgs {
    /// The dossier table (CSV); `-` reads standard input.
    #[arg(long, short)]
    pub input: PathBuf,
    /// Agency facts for grading (units file, CSV); without it every agency takes the
    /// defaults of the contract.
    #[arg(long, short)]
    pub units: Option<PathBuf>,
    /// A month (2021-07), quarter (2021-Q3), year (2021) or range (2021-07-01..2021-09-30).
    #[arg(long, short)]
    pub period: Option<String>,
    /// First day of the period (with --to).
    #[arg(long)]
    pub from: Option<String>,
    /// Last day of the period (with --from).
    #[arg(long)]
    pub to: Option<String>,
    /// A built-in rulebook (see `motcua rulebook list`) or a rulebook file (FILE.toml).
    #[arg(long, short, default_value = "circular-01-2018")]
    pub rulebook: String,
    /// A work calendar in TOML (default: the built-in Vietnamese calendar).
    #[arg(long)]
    pub calendar: Option<PathBuf>,
    /// Stop at the first bad row instead of listing bad rows.
    #[arg(long)]
    pub strict: bool,
    /// Size limits of the input.
    #[command(flatten)]
    pub limits: crate::limits::LimitArgs,
    /// The source profile and the share of rejected rows allowed.
    #[command(flatten)]
    pub source: crate::source::SourceArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "text")]
    pub format: Format,
    /// Language of text output.
    #[arg(long, value_enum, default_value = "vi")]
    pub lang: LangArg,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
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
}

/// What per-dossier indicators are means over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Means {
    /// The period's resolved dossiers (contract section 10).
    Dossiers,
    /// The period's rating slips that give the indicator (`ChiSoN`).
    Slips,
}

/// Reads `--ratings FILE` (strict mode stops at its first bad slip).
pub fn load_ratings(path: Option<&Path>, strict: bool) -> Result<Option<Ratings>> {
    path.map(|p| read_ratings_file(p, strict).map_err(|e| anyhow!("{}: {e}", p.display())))
        .transpose()
}

/// Adds the ratings file's summary (rows, used, rejected, errors) to a JSON output's
/// `input` object as `input.ratings`.
#[must_use]
pub fn with_ratings_summary(json: &str, ratings: Option<&Ratings>) -> String {
    let Some(r) = ratings else {
        return json.to_owned();
    };
    let Ok(mut v) = serde_json::from_str::<serde_json::Value>(json) else {
        return json.to_owned();
    };
    if let Some(obj) = v.as_object_mut() {
        let input = obj
            .entry("input")
            .or_insert_with(|| serde_json::Value::Object(serde_json::Map::new()));
        if let Some(input) = input.as_object_mut() {
            input.insert(
                "ratings".to_owned(),
                serde_json::to_value(&r.summary).unwrap_or_default(),
            );
        }
    }
    serde_json::to_string_pretty(&v).unwrap_or_else(|_| json.to_owned())
}

/// The ratings file's summary as a text line (and its rejected slips).
#[must_use]
pub fn ratings_text(ratings: Option<&Ratings>, lang: Lang) -> String {
    let Some(r) = ratings else {
        return String::new();
    };
    let s = &r.summary;
    let n = |v: u64| motcua_core::format::int(v, lang);
    let mut out = match lang {
        Lang::Vi => format!(
            "\nPhiếu đánh giá: {} dòng, {} dùng, {} bị loại\n",
            n(s.rows),
            n(s.used),
            n(s.rejected)
        ),
        Lang::En => format!(
            "\nRating slips: {} rows, {} used, {} rejected\n",
            n(s.rows),
            n(s.used),
            n(s.rejected)
        ),
    };
    for e in &s.errors {
        let _ = writeln!(out, "  {e} [{}]", e.kind.name());
    }
    out
}

/// A built-in rulebook by name, or a rulebook file. A file's `extends` may name a built-in
/// rulebook or another file, relative to the file's folder.
pub fn load_rulebook(name_or_path: &str) -> Result<Rulebook> {
    if let Some(book) = Rulebook::builtin(name_or_path) {
        return Ok(book);
    }
    let path = Path::new(name_or_path);
    let looks_like_file = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        || path.exists();
    if !looks_like_file {
        bail!(
            "unknown rulebook '{name_or_path}' (built-in rulebooks: {}; or give a rulebook file, FILE.toml)",
            builtin_names().join(", ")
        );
    }
    Ok(motcua_io::rulebook::read_rulebook_file(path)?)
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
    let period = resolve_period(a.period.as_deref(), a.from.as_deref(), a.to.as_deref())?;
    let book = load_rulebook(&a.rulebook)?;
    let calendar = load_calendar(a.calendar.as_deref())?;
    let units = match &a.units {
        Some(p) => read_units_file(p).map_err(|e| match e {
            UnitsFileError::Io { .. } => anyhow!("{e}"),
            _ => anyhow!("{}: {e}", p.display()),
        })?,
        None => Units::new(),
    };
    let ratings = load_ratings(a.ratings.as_deref(), a.strict)?;
    let mut counter = Counter::new(&[period]);
    let mut grader = Grader::new(&book, period);
    let opts = motcua_io::input::InputOptions {
        read: motcua_io::dossiers::ReadOptions {
            strict: a.strict,
            limits: a.limits.limits(),
            profile: Some(a.source.resolve()?),
            ..motcua_io::dossiers::ReadOptions::parallel()
        },
        ..motcua_io::input::InputOptions::default()
    };
    let ing = crate::common::stream_input_with(&a.input, &opts, &calendar, |d| {
        counter.count(d);
        grader.add(d);
    })?;
    a.source.after_read(&ing.input);
    if !ing.agencies.is_empty() {
        counter.touch(ing.agencies.len() as u32 - 1);
    }
    let mut tally = counter
        .into_tallies(|i| ing.agencies.name(i).to_owned())
        .pop()
        .unwrap_or_default();
    if let Some(r) = &ratings {
        replace_rating_counts(&mut tally, &r.slips, &period);
        if a.means == Means::Slips {
            grader.use_slip_means(SlipMeans::new(&r.slips, &period));
        }
    }
    let mut report = grader.finish(&ing.agencies, &ing.officials, &units, &tally);
    report.input = Some(ing.input);
    check_validity(&report, a.strict_validity, a.lang.into())?;
    let text = match a.format {
        Format::Json => with_ratings_summary(&report.to_json(), ratings.as_ref()),
        Format::Csv => score_csv(&report),
        Format::Text => {
            score_text(&report, a.lang.into()) + &ratings_text(ratings.as_ref(), a.lang.into())
        }
    };
    write_output(a.output.as_ref(), &text)
}
