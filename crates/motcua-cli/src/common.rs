//! Helpers shared by the subcommands: the input and period arguments, their resolution,
//! progress, outputs.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use motcua_core::calendar::Calendar;
use motcua_core::format::Lang;
use motcua_io::resolve::{Files, Given, Input, Options, PeriodSpec, Request, ResolveError};

/// Output formats of the report-like commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable table (Vietnamese by default).
    Text,
    /// JSON as the data contract describes it.
    Json,
    /// One row per agency and a total row.
    Csv,
}

/// Languages of text output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Vietnamese.
    Vi,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        }
    }
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
    /// An Arrow IPC file or stream.
    Arrow,
    /// A Parquet file.
    Parquet,
}

impl InputFormatArg {
    /// The format's name, as the resolution layer takes it.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
            Self::Json => "json",
            Self::Arrow => "arrow",
            Self::Parquet => "parquet",
        }
    }
}

/// `--deadline-from`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DeadlineFrom {
    /// The receipt of the dossier (`NgayTiepNhan`, contract section 3).
    Receipt,
    /// The deciding agency's receipt (`NgayTiepNhanCoQuanGiaiQuyet`), when a row gives it.
    DecidingAgency,
}

/// The input, period, calendar and reading options of `report`, `list` and `score`.
#[derive(Args)]
pub struct SourceArgs {
    /// The dossier table: CSV, Excel (.xlsx), the portal's JSON (.json, .jsonl), Arrow IPC
    /// (.arrow) or Parquet (.parquet), CSV or JSON compressed (.gz, .zst); `-` reads
    /// standard input; a PostgreSQL URI (`postgresql://user@host:port/db`) reads the rows
    /// of --query. Several files (`--input jan.csv feb.csv`, or --input repeated) are read
    /// as one input, in order: a code repeated in a later file is rejected there, and each
    /// bad row names its file.
    #[arg(long, short, required = true, num_args = 1.., action = clap::ArgAction::Append)]
    pub input: Vec<PathBuf>,
    /// With a PostgreSQL --input: the query whose rows are the dossier table (its columns
    /// named as the contract or the source profile names them).
    #[arg(long)]
    pub query: Option<String>,
    /// The input's format (default: from its extension; CSV for standard input).
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormatArg>,
    /// The sheet of a workbook to read (default: the first).
    #[arg(long)]
    pub sheet: Option<String>,
    /// A month (2021-07), quarter (2021-Q3), year (2021) or range (2021-07-01..2021-09-30).
    #[arg(long, short)]
    pub period: Option<String>,
    /// First day of the period (with --to), in any timestamp form of the data.
    #[arg(long)]
    pub from: Option<String>,
    /// Last day of the period (with --from), in any timestamp form of the data.
    #[arg(long)]
    pub to: Option<String>,
    /// A work calendar: a built-in name (vn, blank) or a TOML file (default: vn).
    #[arg(long)]
    pub calendar: Option<String>,
    /// A procedure catalog (CSV: `MaTTHC`, `TenTTHC`, `MaLinhVuc`, `TenLinhVuc`, `MucDo`) that fills a
    /// dossier's missing level and field.
    #[arg(long)]
    pub catalog: Option<PathBuf>,
    /// Stop at the first bad row instead of listing bad rows.
    #[arg(long)]
    pub strict: bool,
    /// Where a time limit (`ThoiHanGiaiQuyet`) starts: the receipt (`NgayTiepNhan`), or,
    /// as Decree 309/2026 has it, the deciding agency's receipt (`NgayTiepNhanCoQuanGiaiQuyet`)
    /// when a row gives it.
    #[arg(long, value_enum)]
    pub deadline_from: Option<DeadlineFrom>,
    /// Size limits of the input.
    #[command(flatten)]
    pub limits: crate::limits::LimitArgs,
    /// The source profile and the share of rejected rows allowed.
    #[command(flatten)]
    pub profile: crate::source::ProfileArgs,
}

impl SourceArgs {
    /// The options of the resolution layer these arguments give.
    #[must_use]
    pub fn options(&self) -> Options<'_> {
        Options {
            period: PeriodSpec {
                period: self.period.as_deref(),
                from: self.from.as_deref(),
                to: self.to.as_deref(),
            },
            calendar: self.calendar.as_deref().map(Given::Text),
            catalog: self.catalog.as_deref().map(Given::Path),
            strict: self.strict,
            format: self.input_format.map(InputFormatArg::name),
            sheet: self.sheet.as_deref(),
            profile: Some(Given::Text(&self.profile.profile)),
            limits: self.limits.limits(),
            deadline_from: self.deadline_from.map(|d| match d {
                DeadlineFrom::Receipt => "receipt",
                DeadlineFrom::DecidingAgency => "deciding-agency",
            }),
            ..Options::default()
        }
    }
}

/// The request of the options, read on every core.
pub fn resolve(o: &Options<'_>) -> Result<Request> {
    let mut req = Request::resolve(o, Files::Read)?;
    req.read.read.threads = 0;
    Ok(req)
}

/// Runs `f` on the input file (or standard input for `-`) with a progress bar; an error of
/// reading the input names the file.
pub fn with_input<T>(
    source: &SourceArgs,
    f: impl FnOnce(Input<'_>, &(dyn Fn(u64) + Sync)) -> Result<T, ResolveError>,
) -> Result<T> {
    if let [_, _, ..] = source.input.as_slice() {
        return with_inputs(source, f);
    }
    let input = source.input[0].as_path();
    let text = input.to_string_lossy();
    if motcua_io::resolve::is_database_uri(&text) {
        let Some(query) = source.query.as_deref() else {
            anyhow::bail!("a PostgreSQL --input needs --query \"SELECT … FROM …\"");
        };
        let pb = progress_bar(None, "reading");
        let res = f(Input::Postgres { uri: &text, query }, &|b| {
            pb.set_position(b);
        });
        pb.finish_and_clear();
        return Ok(res?);
    }
    if source.query.is_some() {
        anyhow::bail!("--query reads a PostgreSQL --input (postgresql://…), not a file");
    }
    let stdin = input == Path::new("-");
    if !stdin {
        std::fs::File::open(input)
            .with_context(|| format!("cannot open input file {}", input.display()))?;
    }
    let size = (!stdin)
        .then(|| std::fs::metadata(input).ok().map(|m| m.len()))
        .flatten();
    let pb = progress_bar(size, "reading");
    let src = if stdin {
        Input::Stream(Box::new(std::io::stdin()))
    } else {
        Input::Path(input)
    };
    let res = f(src, &|b| pb.set_position(b));
    pb.finish_and_clear();
    res.map_err(|e| match e {
        ResolveError::Input { .. } => {
            anyhow::Error::new(e).context(format!("input {}", input.display()))
        }
        e => e.into(),
    })
}

/// Several input files read as one.
fn with_inputs<T>(
    source: &SourceArgs,
    f: impl FnOnce(Input<'_>, &(dyn Fn(u64) + Sync)) -> Result<T, ResolveError>,
) -> Result<T> {
    if source.query.is_some() {
        anyhow::bail!("--query reads one PostgreSQL --input, not several files");
    }
    let mut size = 0;
    for p in &source.input {
        if p == Path::new("-") || motcua_io::resolve::is_database_uri(&p.to_string_lossy()) {
            anyhow::bail!(
                "with several --input files, each must be a file (not '-' or a database): {}",
                p.display()
            );
        }
        std::fs::File::open(p)
            .with_context(|| format!("cannot open input file {}", p.display()))?;
        size += std::fs::metadata(p).map_or(0, |m| m.len());
    }
    let pb = progress_bar(Some(size), "reading");
    let res = f(Input::Paths(&source.input), &|b| pb.set_position(b));
    pb.finish_and_clear();
    Ok(res?)
}

/// The built-in Vietnamese calendar, a built-in calendar by name, or a TOML calendar file.
pub fn load_calendar(given: Option<&str>) -> Result<Calendar> {
    Ok(motcua_io::resolve::calendar(
        given.map(Given::Text).as_ref(),
        Files::Read,
    )?)
}

/// A progress bar on stderr when stderr is a terminal; hidden otherwise.
#[must_use]
pub fn progress_bar(total: Option<u64>, what: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = match total {
        Some(t) => ProgressBar::new(t),
        None => ProgressBar::no_length(),
    };
    pb.set_style(
        ProgressStyle::with_template(
            "{msg} [{bar:40}] {bytes}/{total_bytes} ({bytes_per_sec}, {eta})",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    pb.set_message(what.to_owned());
    pb
}

/// How CSV output is written: the contract's dialect (a comma, no byte order mark) unless
/// asked otherwise, e.g. `--csv-separator ';' --csv-bom` for Excel under Vietnamese
/// regional settings.
#[derive(clap::Args, Debug, Clone)]
pub struct CsvArgs {
    /// The separator of CSV output: `,` (the default), `;` (what Excel expects under
    /// Vietnamese regional settings) or `tab`.
    #[arg(long, value_name = "SEP", default_value = ",")]
    pub csv_separator: motcua_io::writer::CsvDialect,
    /// Start CSV output with a UTF-8 byte order mark, so that Excel reads the Vietnamese
    /// letters right when the file is double-clicked.
    #[arg(long)]
    pub csv_bom: bool,
}

impl CsvArgs {
    /// The CSV text in the dialect asked for.
    #[must_use]
    pub fn apply(&self, csv: &str) -> String {
        motcua_io::writer::CsvDialect {
            bom: self.csv_bom,
            ..self.csv_separator
        }
        .apply(csv)
    }
}

/// Writes `bytes` (a binary file such as a workbook) to `--output FILE`.
pub fn write_bytes(output: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(output, bytes).with_context(|| format!("cannot write {}", output.display()))
}

/// Writes `text` to `--output FILE`, or to standard output.
pub fn write_output(output: Option<&PathBuf>, text: &str) -> Result<()> {
    if let Some(p) = output {
        return std::fs::write(p, text).with_context(|| format!("cannot write {}", p.display()));
    }
    let mut out = std::io::stdout().lock();
    let written = out.write_all(text.as_bytes()).and_then(|()| {
        if text.ends_with('\n') {
            out.flush()
        } else {
            out.write_all(b"\n").and_then(|()| out.flush())
        }
    });
    // a reader that stopped early (`| head`) closed standard output: the work is done
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// The counting conventions of other systems (the contract's rules by default); the output
/// names those applied.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct ConventionArgs {
    /// The one-stop systems' 06a: dossiers waiting for supplements or fees (5, 6) and
    /// stopped ones (8) count as pending within due.
    #[arg(long)]
    pub waiting_as_within_due: bool,
    /// Withdrawn dossiers (7) count as resolved on time; stopped ones (8) as pending.
    #[arg(long)]
    pub withdrawn_as_on_time: bool,
    /// The national index's online share: postal dossiers left out of its denominator.
    #[arg(long)]
    pub online_without_postal: bool,
    /// A dossier received on a closed day has the first working day after it as day 1 of
    /// its time limit (the contract counts from the day after that).
    #[arg(long)]
    pub closed_day_as_day_one: bool,
}

impl ConventionArgs {
    /// The conventions asked for.
    #[must_use]
    pub fn conventions(&self) -> motcua_core::convention::Conventions {
        motcua_core::convention::Conventions {
            waiting_as_within_due: self.waiting_as_within_due,
            withdrawn_as_on_time: self.withdrawn_as_on_time,
            online_without_postal: self.online_without_postal,
            closed_day_as_day_one: self.closed_day_as_day_one,
        }
    }
}

/// Prints the warnings of a request on stderr, one line each, in `lang`: the values given
/// (`Request::warnings`) and, after the run, the report's (a period with no dossier).
pub fn print_warnings(warnings: &[motcua_io::resolve::Warning], lang: Lang) {
    let word = match lang {
        Lang::Vi => "cảnh báo",
        Lang::En => "warning",
    };
    let mut err = std::io::stderr().lock();
    for w in warnings {
        // a closed stderr never changes the status (contract section 15)
        let _ = writeln!(err, "motcua: {word}: {}", w.text(lang));
    }
}
