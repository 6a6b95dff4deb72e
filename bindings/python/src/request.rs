//! Python arguments into the resolution layer (`motcua_io::resolve`): a thin translation of
//! Python types; every rule and message is the layer's.

use std::path::PathBuf;
use std::sync::Arc;

use motcua_io::list::ListFilters;
use motcua_io::resolve::{Files, Given, Input, ListSpec, Options, PeriodSpec, Request};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString, PyTuple};

use crate::calendar::PyCalendar;
use crate::dataset::PyDataset;
use crate::errors::resolve_error;

/// A value that may be a name, a file or text, as Python gave it.
pub enum Value {
    /// `str`: a name, text or a path, by the layer's rule.
    Text(String),
    /// `os.PathLike`.
    Path(PathBuf),
    /// `bytes`: a file's content.
    Bytes(Vec<u8>),
}

impl Value {
    /// The value as the layer takes it.
    #[must_use]
    pub fn given(&self) -> Given<'_> {
        match self {
            Self::Text(t) => Given::Text(t),
            Self::Path(p) => Given::Path(p),
            Self::Bytes(b) => Given::Bytes(b),
        }
    }
}

/// `str`, `bytes` or `os.PathLike`; `None` for Python's None.
pub fn value(ob: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<Value>> {
    let Some(ob) = ob.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if let Ok(s) = ob.cast::<PyString>() {
        return Ok(Some(Value::Text(crate::convert::text(s)?.into_owned())));
    }
    if let Ok(b) = ob.cast::<PyBytes>() {
        return Ok(Some(Value::Bytes(b.as_bytes().to_vec())));
    }
    ob.extract::<PathBuf>()
        .map(|p| Some(Value::Path(p)))
        .map_err(|_| {
            PyTypeError::new_err(format!(
                "{what}: give a name, a path, the file's text or its bytes (got {})",
                ob.get_type()
                    .name()
                    .map_or_else(|_| "?".into(), |n| n.to_string())
            ))
        })
}

/// The period: text, or a pair (first day, last day) of dates or date texts.
pub struct PeriodArg {
    period: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

impl PeriodArg {
    /// The period as Python gave it.
    pub fn new(ob: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let mut p = Self {
            period: None,
            from: None,
            to: None,
        };
        let Some(ob) = ob.filter(|o| !o.is_none()) else {
            return Ok(p);
        };
        if let Ok(s) = ob.cast::<PyString>() {
            p.period = Some(crate::convert::text(s)?.into_owned());
            return Ok(p);
        }
        let day = |d: &Bound<'_, PyAny>| -> PyResult<String> {
            if let Ok(s) = d.cast::<PyString>() {
                return Ok(crate::convert::text(s)?.into_owned());
            }
            crate::convert::date(d).map(|d| d.to_string())
        };
        let pair = ob.cast::<PyTuple>().ok().filter(|t| t.len() == 2);
        match pair {
            Some(t) => {
                p.from = Some(day(&t.get_item(0)?)?);
                p.to = Some(day(&t.get_item(1)?)?);
                Ok(p)
            }
            None => Err(crate::errors::PeriodError::new_err(format!(
                "a period is text ('2021-Q3', '2021-07', '2021', '2021-07-01..2021-09-30') or a pair (from, to) of dates, not {}",
                ob.get_type().name()?
            ))),
        }
    }

    /// The period as the layer takes it.
    #[must_use]
    pub fn spec(&self) -> PeriodSpec<'_> {
        PeriodSpec {
            period: self.period.as_deref(),
            from: self.from.as_deref(),
            to: self.to.as_deref(),
        }
    }
}

/// A name or a list of names; `what` says what to give when it is neither. A text with a
/// lone surrogate, alone or in the list, is an `ArgumentError`.
fn names(ob: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Vec<String>> {
    let Some(ob) = ob.filter(|o| !o.is_none()) else {
        return Ok(Vec::new());
    };
    if let Ok(s) = ob.cast::<PyString>() {
        return Ok(vec![crate::convert::text(s)?.into_owned()]);
    }
    let wrong = || PyTypeError::new_err(what.to_owned());
    if ob.cast::<PyBytes>().is_ok() {
        return Err(wrong());
    }
    ob.try_iter()
        .map_err(|_| wrong())?
        .map(|item| {
            let item = item?;
            let s = item.cast::<PyString>().map_err(|_| wrong())?;
            Ok(crate::convert::text(s)?.into_owned())
        })
        .collect()
}

/// The keys of `by`: a string (`"agency"`, `"agency,channel"`) or a list of them.
pub fn by(ob: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<String>> {
    names(
        ob,
        "by: give a key ('agency', 'procedure', 'field', 'level', 'official', 'channel') or a list of keys",
    )
}

/// `conventions`: a name or a list of names.
pub fn conventions(ob: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<String>> {
    names(
        ob,
        "conventions: give a name ('waiting_as_within_due', 'withdrawn_as_on_time', 'online_without_postal') or a list of names",
    )
}

/// Every argument of `report`, `score` and `list_dossiers`, owned.
#[derive(Default)]
pub struct Args {
    /// The period.
    pub period: Option<PeriodArg>,
    /// `by`.
    pub by: Vec<String>,
    /// `every`.
    pub every: Option<String>,
    /// `compare`.
    pub compare: Option<String>,
    /// `rulebook`.
    pub rulebook: Option<Value>,
    /// `calendar` as a value (a `Calendar` object goes in `calendar_object`).
    pub calendar: Option<Value>,
    /// A `Calendar` object.
    pub calendar_object: Option<motcua_core::calendar::Calendar>,
    /// `units` as a value (a table goes in `units_table`).
    pub units: Option<Value>,
    /// Units read from a table.
    pub units_table: Option<motcua_core::grading::Units>,
    /// `catalog`.
    pub catalog: Option<Value>,
    /// `ratings`.
    pub ratings: Option<Value>,
    /// `means == "slips"`.
    pub slip_means: bool,
    /// `successors`.
    pub successors: bool,
    /// `strict`.
    pub strict: bool,
    /// `format`.
    pub format: Option<String>,
    /// `sheet`.
    pub sheet: Option<String>,
    /// `profile`: a source profile's name, file or TOML text.
    pub profile: Option<Value>,
    /// `conventions`: the names of counting conventions.
    pub conventions: Vec<String>,
    /// `deadline_from`: "receipt" or "deciding-agency".
    pub deadline_from: Option<String>,
}

impl Args {
    /// A calendar argument: a `Calendar`, or a value.
    pub fn set_calendar(&mut self, ob: Option<&Bound<'_, PyAny>>) -> PyResult<()> {
        if let Some(c) = ob.and_then(|o| o.cast::<PyCalendar>().ok()) {
            self.calendar_object = Some(c.get().inner.clone());
            return Ok(());
        }
        self.calendar = value(ob, "calendar")?;
        Ok(())
    }

    /// A units argument: a path, text or bytes, or a table (pandas, polars, pyarrow).
    pub fn set_units(&mut self, py: Python<'_>, ob: Option<&Bound<'_, PyAny>>) -> PyResult<()> {
        match value(ob, "units") {
            Ok(v) => self.units = v,
            Err(_) => self.units_table = Some(crate::score::units(py, ob)?),
        }
        Ok(())
    }

    /// The request, resolved by the layer.
    pub fn resolve(&self, py: Python<'_>) -> PyResult<Request> {
        let by: Vec<&str> = self.by.iter().map(String::as_str).collect();
        let o = Options {
            period: self
                .period
                .as_ref()
                .map(PeriodArg::spec)
                .unwrap_or_default(),
            by,
            every: self.every.as_deref(),
            compare: self.compare.as_deref(),
            rulebook: self.rulebook.as_ref().map(Value::given),
            calendar: self.calendar.as_ref().map(Value::given),
            units: self.units.as_ref().map(Value::given),
            catalog: self.catalog.as_ref().map(Value::given),
            ratings: self.ratings.as_ref().map(Value::given),
            slip_means: self.slip_means,
            successors: self.successors,
            strict: self.strict,
            format: self.format.as_deref(),
            sheet: self.sheet.as_deref(),
            profile: self.profile.as_ref().map(Value::given),
            limits: motcua_io::resolve::Limits::default(),
            deadline_from: self.deadline_from.as_deref(),
            conventions: self.conventions.iter().map(String::as_str).collect(),
        };
        let mut req = Request::resolve(&o, Files::Read).map_err(|e| resolve_error(py, &e))?;
        if let Some(c) = &self.calendar_object {
            req.calendar = Arc::new(c.clone());
            req.read_options_given.push("calendar");
        }
        if let Some(u) = &self.units_table {
            req.units = u.clone();
        }
        req.read.read.threads = 0;
        Ok(req)
    }
}

/// The dossier table: a `Dataset`, or a path (or paths) read by the request.
pub enum Data {
    /// Dossiers already read.
    Dataset(Arc<motcua_core::dossier::Dataset>),
    /// A file.
    Path(PathBuf),
    /// Several files read as one input, in order.
    Paths(Vec<PathBuf>),
}

impl Data {
    /// A `Dataset`, a path or a list (tuple) of paths.
    pub fn new(ob: &Bound<'_, PyAny>) -> PyResult<Self> {
        if let Ok(d) = ob.cast::<PyDataset>() {
            return Ok(Self::Dataset(Arc::clone(&d.get().inner)));
        }
        Self::paths(ob).map_err(|e| {
            if e.is_instance_of::<PyTypeError>(ob.py()) {
                PyTypeError::new_err(
                    "give a Dataset (motcua.read), the path of a dossier table or a list of paths",
                )
            } else {
                e
            }
        })
    }

    /// A path (`str` or `os.PathLike`) or a list (tuple) of paths.
    pub fn paths(ob: &Bound<'_, PyAny>) -> PyResult<Self> {
        if let Ok(p) = ob.extract::<PathBuf>() {
            return Ok(Self::Path(p));
        }
        if let Ok(s) = ob.cast::<PyString>() {
            // Only text without a file-system form (a lone surrogate) fails above.
            crate::convert::text(s)?;
        }
        if ob.is_instance_of::<PyString>() || ob.is_instance_of::<PyBytes>() {
            return Err(PyTypeError::new_err("give a path or a list of paths"));
        }
        let paths: Vec<PathBuf> = ob.extract().map_err(|_| {
            PyTypeError::new_err(format!(
                "give a path or a list of paths (got {})",
                ob.get_type()
                    .name()
                    .map_or_else(|_| "?".into(), |n| n.to_string())
            ))
        })?;
        if paths.is_empty() {
            return Err(crate::errors::MotcuaError::new_err(
                "no input: the list of paths is empty",
            ));
        }
        Ok(Self::Paths(paths))
    }

    /// The input of the layer.
    #[must_use]
    pub fn input(&self) -> Input<'_> {
        match self {
            Self::Dataset(d) => Input::Dataset(d),
            Self::Path(p) => Input::Path(p),
            Self::Paths(p) => Input::Paths(p),
        }
    }
}

/// The list filters and count of `list_dossiers`.
#[must_use]
pub fn list_spec(count: &str, within: Option<u32>, filters: ListFilters) -> ListSpec<'_> {
    ListSpec {
        count,
        within,
        filters,
    }
}
