//! The request of `report`, `score` and `list` on every surface, resolved from what a user
//! gives ([`Options`]), and the one pass over the input that counts, grades and lists it.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use motcua_core::breakdown::{Dim, parse_dims};
use motcua_core::calendar::Calendar;
use motcua_core::convention::Conventions;
use motcua_core::dossier::{Dataset, Dossier};
use motcua_core::grading::{
    Grader, Rulebook, ScoreReport, SlipMeans, Units, replace_rating_counts,
};
use motcua_core::period::Step;
use motcua_core::report::{Compare, Report};

use super::warning::{ReceivedRange, Warning, report_warnings};
use super::{Files, Given, PeriodSpec, ResolveError};
use crate::blocks::Ingested;
use crate::dossiers::ReadOptions;
use crate::input::{InputFormat, InputOptions, format_of, read_bytes, read_path, read_stream};
use crate::job::{CountPlan, Counted, Counting, level_of};
use crate::list::{DossierList, ListCount, ListFilters, ListRequest, build_list, keep_filter};
use crate::ratings::Ratings;

/// What a user gives for a request, before resolution: texts, names, paths, file contents.
#[derive(Debug, Clone, Default)]
pub struct Options<'a> {
    /// The period.
    pub period: PeriodSpec<'a>,
    /// The keys of the breakdown: each `agency`, `procedure`, `field`, `level`, `official`
    /// or `channel`, or two of them joined by a comma.
    pub by: Vec<&'a str>,
    /// The step of a series: `month` or `quarter`.
    pub every: Option<&'a str>,
    /// The comparison: `previous` (the default) or `last-year`; `none` for none.
    pub compare: Option<&'a str>,
    /// The rulebook to grade by (a built-in name, a file or TOML text); `None`: no grades.
    pub rulebook: Option<Given<'a>>,
    /// The work calendar; `None`: the built-in Vietnamese one.
    pub calendar: Option<Given<'a>>,
    /// The units file.
    pub units: Option<Given<'a>>,
    /// The procedure catalog.
    pub catalog: Option<Given<'a>>,
    /// The ratings file.
    pub ratings: Option<Given<'a>>,
    /// Grades' per-dossier means over the rating slips instead of the dossiers.
    pub slip_means: bool,
    /// Count each agency under its last successor (the units file's successors, contract
    /// section 9a).
    pub successors: bool,
    /// Stop at the first bad row (and the first bad slip).
    pub strict: bool,
    /// The input's format (`csv`, `xlsx`, `json`); `None`: from the file's name, else CSV.
    pub format: Option<&'a str>,
    /// The sheet of a workbook.
    pub sheet: Option<&'a str>,
    /// The source profile (contract section 14); `None`: detected from the header.
    pub profile: Option<Given<'a>>,
    /// The readers' size limits.
    pub limits: crate::limits::Limits,
    /// Where the time limit starts (Decree 309/2026): `receipt` (the default, contract
    /// section 3) or `deciding-agency` (`NgayTiepNhanCoQuanGiaiQuyet` when a row gives it).
    pub deadline_from: Option<&'a str>,
    /// Counting conventions of other systems, by name (`waiting_as_within_due`,
    /// `withdrawn_as_on_time`, `online_without_postal`; none: the contract's rules).
    pub conventions: Vec<&'a str>,
}

/// A resolved request.
#[derive(Debug, Clone)]
pub struct Request {
    /// What to count.
    pub plan: CountPlan,
    /// How to read the input (format, sheet, strictness, catalog, threads).
    pub read: InputOptions,
    /// The work calendar.
    pub calendar: Arc<Calendar>,
    /// The units file's facts (levels, names, grading facts).
    pub units: Units,
    /// The rulebook to grade by, if any.
    pub rulebook: Option<Rulebook>,
    /// The rating slips, if any.
    pub ratings: Option<Ratings>,
    /// Per-dossier means over the slips (needs `ratings`).
    pub slip_means: bool,
    /// The options given that apply while the table is read (`calendar`, `catalog`…):
    /// they cannot apply to dossiers already read.
    pub read_options_given: Vec<&'static str>,
    /// Warnings about the values given (agency levels that no longer exist in the period).
    pub warnings: Vec<String>,
}

impl Options<'_> {
    /// How to read the dossier table, from the options that apply while it is read: format,
    /// sheet, strictness, procedure catalog, source profile, size limits and where a time
    /// limit starts. Every reading entry of every surface resolves them here (no period is
    /// needed); the calendar is resolved apart ([`super::calendar`]).
    pub fn read_options(&self, files: Files) -> Result<InputOptions, ResolveError> {
        self.read_options_with(files, self.conventions()?)
    }

    /// [`Self::read_options`] with the conventions already parsed.
    fn read_options_with(
        &self,
        files: Files,
        conventions: Conventions,
    ) -> Result<InputOptions, ResolveError> {
        let format = self
            .format
            .map(str::parse::<InputFormat>)
            .transpose()
            .map_err(ResolveError::Argument)?;
        let catalog = self
            .catalog
            .as_ref()
            .map(|c| super::catalog(c, files).map(Arc::new))
            .transpose()?;
        Ok(InputOptions {
            format,
            sheet: self.sheet.map(str::to_owned),
            read: ReadOptions {
                strict: self.strict,
                catalog,
                limits: self.limits,
                deadline_from_deciding_agency: deadline_from_deciding_agency(self.deadline_from)?,
                closed_day_as_day_one: conventions.closed_day_as_day_one,
                profile: Some(Arc::new(super::profile(self.profile.as_ref(), files)?)),
                ..ReadOptions::default()
            },
        })
    }
}

impl Options<'_> {
    /// The counting conventions named (`conventions`), checked.
    fn conventions(&self) -> Result<Conventions, ResolveError> {
        self.conventions
            .join(",")
            .parse::<Conventions>()
            .map_err(|e| ResolveError::Argument(e.to_string()))
    }
}

/// Whether `--deadline-from` names the deciding agency's receipt.
fn deadline_from_deciding_agency(v: Option<&str>) -> Result<bool, ResolveError> {
    match v.map(str::trim) {
        None | Some("receipt") => Ok(false),
        Some("deciding-agency" | "deciding_agency") => Ok(true),
        Some(other) => Err(ResolveError::Argument(format!(
            "deadline-from '{other}': use receipt or deciding-agency"
        ))),
    }
}

/// The keys of `by`, each possibly holding two keys joined by a comma.
pub fn dims(by: &[&str]) -> Result<Vec<Dim>, ResolveError> {
    if by.is_empty() {
        return Ok(Vec::new());
    }
    parse_dims(&by.join(",")).map_err(|e| ResolveError::Argument(e.to_string()))
}

/// What `compare` names: `previous`, `last-year`, or `none` (no comparison).
pub fn comparison(given: &str) -> Result<Option<Compare>, ResolveError> {
    match given.trim() {
        "none" => Ok(None),
        c => c
            .parse::<Compare>()
            .map(Some)
            .map_err(ResolveError::Argument),
    }
}

/// The step of a series (`every`): `month` or `quarter`.
pub fn step(given: Option<&str>) -> Result<Option<Step>, ResolveError> {
    given
        .map(str::parse::<Step>)
        .transpose()
        .map_err(|e| ResolveError::Argument(e.to_string()))
}

impl Request {
    /// Resolves what a user gave.
    pub fn resolve(o: &Options<'_>, files: Files) -> Result<Self, ResolveError> {
        let period = super::period(&o.period)?;
        let compare = match o.compare {
            Some(c) => comparison(c)?,
            None => Some(Compare::Previous),
        };
        let every = step(o.every)?;
        let conventions = o.conventions()?;
        if o.slip_means && o.ratings.is_none() {
            return Err(ResolveError::Argument(
                "means over the rating slips need a ratings file".to_owned(),
            ));
        }
        let read = o.read_options_with(files, conventions)?;
        let units = super::units(o.units.as_ref(), files)?;
        let successors = if o.successors {
            Some(Arc::new(
                units
                    .successors()
                    .map_err(|e| ResolveError::Argument(e.to_string()))?,
            ))
        } else {
            None
        };
        Ok(Self {
            plan: CountPlan {
                period,
                compare,
                by: dims(&o.by)?,
                every,
                successors,
                conventions,
            },
            read,
            calendar: Arc::new(super::calendar(o.calendar.as_ref(), files)?),
            warnings: units.level_warnings(period.to()),
            units,
            rulebook: o
                .rulebook
                .as_ref()
                .map(|r| super::rulebook(r, files))
                .transpose()?,
            ratings: o
                .ratings
                .as_ref()
                .map(|r| super::ratings(r, o.strict, files))
                .transpose()?,
            slip_means: o.slip_means,
            read_options_given: [
                ("calendar", o.calendar.is_some()),
                ("catalog", o.catalog.is_some()),
                ("strict", o.strict),
                ("format", o.format.is_some()),
                ("sheet", o.sheet.is_some()),
                ("profile", o.profile.is_some()),
                ("deadline-from", o.deadline_from.is_some()),
                (
                    "the convention closed-day-as-day-one",
                    conventions.closed_day_as_day_one,
                ),
            ]
            .into_iter()
            .filter_map(|(n, given)| given.then_some(n))
            .collect(),
        })
    }
}

/// The dossier table of a request.
pub enum Input<'a> {
    /// A file; CSV and JSON stream, a workbook is read whole.
    Path(&'a Path),
    /// Several files read as one input, in this order (monthly exports): a code repeated
    /// in a later file is rejected there, and each row error names its file
    /// ([`motcua_core::record::RowError::file`]). Each file's format is its own.
    Paths(&'a [PathBuf]),
    /// A stream (standard input) in the request's format (CSV by default).
    Stream(Box<dyn Read + Send + 'a>),
    /// A table held in memory (the browser).
    Bytes(&'a [u8]),
    /// Dossiers already read: the calendar, catalog and read options of the request do not
    /// apply (they were those of the read).
    Dataset(&'a Dataset),
    /// The rows of a query on a PostgreSQL server (feature `postgres`), streamed as CSV.
    Postgres {
        /// The connection URI (`postgresql://user@host:port/db`).
        uri: &'a str,
        /// The query whose rows are the dossier table.
        query: &'a str,
    },
}

impl Input<'_> {
    /// The format the input is read in.
    #[must_use]
    pub fn format(&self, opts: &InputOptions) -> InputFormat {
        match self {
            Self::Path(p) if *p != Path::new("-") => format_of(p, opts),
            Self::Paths([p, ..]) => format_of(p, opts),
            _ => opts.format.unwrap_or(InputFormat::Csv),
        }
    }
}

/// What a request gives.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The report (contract sections 7 and 11).
    pub report: Report,
    /// The grades, when the request names a rulebook.
    pub score: Option<ScoreReport>,
    /// The rating slips the counts and grades took their ratings from, if any.
    pub ratings: Option<Ratings>,
    /// Warnings about the report (a period with no dossier); the grades' own are in
    /// `score`.
    pub warnings: Vec<Warning>,
}

fn ingested_of(ds: &Dataset) -> Ingested {
    Ingested {
        agencies: ds.agencies.clone(),
        officials: ds.officials.clone(),
        procedures: ds.procedures.clone(),
        fields: ds.fields.clone(),
        kept: Vec::new(),
        input: ds.input.clone(),
    }
}

/// Reads the input once, giving each dossier to `visit`; `given` names the read options
/// given, which cannot apply to dossiers already read.
fn read(
    input: Input<'_>,
    cal: &Calendar,
    given: &[&str],
    read: &InputOptions,
    progress: &(dyn Fn(u64) + Sync),
    mut visit: impl FnMut(&Dossier),
) -> Result<Ingested, ResolveError> {
    let format = input.format(read);
    let wrap = |error| ResolveError::Input { format, error };
    match input {
        Input::Dataset(ds) => {
            if !given.is_empty() {
                return Err(ResolveError::Argument(format!(
                    "{} apply while the table is read: give them when reading it, or give the file itself instead of dossiers already read",
                    given.join(", ")
                )));
            }
            ds.dossiers.iter().for_each(&mut visit);
            Ok(ingested_of(ds))
        }
        Input::Bytes(b) => read_bytes(format, b, cal, read, visit).map_err(wrap),
        Input::Stream(s) => read_stream(format, s, cal, read, progress, visit).map_err(wrap),
        Input::Postgres { uri, query } => postgres(uri, query, cal, read, progress, visit),
        Input::Path(p) => {
            let mut read = read.clone();
            read.format = Some(format);
            read.read.size_hint = std::fs::metadata(p).ok().map(|m| m.len());
            read_path(p, cal, &read, progress, visit).map_err(wrap)
        }
        Input::Paths(paths) => read_paths(paths, cal, read, progress, visit),
    }
}

/// Reads several files as one input: one duplicate check and one set of names across
/// them (a [`crate::dossiers::Chain`]); the summaries are added in file order, each row
/// error naming its file. `progress` counts the bytes of all files.
fn read_paths(
    paths: &[PathBuf],
    cal: &Calendar,
    read: &InputOptions,
    progress: &(dyn Fn(u64) + Sync),
    mut visit: impl FnMut(&Dossier),
) -> Result<Ingested, ResolveError> {
    let mut opts = read.clone();
    opts.read.chain = Some(crate::dossiers::Chain::new());
    let mut all = Ingested::default();
    let mut done = 0u64;
    for p in paths {
        let name = p.display().to_string();
        let format = format_of(p, read);
        opts.format = Some(format);
        let size = std::fs::metadata(p).ok().map(|m| m.len());
        opts.read.size_hint = size;
        let offset = done;
        let mut ing = read_path(p, cal, &opts, &|b| progress(offset + b), &mut visit).map_err(
            |mut error| {
                if let Some(e) = error.row_error_mut() {
                    e.file = Some(name.clone());
                }
                ResolveError::Input { format, error }
            },
        )?;
        done += size.unwrap_or(0);
        for e in &mut ing.input.errors {
            e.file = Some(name.clone());
        }
        all.input.append(std::mem::take(&mut ing.input));
        all.kept.append(&mut ing.kept);
        // the names are the chain's: each read leaves all of them so far
        all.agencies = ing.agencies;
        all.officials = ing.officials;
        all.procedures = ing.procedures;
        all.fields = ing.fields;
    }
    Ok(all)
}

#[cfg(feature = "postgres")]
fn postgres(
    uri: &str,
    query: &str,
    cal: &Calendar,
    read: &InputOptions,
    progress: &(dyn Fn(u64) + Sync),
    visit: impl FnMut(&Dossier),
) -> Result<Ingested, ResolveError> {
    crate::postgres::read_query(uri, query, cal, &read.read, progress, visit).map_err(|error| {
        ResolveError::Input {
            format: InputFormat::Csv,
            error,
        }
    })
}

#[cfg(not(feature = "postgres"))]
fn postgres(
    _uri: &str,
    _query: &str,
    _cal: &Calendar,
    _read: &InputOptions,
    _progress: &(dyn Fn(u64) + Sync),
    _visit: impl FnMut(&Dossier),
) -> Result<Ingested, ResolveError> {
    Err(ResolveError::Argument(
        "this build of motcua reads no PostgreSQL input (built without the 'postgres' feature)"
            .to_owned(),
    ))
}

/// Counts (and, with a rulebook, grades) the input in one pass.
pub fn run(
    req: &Request,
    input: Input<'_>,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Outcome, ResolveError> {
    let period = req.plan.period;
    let mut counting = Counting::new(&req.plan);
    let mut grader = req.rulebook.as_ref().map(|b| Grader::new(b, period));
    let mut received = ReceivedRange::default();
    let ing = read(
        input,
        &req.calendar,
        &req.read_options_given,
        &req.read,
        progress,
        |d| {
            received.add(d.received);
            counting.count(d);
            if let Some(g) = &mut grader {
                g.add(d);
            }
        },
    )?;
    let mut counted: Counted = counting.finish(&ing, &|code| level_of(&req.units, code));
    if let Some(r) = &req.ratings {
        replace_rating_counts(&mut counted.period, &r.slips, &period);
        for (p, t) in counted.previous.iter_mut().chain(counted.steps.iter_mut()) {
            replace_rating_counts(t, &r.slips, p);
        }
    }
    let score = grader.map(|mut g| {
        if let (Some(r), true) = (&req.ratings, req.slip_means) {
            g.use_slip_means(SlipMeans::new(&r.slips, &period));
        }
        // --successors: agencies are graded under their last successor, on the counts
        // mapped the same way
        let agencies = match &req.plan.successors {
            Some(last) => {
                counted.apply_successors();
                std::borrow::Cow::Owned(g.map_agencies(&ing.agencies, last))
            }
            None => std::borrow::Cow::Borrowed(&ing.agencies),
        };
        let mut s = g.finish(&agencies, &ing.officials, &req.units, &counted.period);
        s.successors.clone_from(&counted.mapped);
        s.input = Some(ing.input.clone());
        s
    });
    let report = counted.into_report(ing.input);
    Ok(Outcome {
        warnings: report_warnings(&report, received),
        report,
        score,
        ratings: req.ratings.clone(),
    })
}

/// Reads the input into memory as a [`Dataset`], with the read options of
/// [`Options::read_options`] and a calendar: the readers, the duplicate check across several
/// files and the file names on row errors of a request, for a surface's reading entry
/// (`motcua.read`).
pub fn read_dataset(
    read_options: &InputOptions,
    calendar: &Calendar,
    input: Input<'_>,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Dataset, ResolveError> {
    let mut dossiers = Vec::new();
    let ing = read(input, calendar, &[], read_options, progress, |d| {
        dossiers.push(*d);
    })?;
    Ok(ing.into_dataset(dossiers))
}

/// What to list (contract section 12), as a user gives it.
#[derive(Debug, Clone, Default)]
pub struct ListSpec<'a> {
    /// The count: any count of the report, or `due_soon`.
    pub count: &'a str,
    /// `due_soon`: within this many working days after the period (default 2).
    pub within: Option<u32>,
    /// The filters by name.
    pub filters: ListFilters,
}

/// The dossiers behind one count: reads the input once, keeping only them.
pub fn list(
    req: &Request,
    spec: &ListSpec<'_>,
    input: Input<'_>,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<DossierList, ResolveError> {
    let Some(count) = ListCount::parse(spec.count.trim(), spec.within.unwrap_or(2)) else {
        return Err(ResolveError::Argument(format!(
            "unknown count '{}': use one of {}",
            spec.count,
            ListCount::names().collect::<Vec<_>>().join(", ")
        )));
    };
    let lr = ListRequest {
        period: req.plan.period,
        count,
        filters: spec.filters.clone(),
        conventions: req.plan.conventions,
    };
    let mut opts = req.read.clone();
    opts.read.keep = Some(keep_filter(&lr, req.calendar.clone()));
    if matches!(input, Input::Dataset(_)) {
        return Err(ResolveError::Argument(
            "a list reads the dossier table again to keep the dossiers' codes: give the file itself, not dossiers already read".to_owned(),
        ));
    }
    let ing = read(
        input,
        &req.calendar,
        &req.read_options_given,
        &opts,
        progress,
        |_| {},
    )?;
    Ok(build_list(&lr, &ing, &req.units, &req.calendar))
}

/// A JSON output (`report` or `score`) with the ratings file's summary (rows, used,
/// rejected, errors) added to its `input` object as `input.ratings`, as every surface
/// prints it.
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

impl Outcome {
    /// The report as `report --format json` prints it.
    #[must_use]
    pub fn report_json(&self) -> String {
        with_ratings_summary(&crate::report::to_json(&self.report), self.ratings.as_ref())
    }

    /// Every warning of a request and of its outcome, in the order a user reads them: the
    /// values given (`Request::warnings`), then the report's (a period with no dossier).
    /// The grades' own warnings stay in the grades (`ScoreReport::warnings`).
    #[must_use]
    pub fn all_warnings(&self, req: &Request) -> Vec<Warning> {
        req.warnings
            .iter()
            .map(|w| Warning::levels(w))
            .chain(self.warnings.iter().cloned())
            .collect()
    }

    /// The grades as `score --format json` prints them, when the request graded.
    #[must_use]
    pub fn score_json(&self) -> Option<String> {
        self.score
            .as_ref()
            .map(|s| with_ratings_summary(&crate::writer::score_json(s), self.ratings.as_ref()))
    }
}
