//! `motcua.score`, `motcua.Score`, rulebooks and units.

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use motcua_core::announcement::GradingSummary;
use motcua_core::format::Lang;
use motcua_core::grading::{
    Points, Rulebook, RulebookError as CoreRulebookError, ScoreReport, Units, announcement_summary,
    builtin_names, builtin_toml, score_text,
};
use motcua_io::units::{UnitsFileError, read_units_file};
use pyo3::exceptions::{PyFileNotFoundError, PyKeyError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyString};
use pyo3_arrow::input::AnyRecordBatch;

use crate::arrow_out::{self, Col, PyTableOut};
use crate::convert::Text;
use crate::errors::{RulebookError, arrow_error, input_error};
use crate::report::lang;
use crate::{arrow_in, convert, json};

fn rulebook_error(py: Python<'_>, e: &CoreRulebookError) -> PyErr {
    let err = RulebookError::new_err(e.to_string());
    let _ = err.value(py).setattr("line", e.line());
    err
}

fn unknown_rulebook(name: &str) -> PyErr {
    RulebookError::new_err(format!(
        "unknown rulebook '{name}' (built-in rulebooks: {}; or give a rulebook file, FILE.toml, or TOML text)",
        builtin_names().join(", ")
    ))
}

/// A rulebook from a file; its `extends` may name a built-in rulebook or another file,
/// relative to the file's folder (as `motcua score --rulebook FILE.toml` reads it).
fn rulebook_file(py: Python<'_>, path: &Path) -> PyResult<Rulebook> {
    use motcua_io::rulebook::{RulebookFileError, read_rulebook_file};
    read_rulebook_file(path).map_err(|e| match e {
        RulebookFileError::Io { ref source, .. }
            if source.kind() == std::io::ErrorKind::NotFound =>
        {
            PyFileNotFoundError::new_err(e.to_string())
        }
        RulebookFileError::Rulebook(r) => rulebook_error(py, &r),
        other => RulebookError::new_err(other.to_string()),
    })
}

/// A rulebook argument: a built-in name, a path to a TOML file, or TOML text.
pub fn rulebook(py: Python<'_>, ob: &Bound<'_, PyAny>) -> PyResult<Rulebook> {
    if let Ok(s) = ob.cast::<PyString>() {
        let s = crate::convert::text(s)?;
        if let Some(b) = Rulebook::builtin(s.trim()) {
            return Ok(b);
        }
        if s.contains('\n') || s.contains('=') {
            return Rulebook::from_toml(&s).map_err(|e| rulebook_error(py, &e));
        }
        let p = Path::new(s.trim());
        if p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
            || p.exists()
        {
            return rulebook_file(py, p);
        }
        return Err(unknown_rulebook(&s));
    }
    match convert::path(ob) {
        Ok(p) => rulebook_file(py, &p),
        Err(_) => Err(PyTypeError::new_err(
            "rulebook: give a built-in name ('circular-01-2018', 'soc-trang-1216-2019'…), a TOML file path or TOML text",
        )),
    }
}

fn units_file_error(py: Python<'_>, e: &UnitsFileError) -> PyErr {
    match e {
        UnitsFileError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
            PyFileNotFoundError::new_err(e.to_string())
        }
        _ => input_error(py, e.to_string(), e.line(), e.column()),
    }
}

/// A units argument: None (every agency takes the contract's defaults), a path to a units
/// CSV file, or a table (pandas, polars, pyarrow…) with the units file's columns. A table's
/// rows are numbered as lines of a CSV file: row index + 2.
pub fn units(py: Python<'_>, ob: Option<&Bound<'_, PyAny>>) -> PyResult<Units> {
    let Some(ob) = ob.filter(|o| !o.is_none()) else {
        return Ok(Units::new());
    };
    if let Ok(p) = convert::path(ob) {
        return py
            .detach(|| read_units_file(&p))
            .map_err(|e| units_file_error(py, &e));
    }
    let data = py.import("motcua")?.getattr("_as_arrow")?.call1((ob,))?;
    let input: AnyRecordBatch = data.extract().map_err(|e| {
        PyTypeError::new_err(format!("units: give a units CSV path or a table (pandas, polars, pyarrow) with the units file's columns: {e}"))
    })?;
    let (batches, schema) = input.into_table()?.into_inner();
    let (names, rows) = arrow_in::text_table(&schema, &batches).map_err(|e| arrow_error(py, &e))?;
    let rows: Vec<(u64, Vec<&str>)> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (i as u64 + 2, r.iter().map(String::as_str).collect()))
        .collect();
    Units::from_rows(names.iter().map(String::as_str), rows)
        .map_err(|e| input_error(py, format!("units, {e}"), e.line(), e.column()))
}

/// The grades of every agency and official for one period under one rulebook
/// (contract section 10).
#[pyclass(name = "Score", module = "motcua", frozen)]
pub struct PyScore {
    /// The core's score report.
    pub inner: Arc<ScoreReport>,
    /// The rulebook it was graded by.
    pub book: Arc<Rulebook>,
    /// The rating slips its ratings were counted from, if any.
    pub ratings: Option<Arc<motcua_io::ratings::Ratings>>,
}

/// The column names of the indicators' points in the agencies' table: `points_` and the
/// indicator's measure as the rulebook file names it (`points_timeliness`,
/// `points_online_rate`…), so that a column means the same under every rulebook; when two
/// indicators of a rulebook share a measure, each also carries its id
/// (`points_conduct_7_1`).
fn indicator_columns(indicators: &[motcua_core::grading::IndicatorScore]) -> Vec<String> {
    indicators
        .iter()
        .map(|i| {
            let shared = indicators.iter().filter(|j| j.measure == i.measure).count() > 1;
            if shared {
                format!("points_{}_{}", i.measure, i.id.replace('.', "_"))
            } else {
                format!("points_{}", i.measure)
            }
        })
        .collect()
}

fn pts(p: Option<Points>) -> Option<f64> {
    p.map(Points::as_f64)
}

impl PyScore {
    /// What the announcement says of the grades (the core's `announcement_summary`).
    #[must_use]
    pub fn grading_summary(&self, lang: Lang) -> GradingSummary {
        announcement_summary(&self.inner, &self.book, lang)
    }

    fn agencies_batch(&self) -> arrow_array::RecordBatch {
        let r = &self.inner;
        let a = &r.agencies;
        let names = a
            .iter()
            .find(|a| a.graded)
            .map_or_else(Vec::new, |a| indicator_columns(&a.indicators));
        let mut cols = vec![
            (
                "agency",
                Col::Str(a.iter().map(|x| Some(x.agency.clone())).collect()),
            ),
            ("name", Col::Str(a.iter().map(|x| x.name.clone()).collect())),
            (
                "rank",
                Col::Int(a.iter().map(|x| x.rank.map(i64::from)).collect()),
            ),
            (
                "resolved",
                Col::Int(a.iter().map(|x| Some(x.resolved as i64)).collect()),
            ),
            (
                "total",
                Col::Float(a.iter().map(|x| pts(x.total)).collect()),
            ),
            (
                "measured_max",
                Col::Float(a.iter().map(|x| pts(x.measured_max)).collect()),
            ),
            (
                "scaled_total",
                Col::Float(a.iter().map(|x| pts(x.scaled_total)).collect()),
            ),
            (
                "max",
                Col::Float(a.iter().map(|x| Some(x.max.as_f64())).collect()),
            ),
            ("band", Col::Str(a.iter().map(|x| x.band.clone()).collect())),
            (
                "band_en",
                Col::Str(a.iter().map(|x| x.band_en.clone()).collect()),
            ),
        ];
        for (k, name) in names.iter().enumerate() {
            cols.push((
                name.as_str(),
                Col::Float(
                    a.iter()
                        .map(|x| x.indicators.get(k).and_then(|i| pts(i.points)))
                        .collect(),
                ),
            ));
        }
        arrow_out::batch(cols)
    }

    fn officials_batch(&self) -> arrow_array::RecordBatch {
        let o = &self.inner.officials;
        arrow_out::batch(vec![
            (
                "official",
                Col::Str(o.iter().map(|x| Some(x.official.clone())).collect()),
            ),
            (
                "dossiers",
                Col::Int(o.iter().map(|x| Some(x.dossiers as i64)).collect()),
            ),
            (
                "total",
                Col::Float(o.iter().map(|x| pts(x.total)).collect()),
            ),
            (
                "max",
                Col::Float(o.iter().map(|x| Some(x.max.as_f64())).collect()),
            ),
            ("band", Col::Str(o.iter().map(|x| x.band.clone()).collect())),
            (
                "band_en",
                Col::Str(o.iter().map(|x| x.band_en.clone()).collect()),
            ),
        ])
    }
}

#[pymethods]
impl PyScore {
    /// The grades as `motcua score --format json` prints them, as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::loads(py, &self.to_json())
    }

    /// The grades as JSON text, exactly as `motcua score --format json` prints them.
    fn to_json(&self) -> String {
        motcua_io::resolve::with_ratings_summary(
            &motcua_io::writer::score_json(&self.inner),
            self.ratings.as_deref(),
        )
    }

    /// The grades as CSV text, exactly as `motcua score --format csv` prints them.
    fn to_csv(&self) -> String {
        motcua_io::writer::score_csv(&self.inner)
    }

    /// The grades as the CLI's text table (`lang` "vi" or "en").
    #[pyo3(signature = (lang = Text::from("vi")), text_signature = "($self, lang=\"vi\")")]
    fn text(&self, lang: Text) -> PyResult<String> {
        Ok(score_text(&self.inner, self::lang(lang)?))
    }

    /// The grades as an HTML table (`lang` "vi" or "en").
    #[pyo3(signature = (lang = Text::from("vi")), text_signature = "($self, lang=\"vi\")")]
    fn html(&self, lang: Text) -> PyResult<String> {
        Ok(motcua_core::format::html::score(
            &self.inner,
            self::lang(lang)?,
        ))
    }

    fn _repr_html_(&self) -> String {
        motcua_core::format::html::score(&self.inner, Lang::Vi)
    }

    fn __repr__(&self) -> String {
        let graded = self.inner.agencies.iter().filter(|a| a.graded).count();
        format!(
            "<motcua.Score {} by {}: {} of {} agencies graded, {} officials>",
            self.inner.period,
            self.inner.rulebook.id,
            graded,
            self.inner.agencies.len(),
            self.inner.officials.len()
        )
    }

    fn __str__(&self) -> String {
        score_text(&self.inner, Lang::Vi)
    }

    /// The period as (first day, last day).
    #[getter]
    fn period(&self) -> (NaiveDate, NaiveDate) {
        (self.inner.period.from(), self.inner.period.to())
    }

    /// The rulebook as the JSON output describes it.
    #[getter]
    fn rulebook<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_py(py, &self.inner.rulebook)
    }

    /// Warnings: approximate rulebook, legal dates, units file mismatches, indicators not measured.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_py(py, &self.inner.warnings)
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

    /// Official codes, sorted.
    #[getter]
    fn officials(&self) -> Vec<String> {
        self.inner
            .officials
            .iter()
            .map(|o| o.official.clone())
            .collect()
    }

    /// One agency's grade, as in the JSON output.
    fn agency<'py>(&self, py: Python<'py>, code: Text) -> PyResult<Bound<'py, PyAny>> {
        match self.inner.agency(&code) {
            Some(a) => json::to_py(py, a),
            None => Err(PyKeyError::new_err(format!(
                "no agency '{code}' in the grades"
            ))),
        }
    }

    /// One official's grade, as in the JSON output.
    fn official<'py>(&self, py: Python<'py>, code: Text) -> PyResult<Bound<'py, PyAny>> {
        match self.inner.official(&code) {
            Some(o) => json::to_py(py, o),
            None => Err(PyKeyError::new_err(format!(
                "no official '{code}' in the grades"
            ))),
        }
    }

    /// How many graded agencies fell in each band, best band first: [(band, count), …].
    fn band_counts(&self) -> Vec<(String, usize)> {
        self.grading_summary(Lang::Vi)
            .bands
            .into_iter()
            .map(|b| (b.band, b.count))
            .collect()
    }

    /// The agencies' table (one row per agency: rank, total, band, each indicator's points)
    /// through the Arrow PyCapsule interface.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyCapsule>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        arrow_out::stream(py, self.agencies_batch(), requested_schema)
    }

    /// The agencies' table as a pyarrow.Table.
    fn to_arrow<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        arrow_out::to_pyarrow(slf.as_any())
    }

    /// The agencies' table as a polars.DataFrame.
    fn to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        arrow_out::to_polars(slf.as_any())
    }

    /// The agencies' table as a pandas.DataFrame.
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        arrow_out::to_pandas(slf.as_any())
    }

    /// The officials' table (official, dossiers, total, max, band) as a pyarrow.Table.
    fn officials_to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        arrow_out::to_pyarrow(
            Bound::new(py, PyTableOut::new(vec![self.officials_batch()]))?.as_any(),
        )
    }

    /// The officials' table as a polars.DataFrame.
    fn officials_to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        arrow_out::to_polars(
            Bound::new(py, PyTableOut::new(vec![self.officials_batch()]))?.as_any(),
        )
    }

    /// The officials' table as a pandas.DataFrame.
    fn officials_to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        arrow_out::to_pandas(
            Bound::new(py, PyTableOut::new(vec![self.officials_batch()]))?.as_any(),
        )
    }
}

/// Grades every agency and official of a period by a rulebook, in one pass over the
/// dossiers.
///
/// `data`: a `Dataset`, or the path of a dossier table (read with `calendar`, `catalog`,
/// `strict`, `format`, `sheet`). `units`: None, a units CSV path or text, or a table with
/// the units file's columns. `rulebook`: a built-in name ("circular-01-2018", the default,
/// "soc-trang-1216-2019"…), a TOML file or TOML text. `ratings`: a ratings file; with
/// `means="slips"` the per-dossier indicators are means over its slips.
#[pyfunction]
#[pyo3(signature = (data, units = None, period = None, rulebook = None, *, calendar = None, catalog = None, ratings = None, means = Text::from("dossiers"), strict = false, format = None, sheet = None, profile = None, deadline_from = None))]
#[pyo3(
    text_signature = "(data, units=None, period=None, rulebook=None, *, calendar=None, catalog=None, ratings=None, means=\"dossiers\", strict=False, format=None, sheet=None, profile=None, deadline_from=None)"
)]
#[allow(clippy::too_many_arguments)]
pub fn score(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    units: Option<&Bound<'_, PyAny>>,
    period: Option<&Bound<'_, PyAny>>,
    rulebook: Option<&Bound<'_, PyAny>>,
    calendar: Option<&Bound<'_, PyAny>>,
    catalog: Option<&Bound<'_, PyAny>>,
    ratings: Option<&Bound<'_, PyAny>>,
    means: Text,
    strict: bool,
    format: Option<Text>,
    sheet: Option<Text>,
    profile: Option<&Bound<'_, PyAny>>,
    deadline_from: Option<Text>,
) -> PyResult<PyScore> {
    let slip_means = match String::from(means).as_str() {
        "dossiers" => false,
        "slips" => true,
        other => {
            return Err(crate::errors::MotcuaError::new_err(format!(
                "means: '{other}' is neither 'dossiers' nor 'slips'"
            )));
        }
    };
    let mut a = crate::request::Args {
        period: Some(crate::request::PeriodArg::new(period)?),
        compare: Some("none".to_owned()),
        rulebook: Some(
            crate::request::value(rulebook, "rulebook")?.unwrap_or_else(|| {
                crate::request::Value::Text(motcua_io::resolve::DEFAULT_RULEBOOK.to_owned())
            }),
        ),
        catalog: crate::request::value(catalog, "catalog")?,
        ratings: crate::request::value(ratings, "ratings")?,
        slip_means,
        strict,
        format: format.map(String::from),
        sheet: sheet.map(String::from),
        profile: crate::request::value(profile, "profile")?,
        deadline_from: deadline_from.map(String::from),
        ..crate::request::Args::default()
    };
    a.set_calendar(calendar)?;
    a.set_units(py, units)?;
    let req = a.resolve(py)?;
    let data = crate::request::Data::new(data)?;
    let out = py
        .detach(|| motcua_io::resolve::run(&req, data.input(), &|_| {}))
        .map_err(|e| crate::errors::resolve_error(py, &e))?;
    crate::warn::report_warnings(py, &req, &out)?;
    let (Some(report), Some(book)) = (out.score, req.rulebook.clone()) else {
        return Err(crate::errors::RulebookError::new_err(
            "no grades: the request names no rulebook",
        ));
    };
    crate::warn::score_warnings(py, &report)?;
    Ok(PyScore {
        inner: Arc::new(report),
        book: Arc::new(book),
        ratings: out.ratings.map(Arc::new),
    })
}

/// The built-in rulebooks' names.
#[pyfunction]
#[must_use]
pub fn rulebooks() -> Vec<&'static str> {
    builtin_names()
}

/// The TOML text of a built-in rulebook (save it to a file to edit it).
#[pyfunction]
pub fn rulebook_toml(name: Text) -> PyResult<&'static str> {
    let name = String::from(name);
    builtin_toml(&name).ok_or_else(|| unknown_rulebook(&name))
}
