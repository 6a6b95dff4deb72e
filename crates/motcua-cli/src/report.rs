//! `motcua report`: the period report as text, JSON or CSV, report form Biểu II.06a (XLSX
//! or CSV), or the press announcement.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use motcua_core::announcement::{AnnouncementOptions, announcement};
use motcua_core::form06a::{
    DEFAULT_RECEIVING_UNIT, DEFAULT_REPORTING_UNIT, Form06a, Form06aOptions, FormKind, FormRows,
};
use motcua_core::format::{Lang, TableOrder};
use motcua_core::grading::Units;
use motcua_io::resolve::{Given, Options};

use crate::common::{
    LangArg, SourceArgs, print_warnings, resolve, with_input, write_bytes, write_output,
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
    /// The same columns by procedure (06b, as one-stop systems print it): `.xlsx` or CSV.
    Form06b,
    /// The same columns by field (07a, as one-stop systems print it): `.xlsx` or CSV.
    Form07a,
    /// The press announcement (Vietnamese by default, --lang en).
    Announcement,
}

/// Arguments of `motcua report`.
#[derive(Args)]
pub struct ReportArgs {
    /// The input, period, calendar and reading options.
    #[command(flatten)]
    pub source: SourceArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "text")]
    pub format: ReportFormat,
    /// Language of text output and of the announcement.
    #[arg(long, value_enum, default_value = "vi")]
    pub lang: LangArg,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// The CSV dialect of CSV output.
    #[command(flatten)]
    pub csv: crate::common::CsvArgs,
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
    /// Agency names (CSV with columns `DonViXuLy` and `TenDonVi`, e.g. the units file); an
    /// agency without a name shows its code.
    #[arg(long)]
    pub agency_names: Option<PathBuf>,
    /// Announcement: the center's name.
    #[arg(long)]
    pub center: Option<String>,
    /// The units file (contract section 9): agency names and levels (for `--by level` and
    /// the forms); with --rulebook, the facts for the announced grades.
    #[arg(long)]
    pub units: Option<PathBuf>,
    /// Count per group too: agency, procedure, field, level, official or channel, or two of
    /// them (`--by agency,channel`).
    #[arg(long, value_parser = parse_by)]
    pub by: Option<String>,
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
    /// Forms: what the rows of Biểu II.06a are (agencies, or fields under each level, which
    /// needs `MaLinhVuc` or --catalog).
    #[arg(long, value_enum, default_value = "agencies")]
    pub form_rows: FormRowsArg,
    /// Forms: the place of the signature line ("Sóc Trăng, ngày …").
    #[arg(long)]
    pub place: Option<String>,
    /// Forms: the date of the signature line (any contract date form); without it the line
    /// reads "ngày … tháng … năm …" to fill by hand.
    #[arg(long)]
    pub signed_on: Option<String>,
    /// Counting conventions of other systems.
    #[command(flatten)]
    pub conventions: crate::common::ConventionArgs,
    /// Map every agency to its last successor (`DonViKeThua` of the units file) in every
    /// period compared, so that periods before and after a merger compare like for like.
    #[arg(long, requires = "units")]
    pub successors: bool,
}

/// `--form-rows`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormRowsArg {
    /// One row per agency, in the units file's order.
    Agencies,
    /// Under each level a row per field.
    FieldsByLevel,
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

/// `--by`, checked by the resolution layer's rule (a bad key is a usage error).
fn parse_by(s: &str) -> Result<String, String> {
    motcua_io::resolve::dims(&[s])
        .map(|_| s.to_owned())
        .map_err(|e| e.to_string())
}

/// Runs `motcua report`.
pub fn run(a: &ReportArgs) -> Result<()> {
    let o = Options {
        by: a.by.as_deref().into_iter().collect(),
        every: a.every.map(|e| match e {
            EveryArg::Month => "month",
            EveryArg::Quarter => "quarter",
        }),
        compare: Some(match a.compare {
            CompareArg::Previous => "previous",
            CompareArg::LastYear => "last-year",
        }),
        rulebook: a.rulebook.as_deref().map(Given::Text),
        units: a.units.as_deref().map(Given::Path),
        ratings: a.ratings.as_deref().map(Given::Path),
        successors: a.successors,
        conventions: a.conventions.conventions().applied(),
        ..a.source.options()
    };
    let mut req = resolve(&o)?;
    if let Some(kind) = form_kind(a.format) {
        // a form's rows are its own key, whatever --by says
        req.plan.by = form_rows(a, kind).dims().to_vec();
    }
    let out = with_input(&a.source, |input, progress| {
        motcua_io::resolve::run(&req, input, progress)
    })?;
    a.source.profile.after_read(&out.report.input);
    print_warnings(&out.all_warnings(&req), a.lang.into());
    if let Some(s) = &out.score {
        crate::score::check_validity(s, a.strict_validity, a.lang.into())?;
    }
    let (report, scores, ratings, book, units) = (
        out.report,
        out.score,
        out.ratings,
        req.rulebook.as_ref(),
        &req.units,
    );
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
                .zip(book)
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
        ReportFormat::Form06a | ReportFormat::Form06b | ReportFormat::Form07a => {
            let catalog = req.read.read.catalog.as_deref();
            let form = Form06a::by_key(&report, &form_options(a, units, catalog)?)?;
            match &a.output {
                Some(p) if has_extension(p, "xlsx") => {
                    let bytes =
                        motcua_io::form06a::to_xlsx(&form).context("cannot write the workbook")?;
                    return write_bytes(p, &bytes);
                }
                Some(p) if !has_extension(p, "csv") => {
                    bail!(
                        "the forms are written as .xlsx or .csv: name the output file {}.xlsx or .csv",
                        p.display()
                    )
                }
                _ => motcua_io::form06a::to_csv(&form),
            }
        }
    };
    let text = match a.format {
        ReportFormat::Csv
        | ReportFormat::Form06a
        | ReportFormat::Form06b
        | ReportFormat::Form07a => a.csv.apply(&text),
        _ => text,
    };
    write_output(a.output.as_ref(), &text)
}

fn has_extension(p: &Path, ext: &str) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// The form a report format asks for.
fn form_kind(f: ReportFormat) -> Option<FormKind> {
    match f {
        ReportFormat::Form06a => Some(FormKind::Form06a),
        ReportFormat::Form06b => Some(FormKind::Form06b),
        ReportFormat::Form07a => Some(FormKind::Form07a),
        _ => None,
    }
}

/// What a form's rows are: `--form-rows` for 06a, the form's own key otherwise.
fn form_rows(a: &ReportArgs, kind: FormKind) -> FormRows {
    match (kind, a.form_rows) {
        (FormKind::Form06a, FormRowsArg::FieldsByLevel) => FormRows::FieldsByLevel,
        _ => kind.layout().rows,
    }
}

/// The options of the forms: agency names from --agency-names and the units file (never
/// the sample's), procedure and field names from the catalog, agencies in the units
/// file's order.
fn form_options(
    a: &ReportArgs,
    units: &Units,
    catalog: Option<&motcua_core::catalog::Catalog>,
) -> Result<Form06aOptions> {
    let extra = a
        .agency_names
        .as_deref()
        .map(motcua_io::units::read_units_file)
        .transpose()?;
    let kind = form_kind(a.format).unwrap_or_default();
    let rows = form_rows(a, kind);
    let names = match rows {
        FormRows::Agencies => {
            motcua_core::form06a::agency_names(std::iter::once(units).chain(extra.as_ref()))
        }
        FormRows::Procedures => catalog
            .map(motcua_core::catalog::Catalog::procedure_names)
            .unwrap_or_default(),
        _ => catalog
            .map(motcua_core::catalog::Catalog::field_names)
            .unwrap_or_default(),
    };
    let date = a
        .signed_on
        .as_deref()
        .map(|d| {
            motcua_core::record::parse_date(d)
                .with_context(|| format!("--signed-on '{d}' is not a date"))
        })
        .transpose()?;
    Ok(Form06aOptions {
        reporting_unit: a.reporting_unit.clone(),
        receiving_unit: a.receiving_unit.clone(),
        closed_as_on_time: a.closed_as_on_time,
        names,
        order: units.codes_in_file_order(),
        kind,
        rows: Some(rows),
        place: a.place.clone(),
        date,
    })
}
