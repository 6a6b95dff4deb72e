//! `motcua.list` (`motcua.list_dossiers`) and `motcua.DossierList`: the dossiers behind one
//! count of a report (contract section 12).

use std::sync::Arc;

use chrono::NaiveDate;
use motcua_core::format::Lang;
use motcua_io::list::DossierList;
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

use crate::arrow_out::{self, Col};
use crate::convert::{Int, Text};
use crate::{json, request};

/// The dossiers behind one count of a report (contract section 12), sorted by code:
/// `len(lst)` dossiers; `to_pandas()`, `to_polars()`, `to_arrow()` give one row per dossier;
/// `to_dict()` is the JSON of `motcua list --format json`.
#[pyclass(name = "DossierList", module = "motcua", frozen)]
pub struct PyDossierList {
    inner: Arc<DossierList>,
}

impl PyDossierList {
    fn batch(&self) -> arrow_array::RecordBatch {
        let d = &self.inner.dossiers;
        let s = |f: &dyn Fn(&motcua_io::list::ListedDossier) -> Option<String>| {
            Col::Str(d.iter().map(f).collect())
        };
        let i = |f: &dyn Fn(&motcua_io::list::ListedDossier) -> i64| {
            Col::Int(d.iter().map(|x| Some(f(x))).collect())
        };
        let dt = |f: &dyn Fn(&motcua_io::list::ListedDossier) -> Option<NaiveDate>| {
            Col::Date(d.iter().map(f).collect())
        };
        arrow_out::batch(vec![
            ("code", s(&|x| Some(x.code.clone()))),
            ("line", i(&|x| i64::try_from(x.line).unwrap_or(i64::MAX))),
            ("agency", s(&|x| Some(x.agency.clone()))),
            ("procedure", s(&|x| x.procedure.clone())),
            ("official", s(&|x| x.official.clone())),
            ("channel", s(&|x| Some(x.channel.to_owned()))),
            ("status", i(&|x| i64::from(x.status))),
            ("received", s(&|x| Some(x.received.clone()))),
            ("due", dt(&|x| Some(x.due))),
            ("closed", dt(&|x| x.closed)),
            ("working_days_late", i(&|x| x.working_days_late)),
        ])
    }
}

#[pymethods]
impl PyDossierList {
    fn __len__(&self) -> usize {
        self.inner.dossiers.len()
    }

    /// The count listed ("pending_overdue", "resolved_late", "due_soon"…).
    #[getter]
    fn count(&self) -> String {
        self.inner.count.clone()
    }

    /// The period as (first day, last day).
    #[getter]
    fn period(&self) -> (NaiveDate, NaiveDate) {
        (self.inner.period.from(), self.inner.period.to())
    }

    /// The list as `motcua list --format json` prints it, as a dict (`contract`, `period`,
    /// `count`, `dossiers`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json::to_py(py, &*self.inner)
    }

    /// The list as CSV text, exactly as `motcua list --format csv` prints it.
    fn to_csv(&self) -> String {
        motcua_io::list::to_csv(&self.inner)
    }

    /// The list as an HTML table (`lang` "vi" or "en").
    #[pyo3(signature = (lang = Text::from("vi")), text_signature = "($self, lang=\"vi\")")]
    fn html(&self, lang: Text) -> PyResult<String> {
        Ok(motcua_io::list::to_html(
            &self.inner,
            crate::report::lang(lang)?,
        ))
    }

    fn _repr_html_(&self) -> String {
        motcua_io::list::to_html(&self.inner, Lang::Vi)
    }

    fn __repr__(&self) -> String {
        format!(
            "<motcua.DossierList {} {}: {} dossiers>",
            self.inner.count,
            self.inner.period,
            self.inner.dossiers.len()
        )
    }

    /// The table (one row per dossier) through the Arrow PyCapsule interface.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyCapsule>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        arrow_out::stream(py, self.batch(), requested_schema)
    }

    /// One row per dossier, as a pyarrow.Table: `code`, `line`, `agency`, `procedure`,
    /// `official`, `channel`, `status`, `received` (text as recorded), `due` and `closed`
    /// (dates), `working_days_late`.
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

/// The dossiers behind one count of the report (contract section 12), as a `DossierList`
/// (`to_pandas()`, `to_polars()`, `to_arrow()`, `to_dict()`).
///
/// `count`: any count of the report ("pending_overdue", "resolved_late"…) or "due_soon"
/// (pending with a due date within `within` working days after the period). The filters
/// keep one agency, procedure, official, field, level or channel. `data` is a path or a list
/// of paths: the list reads the table again to keep the dossiers' codes.
#[pyfunction]
#[pyo3(signature = (data, count, period = None, *, within = None, agency = None, procedure = None, official = None, field = None, level = None, channel = None, calendar = None, catalog = None, units = None, strict = false, format = None, sheet = None, profile = None, conventions = None, deadline_from = None))]
#[allow(clippy::too_many_arguments)]
pub fn list_dossiers(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    count: Text,
    period: Option<&Bound<'_, PyAny>>,
    within: Option<Int<u32>>,
    agency: Option<Text>,
    procedure: Option<Text>,
    official: Option<Text>,
    field: Option<Text>,
    level: Option<Text>,
    channel: Option<Text>,
    calendar: Option<&Bound<'_, PyAny>>,
    catalog: Option<&Bound<'_, PyAny>>,
    units: Option<&Bound<'_, PyAny>>,
    strict: bool,
    format: Option<Text>,
    sheet: Option<Text>,
    profile: Option<&Bound<'_, PyAny>>,
    conventions: Option<&Bound<'_, PyAny>>,
    deadline_from: Option<Text>,
) -> PyResult<PyDossierList> {
    let mut a = request::Args {
        profile: request::value(profile, "profile")?,
        conventions: request::conventions(conventions)?,
        period: Some(request::PeriodArg::new(period)?),
        compare: Some("none".to_owned()),
        catalog: request::value(catalog, "catalog")?,
        strict,
        format: format.map(String::from),
        sheet: sheet.map(String::from),
        deadline_from: deadline_from.map(String::from),
        ..request::Args::default()
    };
    a.set_calendar(calendar)?;
    a.set_units(py, units)?;
    let req = a.resolve(py)?;
    let data = request::Data::new(data)?;
    let filters = motcua_io::list::ListFilters {
        agency: agency.map(String::from),
        procedure: procedure.map(String::from),
        official: official.map(String::from),
        field: field.map(String::from),
        level: level.map(String::from),
        channel: channel.map(String::from),
    };
    let count = String::from(count);
    let spec = request::list_spec(&count, within.map(|w| w.0), filters);
    let list = py
        .detach(|| motcua_io::resolve::list(&req, &spec, data.input(), &|_| {}))
        .map_err(|e| crate::errors::resolve_error(py, &e))?;
    Ok(PyDossierList {
        inner: Arc::new(list),
    })
}
