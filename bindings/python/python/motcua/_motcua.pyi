"""Type stubs of the extension module ``motcua._motcua`` (the Rust core)."""

import datetime
import os
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Literal, Mapping, Optional, Sequence, Tuple, TypedDict, Union, final, overload

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped, unused-ignore]
    import polars
    import pyarrow  # type: ignore[import-untyped, unused-ignore]

_Backend = Literal["pandas", "polars", "arrow", "pyarrow"]
"""Which table a ``*_frame`` method returns: a pandas DataFrame, a polars DataFrame or a
pyarrow Table."""
_Frame = Union["pandas.DataFrame", "polars.DataFrame", "pyarrow.Table"]
_Lang = Literal["vi", "en"]
"""A language: Vietnamese (the default) or English."""
_Convention = Literal["waiting_as_within_due", "withdrawn_as_on_time", "online_without_postal", "closed_day_as_day_one"]
"""A counting convention of other systems (contract section 11)."""
_ProfileLike = Union[str, "os.PathLike[str]", bytes, None]
"""A source profile: None or 'auto' (detected), a built-in name ('contract', 'dvcqg',
'opencps', 'rest-camel', 'sqlserver'), a TOML file or TOML text/bytes."""
_DeadlineFrom = Literal["receipt", "deciding-agency"]
"""Where a time limit starts: the receipt (contract section 3) or, when a row gives it,
``NgayTiepNhanCoQuanGiaiQuyet`` (Decree 309/2026)."""
_ErrorKind = Literal["missing", "unparseable", "unknown_code", "duplicate", "closed_before_received", "no_deadline", "limit"]
"""The kind of a rejected row (contract section 6a)."""

class Rate(TypedDict):
    """A rate with its numerator and denominator (contract section 5)."""

    numerator: int
    denominator: int
    value: float

class Rates(TypedDict):
    """The five rates of contract section 5; None when the denominator is 0."""

    resolution_rate: Optional[Rate]
    on_time_rate: Optional[Rate]
    early_rate: Optional[Rate]
    online_rate: Optional[Rate]
    satisfaction_rate: Optional[Rate]

class Figures(TypedDict):
    """Every count of contract section 5 with the rates: the report's ``total`` and each
    agency's figures."""

    received: int
    received_online: int
    received_in_person: int
    received_postal: int
    carried_over: int
    resolved: int
    resolved_early: int
    resolved_on_time: int
    resolved_late: int
    closed_without_result: int
    pending: int
    pending_within_due: int
    pending_overdue: int
    received_level34: int
    received_online_level34: int
    ratings: int
    ratings_very_satisfied: int
    ratings_satisfied: int
    ratings_dissatisfied: int
    rates: Rates

class RowErrorDict(TypedDict, total=False):
    """A rejected row as in the JSON report (``sheet``, ``record`` and ``file`` only where
    the input has them)."""

    line: int
    column: Optional[str]
    kind: _ErrorKind
    message: str
    sheet: str
    record: int
    file: str

class InputSummary(TypedDict, total=False):
    """The JSON report's ``input`` object: rows = used + rejected + not_received."""

    rows: int
    used: int
    rejected: int
    not_received: int
    without_level: int
    profile: str
    errors: List[RowErrorDict]

class ReportWarning(TypedDict):
    """A warning of a report (also issued as a ``MotcuaWarning``)."""

    kind: Literal["empty_period", "levels"]
    message: str
    message_vi: str

class ScoreWarning(TypedDict, total=False):
    """A warning of the grades (also issued as a ``MotcuaWarning``)."""

    kind: Literal["approximate", "text_not_available", "outside_legal_dates", "superseded", "not_measured", "unknown_units", "missing_units"]
    message: str
    message_vi: str
    codes: List[str]

_DateLike = Union[datetime.date, str]
"""A ``datetime.date``, a ``datetime.datetime`` (naive = local Vietnamese time, aware =
converted to UTC+7) or text in one of the contract's forms ('2021-07-01', '01/07/2021',
'2021-07-01 09:30', '20210701093000'…)."""
_PeriodLike = Union[str, Tuple[_DateLike, _DateLike]]
"""'2021-Q3', '2021-07', '2021', '2021-07-01..2021-09-30', or (first day, last day)."""
_CalendarLike = Union["Calendar", str, "os.PathLike[str]", None]
"""A Calendar, None (the built-in Vietnamese one), "vn", "blank", a TOML path or TOML text."""
_PathLike = Union[str, "os.PathLike[str]"]
_UnitsLike = Union[str, "os.PathLike[str]", bytes, "pandas.DataFrame", "polars.DataFrame", "pyarrow.Table", None]
"""A units CSV path, a table with the units file's columns (pandas, polars, pyarrow), or None."""
_RulebookLike = Union[str, "os.PathLike[str]", None]
"""A built-in rulebook name, a TOML file path, or TOML text."""

__version__: str
"""The package's version."""

class MotcuaWarning(UserWarning):
    """A warning of motcua, issued with ``warnings.warn``: the result is computed but may not
    be what was meant — a period with no dossier (``kind`` 'empty_period'), grading with the
    default unit facts ('missing_units'), a rulebook outside its validity
    ('outside_legal_dates', 'superseded'), an approximate rulebook, indicators not measured,
    agency levels that no longer exist ('levels'). The text is Vietnamese then English."""

    kind: str
    message_vi: str
    message_en: str

class MotcuaError(ValueError):
    """Base class of motcua's errors."""

class InputError(MotcuaError):
    """Input that cannot be read; ``line`` (the header is line 1) and ``column`` when known."""

    line: Optional[int]
    column: Optional[str]

class CalendarError(MotcuaError):
    """A work calendar that cannot be built; ``line`` and ``column`` in the TOML text."""

    line: Optional[int]
    column: Optional[int]

class RulebookError(MotcuaError):
    """An unknown or invalid grading rulebook."""

class PeriodError(MotcuaError):
    """A period that cannot be read."""

class PartialError(MotcuaError):
    """Bytes that are not a partial aggregate, or partial aggregates that do not merge;
    ``kind`` is 'bad_magic', 'unsupported_version', 'truncated', 'corrupt', 'mismatch',
    'empty' or 'grades'."""

    kind: str

class ArgumentError(MotcuaError):
    """An option of the wrong value, or options that do not go together."""

class SampleError(MotcuaError):
    """An unknown sample profile."""

class UnitsError(InputError):
    """A units file that cannot be read."""

class CatalogError(InputError):
    """A procedure catalog that cannot be read."""

class RatingsError(InputError):
    """A ratings file that cannot be read."""

class HeaderError(InputError):
    """The header of the dossier table is unusable."""

class BadRowError(InputError):
    """A bad row, in strict mode."""

class EncodingError(InputError):
    """Text that is not UTF-8."""

class XlsxError(InputError):
    """A workbook that cannot be read."""

class JsonError(InputError):
    """Portal JSON that cannot be read."""

class ProfileError(MotcuaError):
    """A source profile that is unknown or invalid."""

class LimitError(InputError):
    """An input past a size limit (a record, a header)."""

@final
class Calendar:
    """A work calendar: weekly rest days, holidays, make-up working days, receipt cutoff
    (contract section 4)."""

    @staticmethod
    def vn() -> "Calendar":
        """The built-in Vietnamese calendar (Saturday and Sunday off, the public holidays)."""
    @staticmethod
    def blank() -> "Calendar":
        """A calendar with Saturday and Sunday off and no holiday."""
    @staticmethod
    def builtin(name: str) -> "Calendar":
        """A built-in calendar by name ('vn', 'blank')."""
    @staticmethod
    def from_toml(source: Union[str, "os.PathLike[str]"]) -> "Calendar":
        """A calendar from a TOML file or TOML text (``extends = "vn"`` to start from the
        built-in one); raises ``CalendarError`` with ``line`` and ``column``."""
    @property
    def name(self) -> str:
        """The calendar's name."""
    @property
    def receipt_cutoff(self) -> datetime.time:
        """The time of day after which a receipt counts from the next working day."""
    @property
    def weekend(self) -> List[str]:
        """The weekly rest days, Monday first ('Sat', 'Sun'…)."""
    def is_working_day(self, date: _DateLike) -> bool:
        """Whether the date is a working day."""
    def holiday_name(self, date: _DateLike) -> Optional[str]:
        """The holiday's name on that date, or None."""
    def add_working_days(self, date: _DateLike, n: int) -> datetime.date:
        """The n-th working day after the date."""
    def working_days_between(self, a: _DateLike, b: _DateLike) -> int:
        """Working days ``w`` with ``a < w <= b`` (negative when b is before a)."""
    def due_date(self, received: _DateLike, days: int) -> datetime.date:
        """The due date of a dossier received then with a time limit of ``days`` working
        days (the receipt cutoff applied)."""
    def effective_receipt_date(self, received: _DateLike) -> datetime.date:
        """The day the time limit starts from: the receipt date, or the next working day
        for a receipt after the cutoff or on a day off."""
    def year(self, year: int) -> Dict[str, Any]:
        """The year as the calendar JSON of contract section 8."""
    def holidays(self, year: int) -> List[Tuple[datetime.date, str]]:
        """The holidays of a year, as (date, name)."""
    def make_up_working_days(self, year: int) -> List[datetime.date]:
        """The make-up working days (rest days worked) of a year."""
    def is_projected(self, year: int) -> bool:
        """Whether the year's lunar holidays are projected rather than published."""

@final
class RowError:
    """A rejected row (contract section 6): where, the kind of fault and what is wrong."""

    @property
    def line(self) -> int:
        """Where the record starts: the CSV line (the header is line 1), the worksheet row,
        the JSON record number, or the Arrow row + 1."""
    @property
    def column(self) -> Optional[str]:
        """The column at fault, or None for a fault of the whole row."""
    @property
    def kind(self) -> _ErrorKind:
        """The kind of fault (contract section 6a)."""
    @property
    def message(self) -> str:
        """What is wrong and what is expected, in English."""
    @property
    def sheet(self) -> Optional[str]:
        """The worksheet of a workbook, or None."""
    @property
    def record(self) -> Optional[int]:
        """The JSON record number, or None."""
    @property
    def file(self) -> Optional[str]:
        """The input file when several were read as one input (``motcua.read([a, b])``),
        or None."""
    def to_dict(self) -> RowErrorDict:
        """The error as in the JSON report."""
    def _repr_html_(self) -> str:
        """The error as an HTML table row (notebooks)."""

@final
class Dataset:
    """A validated table of dossiers held in memory: ``len(ds)`` received dossiers, and the
    summary of the rows it was read from (``rows = used + rejected + not_received``)."""

    def __len__(self) -> int:
        """The number of received dossiers."""
    @property
    def errors(self) -> List[RowError]:
        """The rejected rows, in input order."""
    @property
    def rows(self) -> int:
        """Data rows read (the header not included)."""
    @property
    def used(self) -> int:
        """Rows that became dossiers (= ``len(ds)``)."""
    @property
    def rejected(self) -> int:
        """Rows rejected as bad (each is in ``errors``)."""
    @property
    def not_received(self) -> int:
        """Valid rows with status 1 or 3 (not received dossiers)."""
    @property
    def input(self) -> InputSummary:
        """The input summary as the JSON report's ``input`` object."""
    @property
    def agencies(self) -> List[str]:
        """Agency codes with at least one used row, sorted."""
    @property
    def officials(self) -> List[str]:
        """Officials (``CanBoTiepNhan``) of the used rows, sorted."""
    @property
    def calendar(self) -> Calendar:
        """The calendar the due dates were computed with."""
    @property
    def received_range(self) -> Optional[Tuple[datetime.date, datetime.date]]:
        """The first and last receipt dates of the dossiers, or None when there is none: a
        period outside this range counts nothing."""
    def _repr_html_(self) -> str:
        """The dataset as HTML (notebooks): dossiers, agencies, receipt dates, the input
        summary and the first rejected rows."""

@final
class Report:
    """The report of one period (contract section 7): counts and rates per agency and in
    total, the input summary, the previous period, and the breakdown and series of
    contract section 11 when asked for."""

    def to_dict(self) -> Dict[str, Any]:
        """The report as ``motcua report --format json`` prints it, as a dict."""
    def to_json(self) -> str:
        """The report as JSON text, exactly as ``motcua report --format json`` prints it."""
    def to_csv(self) -> str:
        """The report as CSV text, exactly as ``motcua report --format csv`` prints it."""
    @property
    def breakdown(self) -> Optional[Dict[str, Any]]:
        """The breakdown (contract section 11) as a dict (``by``, ``rows``), or None."""
    @property
    def series(self) -> Optional[List[Dict[str, Any]]]:
        """The series (contract section 11): one dict per step, or None."""
    def text(self, lang: _Lang = "vi") -> str:
        """The report as the CLI's text table."""
    def html(self, lang: _Lang = "vi") -> str:
        """The report as an HTML table."""
    def _repr_html_(self) -> str:
        """The report as an HTML table in Vietnamese (notebooks)."""
    @property
    def warnings(self) -> List[ReportWarning]:
        """The library's warnings about the report (each also issued as a
        ``MotcuaWarning``)."""
    @property
    def period(self) -> Tuple[datetime.date, datetime.date]:
        """The period as (first day, last day)."""
    @property
    def period_name(self) -> str:
        """The period's name: '2021-Q3', '2021-07', '2021' or '2021-07-01..2021-09-20'."""
    @property
    def total(self) -> Figures:
        """The totals: every count and ``rates``."""
    @property
    def agencies(self) -> List[str]:
        """Agency codes, sorted."""
    def agency(self, code: str) -> Figures:
        """The figures of one agency, as in ``total``; KeyError for an unknown code."""
    @property
    def input(self) -> InputSummary:
        """The input summary (rows, used, rejected, not_received, errors)."""
    @property
    def errors(self) -> List[RowError]:
        """The rejected rows of the input."""
    @property
    def previous(self) -> Optional[Dict[str, Any]]:
        """The previous period (``period``, ``total``), or None."""
    @property
    def change(self) -> Optional[Dict[str, Dict[str, Any]]]:
        """Each count's change against the previous period (previous, current, absolute,
        relative), or None."""
    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        """The agencies' table through the Arrow PyCapsule interface."""
    def to_arrow(self) -> "pyarrow.Table":
        """One row per agency (no total row: the total is ``total_frame()`` or ``total``):
        ``agency``, ``name`` (the units file's ``TenDonVi``, None when unknown), every count
        of contract section 5 in its order, then the rates' values as flat columns
        (``resolution_rate``, ``on_time_rate``, ``early_rate``, ``online_rate``,
        ``satisfaction_rate``; None when the denominator is 0)."""
    def to_polars(self) -> "polars.DataFrame":
        """As ``to_arrow``, as a polars DataFrame."""
    def to_pandas(self) -> "pandas.DataFrame":
        """As ``to_arrow``, as a pandas DataFrame: ``df.sum()`` over the agencies equals the
        total of each count."""
    @overload
    def total_frame(self, backend: Literal["pandas"] = "pandas") -> "pandas.DataFrame":
        """The total as a one-row table: every count, then each rate's value."""
    @overload
    def total_frame(self, backend: Literal["polars"]) -> "polars.DataFrame": ...
    @overload
    def total_frame(self, backend: Literal["arrow", "pyarrow"]) -> "pyarrow.Table": ...
    @overload
    def breakdown_frame(self, backend: Literal["pandas"] = "pandas") -> "pandas.DataFrame":
        """The breakdown (``report(…, by=…)``) as a tidy table: one row per group, a column
        per key (named as the key; None for dossiers without a value), every count, then
        each rate's value. Raises ``MotcuaError`` when the report has no breakdown."""
    @overload
    def breakdown_frame(self, backend: Literal["polars"]) -> "polars.DataFrame": ...
    @overload
    def breakdown_frame(self, backend: Literal["arrow", "pyarrow"]) -> "pyarrow.Table": ...
    @overload
    def series_frame(self, of: Optional[Literal["total", "agencies", "breakdown"]] = None, backend: Literal["pandas"] = "pandas") -> "pandas.DataFrame":
        """The series (``report(…, every="month")``) as a tidy table: ``from`` and ``to``
        (dates), the group's columns, every count, then each rate's value. ``of``: "total"
        (a row per step), "agencies" (per step and agency) or "breakdown" (per step and
        group); by default the breakdown's groups when there is one, else the agencies.
        Raises ``MotcuaError`` when the report has no series."""
    @overload
    def series_frame(self, of: Optional[Literal["total", "agencies", "breakdown"]] = None, *, backend: Literal["polars"]) -> "polars.DataFrame": ...
    @overload
    def series_frame(self, of: Optional[Literal["total", "agencies", "breakdown"]] = None, *, backend: Literal["arrow", "pyarrow"]) -> "pyarrow.Table": ...
    def form06a(
        self,
        *,
        names: Optional[Mapping[str, str]] = None,
        units: _UnitsLike = None,
        closed_as_on_time: bool = False,
        reporting_unit: Optional[str] = None,
        receiving_unit: Optional[str] = None,
        backend: _Backend = "pandas",
    ) -> _Frame:
        """Biểu II.06a (Circular 01/2020/TT-VPCP) as a table: a row per agency and the total
        row; agency names from ``names``, else ``units``, else the report's units file."""
    def save_form06a(
        self,
        path: _PathLike,
        *,
        names: Optional[Mapping[str, str]] = None,
        units: _UnitsLike = None,
        closed_as_on_time: bool = False,
        reporting_unit: Optional[str] = None,
        receiving_unit: Optional[str] = None,
    ) -> None:
        """Writes Biểu II.06a to ``path``: ``.xlsx`` in the official layout, or ``.csv``."""
    def announcement(self, lang: _Lang = "vi", center: Optional[str] = None, score: Optional["Score"] = None) -> str:
        """The press announcement of the period's figures (and of the grades, given a
        ``Score`` of the same period)."""

@final
class _Table:
    """A table made by motcua, for ``pyarrow.table(t)`` or ``polars.DataFrame(t)``."""

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        """The table through the Arrow PyCapsule interface."""
    def __len__(self) -> int:
        """The number of rows."""

@final
class Score:
    """The grades of every agency and official for one period under one rulebook
    (contract section 10)."""

    def to_dict(self) -> Dict[str, Any]:
        """The grades as ``motcua score --format json`` prints them, as a dict."""
    def to_json(self) -> str:
        """The grades as JSON text, exactly as ``motcua score --format json`` prints them."""
    def to_csv(self) -> str:
        """The grades as CSV text, exactly as ``motcua score --format csv`` prints them."""
    def text(self, lang: _Lang = "vi") -> str:
        """The grades as the CLI's text table."""
    def html(self, lang: _Lang = "vi") -> str:
        """The grades as HTML."""
    def _repr_html_(self) -> str:
        """The grades as HTML in Vietnamese (notebooks)."""
    @property
    def period(self) -> Tuple[datetime.date, datetime.date]:
        """The period as (first day, last day)."""
    @property
    def rulebook(self) -> Dict[str, Any]:
        """The rulebook as the JSON output describes it (id, status, validity…)."""
    @property
    def warnings(self) -> List[ScoreWarning]:
        """The grades' warnings (each also issued as a ``MotcuaWarning`` by ``score``)."""
    @property
    def agencies(self) -> List[str]:
        """Agency codes, sorted."""
    @property
    def officials(self) -> List[str]:
        """Official codes, sorted."""
    def agency(self, code: str) -> Dict[str, Any]:
        """One agency's grade, as in the JSON output; KeyError for an unknown code."""
    def official(self, code: str) -> Dict[str, Any]:
        """One official's grade, as in the JSON output; KeyError for an unknown code."""
    def band_counts(self) -> List[Tuple[str, int]]:
        """How many graded agencies fell in each band, best band first."""
    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        """The agencies' table through the Arrow PyCapsule interface."""
    def to_arrow(self) -> "pyarrow.Table":
        """The agencies' table: ``agency``, ``name``, ``rank``, ``resolved``, ``total``,
        ``measured_max``, ``scaled_total``, ``max``, ``band``, ``band_en``, then one column
        of points per indicator named ``points_`` + the indicator's measure in the rulebook
        (``points_timeliness``, ``points_step_timeliness``, ``points_supplements``,
        ``points_contacts``, ``points_desk_share``, ``points_publication``,
        ``points_conduct``, ``points_feedback_on_time_rate``, ``points_online_rate`` under
        Circular 01/2018), so a column means the same under every rulebook; when two
        indicators share a measure, each also carries its id (``points_conduct_7_1``)."""
    def to_polars(self) -> "polars.DataFrame":
        """The agencies' table (see ``to_arrow``) as a polars DataFrame."""
    def to_pandas(self) -> "pandas.DataFrame":
        """The agencies' table (see ``to_arrow``) as a pandas DataFrame."""
    def officials_to_arrow(self) -> "pyarrow.Table":
        """The officials' table (official, dossiers, total, max, band, band_en)."""
    def officials_to_polars(self) -> "polars.DataFrame":
        """The officials' table as a polars DataFrame."""
    def officials_to_pandas(self) -> "pandas.DataFrame":
        """The officials' table as a pandas DataFrame."""

@final
class DossierList:
    """The dossiers behind one count of a report (contract section 12), sorted by code."""

    def __len__(self) -> int:
        """The number of dossiers listed (equal to the count in the report)."""
    @property
    def count(self) -> str:
        """The count listed ('pending_overdue', 'resolved_late', 'due_soon'…)."""
    @property
    def period(self) -> Tuple[datetime.date, datetime.date]:
        """The period as (first day, last day)."""
    def to_dict(self) -> "DossierListDict":
        """The list as ``motcua list --format json`` prints it, as a dict."""
    def to_csv(self) -> str:
        """The list as CSV text, exactly as ``motcua list --format csv`` prints it."""
    def html(self, lang: _Lang = "vi") -> str:
        """The list as an HTML table."""
    def _repr_html_(self) -> str:
        """The list as an HTML table in Vietnamese (notebooks)."""
    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        """The table through the Arrow PyCapsule interface."""
    def to_arrow(self) -> "pyarrow.Table":
        """One row per dossier: ``code``, ``line``, ``agency``, ``procedure``, ``official``,
        ``channel``, ``status``, ``received`` (text as recorded), ``due`` and ``closed``
        (dates), ``working_days_late``."""
    def to_polars(self) -> "polars.DataFrame":
        """As ``to_arrow``, as a polars DataFrame."""
    def to_pandas(self) -> "pandas.DataFrame":
        """As ``to_arrow``, as a pandas DataFrame."""

def read(
    path: Union[_PathLike, Sequence[_PathLike]],
    calendar: _CalendarLike = None,
    strict: bool = False,
    *,
    format: Optional[_Format] = None,
    sheet: Optional[str] = None,
    threads: int = 0,
    profile: _ProfileLike = None,
    catalog: "_FileLike" = None,
    deadline_from: Optional[_DeadlineFrom] = None,
) -> Dataset:
    """Reads a dossier table (CSV, Excel, the portal's JSON) into memory, by extension.

    ``path`` may be a list of paths read as one input, in order (as ``motcua report
    --input a.csv b.csv``): a code repeated in a later file is a rejected row of that file,
    and each ``RowError.file`` names its file. ``calendar``: the work calendar. ``strict``:
    raise ``InputError`` at the first bad row. ``format``: override the extension.
    ``sheet``: the worksheet of a workbook. ``profile``: the source profile. ``catalog``: a
    procedure catalog filling ``MucDo`` and the field from ``MaTTHC``. ``deadline_from``:
    where a time limit starts.

    >>> ds = motcua.read(["2021-07.csv", "2021-08.csv", "2021-09.csv"], catalog="catalog.csv")
    """
class MappedColumn(TypedDict):
    """A contract column and the source column it is read from."""

    contract: str
    source: str

class Rejections(TypedDict):
    """The rejections of one kind: how many, their first lines and an example."""

    kind: _ErrorKind
    count: int
    first_lines: List[int]
    example: str

class Inspection(TypedDict):
    """How a source would be read (``motcua inspect``)."""

    format: Literal["csv", "xlsx", "json", "arrow", "parquet"]
    profile: Optional[str]
    detected: Optional[str]
    encoding: str
    separator: Optional[str]
    header_line: Optional[int]
    mapping: List[MappedColumn]
    first_rows: List[Dict[str, str]]
    rows: int
    used: int
    rejected: int
    not_received: int
    rejections: List[Rejections]
    error: Optional[str]
    hints: List[str]
    source_columns: List[str]

def inspect(
    path: _PathLike,
    *,
    profile: Union[str, os.PathLike[str], bytes, None] = None,
    calendar: _CalendarLike = None,
    rows: int = 5,
) -> Inspection:
    """How a source would be read: format, profile (and why), separator, header line,
    column mapping, the first ``rows`` rows as mapped, rejections by kind, hints."""
def read_postgres(
    uri: str,
    query: str,
    calendar: _CalendarLike = None,
    strict: bool = False,
    *,
    profile: _ProfileLike = None,
    threads: int = 0,
    catalog: "_FileLike" = None,
    deadline_from: Optional[_DeadlineFrom] = None,
) -> Dataset:
    """Reads the rows of a PostgreSQL query (streamed as CSV) as a dossier table;
    ``profile``, ``catalog`` and ``deadline_from`` as for ``read``."""
def from_arrow(
    data: Any,
    calendar: _CalendarLike = None,
    strict: bool = False,
    threads: int = 0,
    *,
    profile: _ProfileLike = None,
    catalog: "_FileLike" = None,
    deadline_from: Optional[_DeadlineFrom] = None,
) -> Dataset:
    """Reads the dossier table from Arrow data (``motcua.from_arrow`` also takes pandas and
    lazy polars frames); every row goes through the CSV row checks."""
_Key = Literal["agency", "procedure", "field", "level", "official", "channel"]
"""A key of a breakdown (contract section 11)."""
_Every = Literal["month", "quarter"]
_Compare = Literal["previous", "last-year", "none"]
_Format = Literal["csv", "xlsx", "json"]
_FileLike = Union[str, bytes, "os.PathLike[str]", None]
"""A path, or the file's text or bytes (text holding a line break is the file's content)."""

def report(
    data: Union[Dataset, _PathLike, Sequence[_PathLike]],
    period: Optional[_PeriodLike] = None,
    *,
    by: Union[_Key, str, List[Union[_Key, str]], None] = None,
    every: Optional[_Every] = None,
    compare: Optional[_Compare] = None,
    calendar: _CalendarLike = None,
    catalog: _FileLike = None,
    units: _UnitsLike = None,
    ratings: _FileLike = None,
    successors: bool = False,
    strict: bool = False,
    format: Optional[_Format] = None,
    sheet: Optional[str] = None,
    profile: _ProfileLike = None,
    conventions: Union[_Convention, List[_Convention], None] = None,
    deadline_from: Optional[_DeadlineFrom] = None,
) -> Report:
    """Counts a period in one pass over the dossiers (contract sections 5, 7 and 11).

    ``data``: a ``Dataset``, a path or a list of paths. ``period``: '2021-Q3', '2021-07',
    '2021', '2021-07-01..2021-09-30' or (from, to). ``by``: breakdown keys (two at most);
    ``every``: a series by month or quarter; ``compare``: what ``previous`` holds;
    ``units``: the units file (agency names, levels); ``catalog``, ``calendar``,
    ``profile``, ``strict``, ``format``, ``sheet``, ``deadline_from`` apply while a path is
    read. A period with no dossier issues a ``MotcuaWarning``.

    >>> rep = motcua.report("dossiers.csv", "2021", every="month", by="procedure")
    >>> rep.series_frame(of="total")[["from", "received", "resolved"]]
    """
def score(
    data: Union[Dataset, _PathLike, Sequence[_PathLike]],
    units: _UnitsLike = None,
    period: Optional[_PeriodLike] = None,
    rulebook: Union[_RulebookLike, bytes] = None,
    *,
    calendar: _CalendarLike = None,
    catalog: _FileLike = None,
    ratings: _FileLike = None,
    means: Literal["dossiers", "slips"] = "dossiers",
    strict: bool = False,
    format: Optional[_Format] = None,
    sheet: Optional[str] = None,
    profile: _ProfileLike = None,
    deadline_from: Optional[_DeadlineFrom] = None,
) -> Score:
    """Grades every agency and official of a period by a rulebook (contract section 10).

    ``units``: the units file (a path, text or a table); without it every agency is graded
    with the default facts and a ``MotcuaWarning`` ('missing_units') says so, as it does for
    a rulebook outside its validity or a period with no dossier."""

class ListedDossier(TypedDict):
    """One dossier of a list (contract section 12)."""

    code: str
    line: int
    agency: str
    procedure: Optional[str]
    official: Optional[str]
    channel: Literal["in_person", "online", "postal"]
    status: int
    received: str
    due: str
    closed: Optional[str]
    working_days_late: int

ListPeriod = TypedDict("ListPeriod", {"from": str, "to": str})
"""A period as JSON: its first and last day (yyyy-MM-dd)."""

class DossierListDict(TypedDict):
    """A dossier list as ``motcua list --format json`` prints it."""

    contract: int
    period: ListPeriod
    count: str
    dossiers: List[ListedDossier]

def list_dossiers(
    data: Union[_PathLike, Sequence[_PathLike]],
    count: str,
    period: Optional[_PeriodLike] = None,
    *,
    within: Optional[int] = None,
    agency: Optional[str] = None,
    procedure: Optional[str] = None,
    official: Optional[str] = None,
    field: Optional[str] = None,
    level: Optional[str] = None,
    channel: Optional[str] = None,
    calendar: _CalendarLike = None,
    catalog: _FileLike = None,
    units: _UnitsLike = None,
    strict: bool = False,
    format: Optional[_Format] = None,
    sheet: Optional[str] = None,
    profile: _ProfileLike = None,
    conventions: Union[_Convention, List[_Convention], None] = None,
    deadline_from: Optional[_DeadlineFrom] = None,
) -> DossierList:
    """The dossiers behind one count of the report (contract section 12), as a
    ``DossierList`` (``to_pandas()``, ``to_polars()``, ``to_arrow()``, ``to_dict()``);
    also ``motcua.list``.

    ``count``: any count of contract section 5 or "due_soon" (pending, due within
    ``within`` working days after the period). The filters keep one agency, procedure,
    official, field, level or channel.

    >>> late = motcua.list("dossiers.csv", "pending_overdue", "2021-Q3", agency="STP")
    >>> late.to_pandas()[["code", "due", "working_days_late"]]
    """
def error_kinds() -> List[Tuple[str, str, str]]:
    """The table of error kinds: (JavaScript name, Python class, its parent)."""
def rulebooks() -> List[str]:
    """The built-in rulebooks' names."""
def rulebook_toml(name: str) -> str:
    """The TOML text of a built-in rulebook."""
@overload
def generate(
    profile: str = "soc-trang-2021",
    *,
    rows: Optional[int] = None,
    seed: int = 1,
    calendar: _CalendarLike = None,
    with_units: Literal[False] = False,
) -> "pyarrow.Table":
    """The synthetic sample (``profile`` 'soc-trang-2021': the Sóc Trăng Q3/2021 report's
    figures) as a pyarrow Table with the contract's columns; ``rows`` scales it, ``seed``
    varies it; ``with_units=True`` also gives its units table."""
@overload
def generate(
    profile: str = "soc-trang-2021",
    *,
    rows: Optional[int] = None,
    seed: int = 1,
    calendar: _CalendarLike = None,
    with_units: Literal[True],
) -> Tuple["pyarrow.Table", "pyarrow.Table"]: ...
def generate_units(profile: str = "soc-trang-2021") -> "pyarrow.Table":
    """The units table of a sample (the units file's columns)."""
def sample_agencies() -> List[Tuple[str, str, str]]:
    """The sample's agencies as (code, Vietnamese name, English name)."""
def format_number(n: int, lang: _Lang = "vi") -> str:
    """A whole number written the Vietnamese way (``12.656``) or the English way (``12,656``)."""
def format_percent(numerator: int, denominator: int, lang: _Lang = "vi") -> Optional[str]:
    """``numerator / denominator`` as the reports write it (``95,49 %``; English ``95.49%``),
    rounded half away from zero to 2 decimals; None when the denominator is 0."""

@final
class Partial:
    """A partial aggregate: the counts, grading sums and input summary of one part of an
    input (contract section 16)."""

    @staticmethod
    def from_bytes(data: bytes) -> "Partial":
        """A partial aggregate from its bytes; ``PartialError`` when they are not one."""
    def to_bytes(self) -> bytes:
        """The partial aggregate as bytes."""
    @property
    def period_name(self) -> str:
        """The period's name."""
    @property
    def input(self) -> InputSummary:
        """The input summary of its part."""
    @property
    def header(self) -> Dict[str, Any]:
        """Its header: contract, period, keys, step, comparison, rulebook."""

_PartialLike = Union[bytes, bytearray, Partial]

def partial(
    batch: Any,
    period: _PeriodLike,
    *,
    calendar: _CalendarLike = None,
    by: Union[_Key, str, List[Union[_Key, str]], None] = None,
    every: Optional[_Every] = None,
    compare: Optional[_Compare] = "previous",
    units: _UnitsLike = None,
    rulebook: _RulebookLike = None,
    strict: bool = False,
) -> bytes:
    """The partial aggregate of CSV bytes or Arrow data, as bytes."""
def merge(partials: Iterable[_PartialLike]) -> Report:
    """The report of the whole input from its partial aggregates, merged in any order."""
def merge_score(
    partials: Iterable[_PartialLike],
    rulebook: _RulebookLike = None,
    units: _UnitsLike = None,
) -> Score:
    """The grades of the whole input from partial aggregates made with ``rulebook``."""
def merge_json(
    partials: Iterable[_PartialLike],
    rulebook: _RulebookLike = None,
    units: _UnitsLike = None,
) -> str:
    """The report JSON of ``motcua report --format json``, with ``grades`` given a rulebook."""
