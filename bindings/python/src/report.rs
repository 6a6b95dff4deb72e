//! `motcua.report` and `motcua.Report`.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use motcua_core::announcement::{AnnouncementOptions, announcement};
use motcua_core::form06a::{
    DEFAULT_RECEIVING_UNIT, DEFAULT_REPORTING_UNIT, Form06a, Form06aOptions,
};
use motcua_core::format::{Lang, report_text};
use motcua_core::report::Report;
use pyo3::exceptions::{PyKeyError, PyOSError};
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

use crate::arrow_out::PyTableOut;
use crate::arrow_out::{self, Col};
use crate::convert::{Int, Text};
use crate::dataset::PyRowError;
use crate::errors::MotcuaError;
use crate::score::PyScore;
use crate::{convert, json, request};

/// Parses a language code ("vi" or "en").
pub fn lang(code: Text) -> PyResult<Lang> {
    String::from(code)
        .parse::<Lang>()
        .map_err(|e| MotcuaError::new_err(e.to_string()))
}

/// The report of one period (contract section 7): counts and rates per agency and in
/// total, the input summary, and the previous period for a month, quarter or year.
#[pyclass(name = "Report", module = "motcua", frozen)]
pub struct PyReport {
    /// The core's report.
    pub inner: Arc<Report>,
    /// The rating slips its ratings were counted from, if any.
    pub ratings: Option<Arc<motcua_io::ratings::Ratings>>,
    /// Agency names by code (the units file's `TenDonVi`), for the tables.
    pub names: Arc<BTreeMap<String, String>>,
    /// The library's warnings about the request and its report (agency levels that no
    /// longer exist in the period, a period with no dossier).
    pub warnings: Arc<Vec<motcua_io::resolve::Warning>>,
}

/// A table of the report converted for `backend`: "pandas", "polars" or "arrow".
fn frame<'py>(
    py: Python<'py>,
    batch: arrow_array::RecordBatch,
    backend: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let table = Bound::new(py, PyTableOut::new(vec![batch]))?;
    match backend {
        "pandas" => arrow_out::to_pandas(table.as_any()),
        "polars" => arrow_out::to_polars(table.as_any()),
        "arrow" | "pyarrow" => arrow_out::to_pyarrow(table.as_any()),
        other => Err(MotcuaError::new_err(format!(
            "unknown backend '{other}' (use pandas, polars or arrow)"
        ))),
    }
}

#[pymethods]
impl PyReport {
    /// The report as `motcua report --format json` prints it, as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::loads(py, &self.to_json())
    }

    /// The report as JSON text, exactly as `motcua report --format json` prints it.
    fn to_json(&self) -> String {
        motcua_io::resolve::with_ratings_summary(
            &motcua_io::report::to_json(&self.inner),
            self.ratings.as_deref(),
        )
    }

    /// The report as CSV text, exactly as `motcua report --format csv` prints it: the
    /// breakdown's rows when the report has one, else one row per agency and a TOTAL row.
    fn to_csv(&self) -> String {
        match &self.inner.breakdown {
            Some(b) => motcua_io::report::breakdown_csv(b),
            None => motcua_io::report::to_csv(&self.inner),
        }
    }

    /// The breakdown (contract section 11) as a dict, or None.
    #[getter]
    fn breakdown<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .breakdown
            .as_ref()
            .map(|b| json::to_py(py, b))
            .transpose()
    }

    /// The series (contract section 11): one dict per step, or None.
    #[getter]
    fn series<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .series
            .as_ref()
            .map(|s| json::to_py(py, s))
            .transpose()
    }

    /// The report as the CLI's text table (`lang` "vi" or "en").
    #[pyo3(signature = (lang = Text::from("vi")), text_signature = "($self, lang=\"vi\")")]
    fn text(&self, lang: Text) -> PyResult<String> {
        Ok(report_text(&self.inner, self::lang(lang)?))
    }

    /// The report as an HTML table (`lang` "vi" or "en").
    #[pyo3(signature = (lang = Text::from("vi")), text_signature = "($self, lang=\"vi\")")]
    fn html(&self, lang: Text) -> PyResult<String> {
        Ok(motcua_core::format::html::report(
            &self.inner,
            self::lang(lang)?,
        ))
    }

    fn _repr_html_(&self) -> String {
        motcua_core::format::html::report(&self.inner, Lang::Vi)
    }

    fn __repr__(&self) -> String {
        let t = &self.inner.total.counts;
        format!(
            "<motcua.Report {} ({}..{}): {} agencies, received {}, resolved {}, pending {}>",
            self.inner.period,
            self.inner.period.from(),
            self.inner.period.to(),
            self.inner.agencies.len(),
            t.received,
            t.resolved,
            t.pending
        )
    }

    fn __str__(&self) -> String {
        report_text(&self.inner, Lang::Vi)
    }

    /// The library's warnings about the report (each also issued as a `MotcuaWarning`):
    /// dicts with `kind`, `message` (English) and `message_vi`.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_py(py, &*self.warnings)
    }

    /// The period as (first day, last day).
    #[getter]
    fn period(&self) -> (NaiveDate, NaiveDate) {
        (self.inner.period.from(), self.inner.period.to())
    }

    /// The period's name: '2021-Q3', '2021-07', '2021' or '2021-07-01..2021-09-20'.
    #[getter]
    fn period_name(&self) -> String {
        self.inner.period.to_string()
    }

    /// The totals: every count and `rates` (each with numerator, denominator and value, or None).
    #[getter]
    fn total<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_py(py, &self.inner.total)
    }

    /// Agency codes, sorted.
    #[getter]
    fn agencies(&self) -> Vec<String> {
        self.inner
            .agencies
            .iter()
            .map(|a| a.agency.clone())
            .collect()
    }

    /// The figures of one agency, as in `total`.
    fn agency<'py>(&self, py: Python<'py>, code: Text) -> PyResult<Bound<'py, PyAny>> {
        match self.inner.agency(&code) {
            Some(f) => json::to_py(py, f),
            None => Err(PyKeyError::new_err(format!(
                "no agency '{code}' in the report (agencies: {})",
                self.agencies().join(", ")
            ))),
        }
    }

    /// The input summary (rows, used, rejected, not_received, errors).
    #[getter]
    fn input<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_py(py, &self.inner.input)
    }

    /// The rejected rows of the input.
    #[getter]
    fn errors(&self) -> Vec<PyRowError> {
        self.inner
            .input
            .errors
            .iter()
            .map(PyRowError::from)
            .collect()
    }

    /// The previous period and its totals, or None.
    #[getter]
    fn previous<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .previous
            .as_ref()
            .map(|p| json::to_py(py, p))
            .transpose()
    }

    /// Each count's change against the previous period, or None.
    #[getter]
    fn change<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .change
            .as_ref()
            .map(|c| json::to_py(py, c))
            .transpose()
    }

    /// Report form Biểu II.06a (Circular 01/2020/TT-VPCP) as a table: the form's numbered
    /// columns with their headings, a row per agency and the total row; as a pandas
    /// DataFrame (`backend` "pandas"), a polars DataFrame ("polars") or a pyarrow Table
    /// ("arrow").
    ///
    /// Agency names (column 2) come from `names` ({code: name}), else the units file or
    /// table `units` (TenDonVi), else the code. By default a
    /// 14th column lists the dossiers closed without a result (withdrawn, stopped), which the
    /// form has no column for; `closed_as_on_time=True` counts them as resolved on time
    /// (columns 7 and 9) and gives exactly the form's 13 columns.
    #[pyo3(signature = (*, names = None, units = None, closed_as_on_time = false, reporting_unit = None, receiving_unit = None, backend = Text::from("pandas")))]
    #[pyo3(
        text_signature = "($self, *, names=None, units=None, closed_as_on_time=False, reporting_unit=None, receiving_unit=None, backend=\"pandas\")"
    )]
    #[allow(clippy::too_many_arguments)]
    fn form06a<'py>(
        &self,
        py: Python<'py>,
        names: Option<BTreeMap<Text, Text>>,
        units: Option<&Bound<'py, PyAny>>,
        closed_as_on_time: bool,
        reporting_unit: Option<Text>,
        receiving_unit: Option<Text>,
        backend: Text,
    ) -> PyResult<Bound<'py, PyAny>> {
        let form = self.build_form(
            py,
            names,
            units,
            closed_as_on_time,
            reporting_unit,
            receiving_unit,
        )?;
        frame(py, form_batch(&form), &backend)
    }

    /// Writes report form Biểu II.06a to `path`: an Excel workbook in the official layout
    /// (`.xlsx`) or CSV (`.csv`), exactly as `motcua report --format form06a` writes it.
    /// Options as for `form06a()`.
    #[pyo3(signature = (path, *, names = None, units = None, closed_as_on_time = false, reporting_unit = None, receiving_unit = None))]
    #[allow(clippy::too_many_arguments)]
    fn save_form06a(
        &self,
        py: Python<'_>,
        path: &Bound<'_, PyAny>,
        names: Option<BTreeMap<Text, Text>>,
        units: Option<&Bound<'_, PyAny>>,
        closed_as_on_time: bool,
        reporting_unit: Option<Text>,
        receiving_unit: Option<Text>,
    ) -> PyResult<()> {
        let path = convert::path(path)?;
        let form = self.build_form(
            py,
            names,
            units,
            closed_as_on_time,
            reporting_unit,
            receiving_unit,
        )?;
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let bytes = match ext.as_deref() {
            Some("xlsx") => motcua_io::form06a::to_xlsx(&form)
                .map_err(|e| MotcuaError::new_err(format!("cannot write the workbook: {e}")))?,
            Some("csv") => motcua_io::form06a::to_csv(&form).into_bytes(),
            _ => {
                return Err(MotcuaError::new_err(format!(
                    "form 06a is written as .xlsx or .csv: name the file {}.xlsx or .csv",
                    path.display()
                )));
            }
        };
        std::fs::write(&path, bytes)
            .map_err(|e| PyOSError::new_err(format!("cannot write {}: {e}", path.display())))
    }

    /// The press announcement of the period's figures ("Trong quý III năm 2021, Trung tâm …
    /// đã tiếp nhận 12.656 hồ sơ …"), in Vietnamese or English; with `score` (a `Score` of
    /// the same period) it announces the grades too. `center`: the center's name.
    #[pyo3(
        signature = (lang = Text::from("vi"), center = None, score = None),
        text_signature = "($self, lang=\"vi\", center=None, score=None)"
    )]
    fn announcement(
        &self,
        lang: Text,
        center: Option<Text>,
        score: Option<PyRef<'_, PyScore>>,
    ) -> PyResult<String> {
        let lang = self::lang(lang)?;
        let grading = score.map(|s| s.grading_summary(lang));
        Ok(announcement(
            &self.inner,
            &AnnouncementOptions {
                lang,
                center: center.map(String::from),
                grading,
            },
        ))
    }

    /// The agencies' table (one row per agency, no total row) through the Arrow PyCapsule
    /// interface.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyCapsule>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        arrow_out::stream(
            py,
            arrow_out::report_batch(&self.inner, &self.names),
            requested_schema,
        )
    }

    /// The total as a one-row table: every count, then each rate's value (`backend`
    /// "pandas", "polars" or "arrow").
    #[pyo3(signature = (backend = Text::from("pandas")), text_signature = "($self, backend=\"pandas\")")]
    fn total_frame<'py>(&self, py: Python<'py>, backend: Text) -> PyResult<Bound<'py, PyAny>> {
        frame(py, arrow_out::total_batch(&self.inner), &backend)
    }

    /// The breakdown (contract section 11) as a tidy table: one row per group, a column
    /// per key of `by` (named as the key; None for dossiers without a value), then every
    /// count and each rate's value. The rows add up to the total.
    #[pyo3(signature = (backend = Text::from("pandas")), text_signature = "($self, backend=\"pandas\")")]
    fn breakdown_frame<'py>(&self, py: Python<'py>, backend: Text) -> PyResult<Bound<'py, PyAny>> {
        let Some(b) = &self.inner.breakdown else {
            return Err(MotcuaError::new_err(
                "the report has no breakdown: give by= to motcua.report (by=\"procedure\")",
            ));
        };
        frame(py, arrow_out::breakdown_batch(b), &backend)
    }

    /// The series (contract section 11) as a tidy table: `from` and `to` (the step's
    /// first and last day, as dates), the group's columns, then every count and each rate's
    /// value. `of`: "total" (one row per step), "agencies" (per step and agency: `agency`,
    /// `name`) or "breakdown" (per step and group: the keys of `by`); by default the
    /// breakdown's groups when the report has one, else the agencies.
    #[pyo3(
        signature = (of = None, backend = Text::from("pandas")),
        text_signature = "($self, of=None, backend=\"pandas\")"
    )]
    fn series_frame<'py>(
        &self,
        py: Python<'py>,
        of: Option<Text>,
        backend: Text,
    ) -> PyResult<Bound<'py, PyAny>> {
        if self.inner.series.is_none() {
            return Err(MotcuaError::new_err(
                "the report has no series: give every= to motcua.report (every=\"month\")",
            ));
        }
        let of = match of.as_deref() {
            None if self.inner.breakdown.is_some() => arrow_out::SeriesOf::Breakdown,
            None | Some("agencies") => arrow_out::SeriesOf::Agencies,
            Some("total") => arrow_out::SeriesOf::Total,
            Some("breakdown") if self.inner.breakdown.is_some() => arrow_out::SeriesOf::Breakdown,
            Some("breakdown") => {
                return Err(MotcuaError::new_err(
                    "the report has no breakdown: give by= to motcua.report as well as every=",
                ));
            }
            Some(other) => {
                return Err(MotcuaError::new_err(format!(
                    "of='{other}': use 'total', 'agencies' or 'breakdown'"
                )));
            }
        };
        frame(
            py,
            arrow_out::series_batch(&self.inner, of, &self.names),
            &backend,
        )
    }

    /// One row per agency (no total row: the total is `total_frame()` or `total`), as a
    /// pyarrow.Table: `agency`, `name` (the units file's `TenDonVi`, None when unknown),
    /// every count of contract section 5, then each rate's value (`resolution_rate`,
    /// `on_time_rate`, `early_rate`, `online_rate`, `satisfaction_rate`; None when its
    /// denominator is 0).
    fn to_arrow<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        arrow_out::to_pyarrow(slf.as_any())
    }

    /// As `to_arrow`, as a polars.DataFrame.
    fn to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        arrow_out::to_polars(slf.as_any())
    }

    /// As `to_arrow`, as a pandas.DataFrame.
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        arrow_out::to_pandas(slf.as_any())
    }
}

impl PyReport {
    /// The options of form 06a, with agency names as `motcua report --format form06a`
    /// takes them: the units', then `names`.
    fn build_form(
        &self,
        py: Python<'_>,
        names: Option<BTreeMap<Text, Text>>,
        units: Option<&Bound<'_, PyAny>>,
        closed_as_on_time: bool,
        reporting_unit: Option<Text>,
        receiving_unit: Option<Text>,
    ) -> PyResult<Form06a> {
        let units = crate::score::units(py, units)?;
        let mut all = (*self.names).clone();
        all.extend(motcua_core::form06a::agency_names([&units]));
        all.extend(
            names
                .unwrap_or_default()
                .into_iter()
                .map(|(k, v)| (k.0, v.0)),
        );
        let opts = Form06aOptions {
            reporting_unit: reporting_unit
                .map_or_else(|| DEFAULT_REPORTING_UNIT.to_owned(), String::from),
            receiving_unit: receiving_unit
                .map_or_else(|| DEFAULT_RECEIVING_UNIT.to_owned(), String::from),
            closed_as_on_time,
            names: all,
            ..Form06aOptions::default()
        };
        Ok(Form06a::build(&self.inner, &opts))
    }
}

/// The form's table: the flat headings (as in the CLI's CSV), STT as text (null on the
/// total row), the label, then the counts.
fn form_batch(form: &Form06a) -> arrow_array::RecordBatch {
    let heads = form.flat_headings();
    let rows: Vec<_> = form
        .rows
        .iter()
        .chain(std::iter::once(&form.total))
        .collect();
    let mut cols = vec![
        (
            heads[0].as_str(),
            Col::Str(rows.iter().map(|r| r.stt.map(|n| n.to_string())).collect()),
        ),
        (
            heads[1].as_str(),
            Col::Str(rows.iter().map(|r| Some(r.label.clone())).collect()),
        ),
    ];
    for (k, h) in heads.iter().enumerate().skip(2) {
        cols.push((
            h.as_str(),
            Col::Int(rows.iter().map(|r| Some(r.cells[k - 2] as i64)).collect()),
        ));
    }
    arrow_out::batch(cols)
}

/// Counts a period in one pass over the dossiers: `period` is '2021-Q3', '2021-07', '2021',
/// '2021-07-01..2021-09-30' or a pair (from, to) of dates (or date texts in any form of the
/// contract). `data` is a `Dataset`, or the path of a dossier table read with `calendar`,
/// `catalog`, `strict`, `format` and `sheet` (which apply only while reading).
///
/// `by`: a key or keys of a breakdown ("agency", "procedure", "field", "level",
/// "official", "channel"; two at most); `every`: "month" or "quarter" for a series;
/// `compare`: "previous" (the default), "last-year" or "none"; `units`: the units file
/// (levels for `by="level"`); `ratings`: a ratings file whose slips give the ratings;
/// `successors`: count each agency under its last successor (the units file's);
/// `profile`: the source profile (a built-in name, a file or TOML text; detected when
/// None); `conventions`: counting conventions of other systems by name.
#[pyfunction]
#[pyo3(signature = (data, period = None, *, by = None, every = None, compare = None, calendar = None, catalog = None, units = None, ratings = None, successors = false, strict = false, format = None, sheet = None, profile = None, conventions = None, deadline_from = None))]
#[allow(clippy::too_many_arguments)]
pub fn report(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    period: Option<&Bound<'_, PyAny>>,
    by: Option<&Bound<'_, PyAny>>,
    every: Option<Text>,
    compare: Option<Text>,
    calendar: Option<&Bound<'_, PyAny>>,
    catalog: Option<&Bound<'_, PyAny>>,
    units: Option<&Bound<'_, PyAny>>,
    ratings: Option<&Bound<'_, PyAny>>,
    successors: bool,
    strict: bool,
    format: Option<Text>,
    sheet: Option<Text>,
    profile: Option<&Bound<'_, PyAny>>,
    conventions: Option<&Bound<'_, PyAny>>,
    deadline_from: Option<Text>,
) -> PyResult<PyReport> {
    let mut a = request::Args {
        profile: request::value(profile, "profile")?,
        conventions: request::conventions(conventions)?,
        deadline_from: deadline_from.map(String::from),
        period: Some(request::PeriodArg::new(period)?),
        by: request::by(by)?,
        every: every.map(String::from),
        compare: compare.map(String::from),
        catalog: request::value(catalog, "catalog")?,
        ratings: request::value(ratings, "ratings")?,
        successors,
        strict,
        format: format.map(String::from),
        sheet: sheet.map(String::from),
        ..request::Args::default()
    };
    a.set_calendar(calendar)?;
    a.set_units(py, units)?;
    let req = a.resolve(py)?;
    let data = request::Data::new(data)?;
    let out = py
        .detach(|| motcua_io::resolve::run(&req, data.input(), &|_| {}))
        .map_err(|e| crate::errors::resolve_error(py, &e))?;
    crate::warn::report_warnings(py, &req, &out)?;
    let warnings = out.all_warnings(&req);
    Ok(PyReport {
        inner: Arc::new(out.report),
        ratings: out.ratings.map(Arc::new),
        names: Arc::new(motcua_core::form06a::agency_names([&req.units])),
        warnings: Arc::new(warnings),
    })
}

/// A whole number written the Vietnamese way (`12.656`) or the English way (`12,656`).
#[pyfunction]
#[pyo3(signature = (n, lang = Text::from("vi")), text_signature = "(n, lang=\"vi\")")]
pub fn format_number(n: Int<u64>, lang: Text) -> PyResult<String> {
    Ok(motcua_core::format::int(n.0, self::lang(lang)?))
}

/// `numerator / denominator` as a percentage rounded half away from zero to 2 decimals,
/// computed exactly, as the reports write it (`95,49 %`, `100 %`; English `95.49%`);
/// None when the denominator is 0.
#[pyfunction]
#[pyo3(
    signature = (numerator, denominator, lang = Text::from("vi")),
    text_signature = "(numerator, denominator, lang=\"vi\")"
)]
pub fn format_percent(
    numerator: Int<u64>,
    denominator: Int<u64>,
    lang: Text,
) -> PyResult<Option<String>> {
    Ok(motcua_core::format::percent(
        numerator.0,
        denominator.0,
        self::lang(lang)?,
    ))
}
