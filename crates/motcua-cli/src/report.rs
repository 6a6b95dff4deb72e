//! `motcua report`: the period report as text, JSON or CSV, report form Biểu II.06a (XLSX
//! or CSV), or the press announcement.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use motcua_core::announcement::{AnnouncementOptions, announcement};
use motcua_core::breakdown::Dim;
use motcua_core::form06a::{
    DEFAULT_RECEIVING_UNIT, DEFAULT_REPORTING_UNIT, Form06a, Form06aOptions,
};
use motcua_core::format::{Lang, TableOrder};
use motcua_core::grading::{Grader, Units};
use motcua_core::period::{Period, Step};
use motcua_core::report::Compare;
use motcua_io::dossiers::ReadOptions;
use motcua_io::input::{InputFormat, InputOptions};
use motcua_io::job::{CountPlan, Counting, level_of};

use crate::common::{
    LangArg, load_calendar, load_catalog, resolve_period, stream_input_with, write_bytes,
    write_output,
};

/// Output formats of `motcua report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A readable table (Vietnamese by default).
    Text,
    /// JSON as the data contract describes it.
    Json,
    /// One row per agency and a total row.
    Csv,
    /// Report form Biểu II.06a: `.xlsx` when --output ends so, else CSV.
    Form06a,
    /// The press announcement (Vietnamese by default, --lang en).
    Announcement,
}

/// Formats of the dossier table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    /// CSV.
    Csv,
    /// An Excel workbook (.xlsx).
    Xlsx,
    /// The national portal's records: a JSON array or JSON Lines.
    Json,
}

impl From<InputFormatArg> for InputFormat {
    fn from(f: InputFormatArg) -> Self {
        match f {
            InputFormatArg::Csv => Self::Csv,
            InputFormatArg::Xlsx => Self::Xlsx,
            InputFormatArg::Json => Self::Json,
        }
    }
}

/// Arguments of `motcua report`.
#[derive(Args)]
pub struct ReportArgs {
    /// The dossier table: CSV, Excel (.xlsx) or the portal's JSON (.json, .jsonl); `-` reads
    /// standard input.
    #[arg(long, short)]
    pub input: PathBuf,
    /// The input's format (default: from its extension; CSV for standard input).
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormatArg>,
    /// The sheet of a workbook to read (default: the first).
    #[arg(long)]
    pub sheet: Option<String>,
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
    pub format: ReportFormat,
    /// Language of text output and of the announcement.
    #[arg(long, value_enum, default_value = "vi")]
    pub lang: LangArg,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Form 06a: count dossiers closed without a result (withdrawn, stopped) as resolved on
    /// time (columns 7 and 9) instead of in an extra column.
    #[arg(long)]
    pub closed_as_on_time: bool,
    /// Form 06a: "Đơn vị báo cáo".
    #[arg(long, default_value = DEFAULT_REPORTING_UNIT)]
    pub reporting_unit: String,
    /// Form 06a: "Đơn vị nhận báo cáo".
    #[arg(long, default_value = DEFAULT_RECEIVING_UNIT)]
    pub receiving_unit: String,
    /// Agency names (CSV with columns `DonViXuLy` and `TenDonVi`, e.g. the units file); the
    /// sample's agencies are named without it.
    #[arg(long)]
    pub agency_names: Option<PathBuf>,
    /// Announcement: the center's name.
    #[arg(long)]
    pub center: Option<String>,
    /// The units file (contract section 9): agency names and levels (for `--by level` and
    /// the forms); with --rulebook, the facts for the announced grades.
    #[arg(long)]
    pub units: Option<PathBuf>,
    /// A procedure catalog (CSV: MaTTHC, TenTTHC, MaLinhVuc, TenLinhVuc, MucDo) that fills a
    /// dossier's missing level and field.
    #[arg(long)]
    pub catalog: Option<PathBuf>,
    /// Count per group too: agency, procedure, field, level, official or channel, or two of
    /// them (`--by agency,channel`).
    #[arg(long, value_parser = parse_by)]
    pub by: Option<ByKeys>,
    /// Add a series of the period's months or quarters.
    #[arg(long, value_enum)]
    pub every: Option<EveryArg>,
    /// What the previous period is: the period before, or the same period a year earlier.
    #[arg(long, value_enum, default_value = "previous")]
    pub compare: CompareArg,
    /// Text output: show only the N largest groups of the breakdown (by --sort).
    #[arg(long)]
    pub top: Option<usize>,
    /// Text output: sort the breakdown by this count, largest first (default: by key).
    #[arg(long)]
    pub sort: Option<String>,
    /// Announcement: grade the agencies by this rulebook (see `motcua rulebook list`) or
    /// rulebook file.
    #[arg(long)]
    pub rulebook: Option<String>,
    /// With --rulebook: refuse (exit status 1) a period outside the rulebook's validity.
    #[arg(long, requires = "rulebook")]
    pub strict_validity: bool,
    /// Rating slips (CSV): the satisfaction counts come from the slips dated in each period.
    #[arg(long)]
    pub ratings: Option<PathBuf>,
    /// Map every agency to its last successor (`DonViKeThua` of the units file) in every
    /// period compared, so that periods before and after a merger compare like for like.
    #[arg(long, requires = "units")]
    pub successors: bool,
}

/// `--every`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EveryArg {
    /// Calendar months.
    Month,
    /// Calendar quarters.
    Quarter,
}

/// `--compare`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CompareArg {
    /// The period before (previous month, quarter or year).
    Previous,
    /// The same period a year earlier.
    LastYear,
}

/// The keys of `--by` (one value holding one or two keys).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ByKeys(pub Vec<Dim>);

fn parse_by(s: &str) -> Result<ByKeys, String> {
    motcua_core::breakdown::parse_dims(s)
        .map(ByKeys)
        .map_err(|e| e.to_string())
}

/// The counting plan of `report`'s options.
fn plan(a: &ReportArgs, period: Period, units: &Units) -> Result<CountPlan> {
    let successors = if a.successors {
        Some(std::sync::Arc::new(units.successors()?))
    } else {
        None
    };
    Ok(CountPlan {
        period,
        compare: Some(match a.compare {
            CompareArg::Previous => Compare::Previous,
            CompareArg::LastYear => Compare::LastYear,
        }),
        by: a.by.clone().map(|b| b.0).unwrap_or_default(),
        every: a.every.map(|e| match e {
            EveryArg::Month => Step::Month,
            EveryArg::Quarter => Step::Quarter,
        }),
        successors,
    })
}

/// Runs `motcua report`.
pub fn run(a: &ReportArgs) -> Result<()> {
    let period = resolve_period(a.period.as_deref(), a.from.as_deref(), a.to.as_deref())?;
    let calendar = load_calendar(a.calendar.as_deref())?;
    let book = a
        .rulebook
        .as_deref()
        .map(crate::score::load_rulebook)
        .transpose()?;
    let units = match &a.units {
        Some(p) => motcua_io::units::read_units_file(p)?,
        None => Units::new(),
    };
    let opts = InputOptions {
        format: a.input_format.map(Into::into),
        sheet: a.sheet.clone(),
        read: ReadOptions {
            strict: a.strict,
            catalog: load_catalog(a.catalog.as_deref())?,
            ..ReadOptions::parallel()
        },
    };
    for w in units.level_warnings(period.to()) {
        let word = match Lang::from(a.lang) {
            Lang::Vi => "cảnh báo",
            Lang::En => "warning",
        };
        let _ = writeln!(std::io::stderr(), "motcua: {word}: {w}");
    }
    let mut counting = Counting::new(&plan(a, period, &units)?);
    let mut grader = book.as_ref().map(|b| Grader::new(b, period));
    let ing = stream_input_with(&a.input, &opts, &calendar, |d| {
        counting.count(d);
        if let Some(g) = &mut grader {
            g.add(d);
        }
    })?;
    let mut counted = counting.finish(&ing, &|code| level_of(&units, code));
    let ratings = crate::score::load_ratings(a.ratings.as_deref(), a.strict)?;
    if let Some(r) = &ratings {
        motcua_core::grading::replace_rating_counts(&mut counted.period, &r.slips, &period);
        for (p, t) in counted.previous.iter_mut().chain(counted.steps.iter_mut()) {
            motcua_core::grading::replace_rating_counts(t, &r.slips, p);
        }
    }
    let scores = grader.map(|g| g.finish(&ing.agencies, &ing.officials, &units, &counted.period));
    if let Some(s) = &scores {
        crate::score::check_validity(s, a.strict_validity, a.lang.into())?;
    }
    let report = counted.into_report(ing.input);
    let lang: Lang = a.lang.into();
    let text = match a.format {
        ReportFormat::Json => crate::score::with_ratings_summary(
            &motcua_io::report::to_json(&report),
            ratings.as_ref(),
        ),
        ReportFormat::Csv => match &report.breakdown {
            Some(b) => motcua_io::report::breakdown_csv(b),
            None => motcua_io::report::to_csv(&report),
        },
        ReportFormat::Text => {
            let order = TableOrder {
                top: a.top,
                sort: a.sort.clone(),
            };
            motcua_core::format::report_text_full(&report, lang, &order)?
                + &crate::score::ratings_text(ratings.as_ref(), lang)
        }
        ReportFormat::Announcement => {
            let grading = scores
                .as_ref()
                .zip(book.as_ref())
                .map(|(s, b)| motcua_core::grading::announcement_summary(s, b, lang));
            announcement(
                &report,
                &AnnouncementOptions {
                    lang,
                    center: a.center.clone(),
                    grading,
                },
            )
        }
        ReportFormat::Form06a => {
            let form = Form06a::build(&report, &form_options(a, &units)?);
            match &a.output {
                Some(p) if has_extension(p, "xlsx") => {
                    let bytes =
                        motcua_io::form06a::to_xlsx(&form).context("cannot write the workbook")?;
                    return write_bytes(p, &bytes);
                }
                Some(p) if !has_extension(p, "csv") => {
                    bail!(
                        "form 06a is written as .xlsx or .csv: name the output file {}.xlsx or .csv",
                        p.display()
                    )
                }
                _ => motcua_io::form06a::to_csv(&form),
            }
        }
    };
    write_output(a.output.as_ref(), &text)
}

fn has_extension(p: &Path, ext: &str) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// The options of form 06a; agency names from --agency-names, else the units file, else
/// the sample's.
fn form_options(a: &ReportArgs, units: &Units) -> Result<Form06aOptions> {
    let extra = a
        .agency_names
        .as_deref()
        .map(motcua_io::units::read_units_file)
        .transpose()?;
    let names = motcua_core::form06a::agency_names(std::iter::once(units).chain(extra.as_ref()));
    Ok(Form06aOptions {
        reporting_unit: a.reporting_unit.clone(),
        receiving_unit: a.receiving_unit.clone(),
        closed_as_on_time: a.closed_as_on_time,
        names,
    })
}
