//! Helpers shared by the subcommands: inputs, calendars, periods, progress.

use std::fs::File;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressStyle};
use motcua_core::calendar::Calendar;
use motcua_core::dossier::Dossier;
use motcua_core::format::Lang;
use motcua_core::period::Period;
use motcua_io::dossiers::{Ingested, ReadOptions};
use motcua_io::input::{InputFormat, InputOptions, format_of, read_stream};

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

/// The period from `--period` or `--from/--to`.
pub fn resolve_period(
    period: Option<&str>,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<Period> {
    match (period, from, to) {
        (Some(p), None, None) => Ok(p.parse::<Period>()?),
        (None, Some(f), Some(t)) => {
            let f = parse_date(f, "--from")?;
            let t = parse_date(t, "--to")?;
            Ok(Period::range(f, t)?)
        }
        (None, None, None) => {
            bail!("give a period: --period 2021-Q3 (or 2021-07, 2021), or --from DATE --to DATE")
        }
        (Some(_), _, _) => bail!("give either --period or --from/--to, not both"),
        _ => bail!("--from and --to go together"),
    }
}

/// A date option in any timestamp form of the contract (section 2), as the readers take it.
fn parse_date(s: &str, flag: &str) -> Result<NaiveDate> {
    motcua_core::record::parse_date(s).with_context(|| format!("{flag} '{s}' is not a date"))
}

/// The built-in Vietnamese calendar, or a TOML calendar file.
pub fn load_calendar(path: Option<&Path>) -> Result<Calendar> {
    match path {
        None => Ok(Calendar::vn()),
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("cannot read calendar file {}", p.display()))?;
            Calendar::from_toml(&text).with_context(|| format!("calendar file {}", p.display()))
        }
    }
}

/// A procedure catalog file (contract section 13), shared by the readers.
pub fn load_catalog(
    path: Option<&Path>,
) -> Result<Option<std::sync::Arc<motcua_core::catalog::Catalog>>> {
    path.map(|p| motcua_io::catalog::read_catalog_file(p).map(std::sync::Arc::new))
        .transpose()
        .map_err(Into::into)
}

/// An input file, or standard input for `-`, with its size when known.
pub fn open_input(path: &Path) -> Result<(Box<dyn Read + Send>, Option<u64>)> {
    if path == Path::new("-") {
        return Ok((Box::new(std::io::stdin()), None));
    }
    let f =
        File::open(path).with_context(|| format!("cannot open input file {}", path.display()))?;
    let size = f.metadata().ok().map(|m| m.len());
    Ok((Box::new(f), size))
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

/// Streams the dossiers of `input` to `visit`, on every core, with a progress bar; the
/// format follows the file's extension (CSV when it says nothing, and for `-`).
pub fn stream_input(
    input: &Path,
    calendar: &Calendar,
    strict: bool,
    visit: impl FnMut(&Dossier),
) -> Result<Ingested> {
    let opts = InputOptions {
        read: ReadOptions {
            strict,
            ..ReadOptions::parallel()
        },
        ..InputOptions::default()
    };
    stream_input_with(input, &opts, calendar, visit)
}

/// Streams the dossiers of `input` (a file, or `-` for standard input) in the format of
/// `opts` (else the extension's), with a progress bar.
pub fn stream_input_with(
    input: &Path,
    opts: &InputOptions,
    calendar: &Calendar,
    visit: impl FnMut(&Dossier),
) -> Result<Ingested> {
    let format = input_format(input, opts);
    let res = if format == InputFormat::Xlsx && input != Path::new("-") {
        motcua_io::input::read_path(input, calendar, opts, &|_| {}, visit)
    } else {
        let (reader, size) = open_input(input)?;
        let pb = progress_bar(size, "reading");
        let mut opts = opts.clone();
        opts.read.size_hint = size;
        let res = read_stream(
            format,
            reader,
            calendar,
            &opts,
            &|b| pb.set_position(b),
            visit,
        );
        pb.finish_and_clear();
        res
    };
    res.with_context(|| format!("input {}", input.display()))
}

/// The format `input` is read in: `--input-format`, else the extension's, else CSV.
#[must_use]
pub fn input_format(input: &Path, opts: &InputOptions) -> InputFormat {
    if input == Path::new("-") {
        return opts.format.unwrap_or(InputFormat::Csv);
    }
    format_of(input, opts)
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
    out.write_all(text.as_bytes())?;
    if !text.ends_with('\n') {
        out.write_all(b"\n")?;
    }
    Ok(())
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
}

impl ConventionArgs {
    /// The conventions asked for.
    #[must_use]
    pub fn conventions(&self) -> motcua_core::convention::Conventions {
        motcua_core::convention::Conventions {
            waiting_as_within_due: self.waiting_as_within_due,
            withdrawn_as_on_time: self.withdrawn_as_on_time,
            online_without_postal: self.online_without_postal,
        }
    }
}
