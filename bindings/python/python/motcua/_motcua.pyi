"""Type stubs of the extension module ``motcua._motcua`` (the Rust core)."""

import datetime
import os
from typing import Any, Dict, Iterable, List, Literal, Mapping, Optional, Tuple, TypedDict, Union, final, overload

_DateLike = Union[datetime.date, str]
"""A ``datetime.date``, a ``datetime.datetime`` (naive = local Vietnamese time, aware =
converted to UTC+7) or text in one of the contract's forms ('2021-07-01', '01/07/2021',
'2021-07-01 09:30', '20210701093000'…)."""
_PeriodLike = Union[str, Tuple[_DateLike, _DateLike]]
"""'2021-Q3', '2021-07', '2021', '2021-07-01..2021-09-30', or (first day, last day)."""
_CalendarLike = Union["Calendar", str, "os.PathLike[str]", None]
"""A Calendar, None (the built-in Vietnamese one), "vn", "blank", a TOML path or TOML text."""
_PathLike = Union[str, "os.PathLike[str]"]
_UnitsLike = Union[str, "os.PathLike[str]", Any, None]
"""A units CSV path, a table with the units file's columns (pandas, polars, pyarrow), or None."""
_RulebookLike = Union[str, "os.PathLike[str]", None]
"""A built-in rulebook name, a TOML file path, or TOML text."""

__version__: str

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
    """A work calendar: weekly rest days, holidays, make-up working days, receipt cutoff."""

    @staticmethod
    def vn() -> "Calendar": ...
    @staticmethod
    def blank() -> "Calendar": ...
    @staticmethod
    def builtin(name: str) -> "Calendar": ...
    @staticmethod
    def from_toml(source: Union[str, "os.PathLike[str]"]) -> "Calendar": ...
    @property
    def name(self) -> str: ...
    @property
    def receipt_cutoff(self) -> datetime.time: ...
    @property
    def weekend(self) -> List[str]: ...
    def is_working_day(self, date: _DateLike) -> bool: ...
    def holiday_name(self, date: _DateLike) -> Optional[str]: ...
    def add_working_days(self, date: _DateLike, n: int) -> datetime.date: ...
    def working_days_between(self, a: _DateLike, b: _DateLike) -> int: ...
    def due_date(self, received: _DateLike, days: int) -> datetime.date: ...
    def effective_receipt_date(self, received: _DateLike) -> datetime.date: ...
    def year(self, year: int) -> Dict[str, Any]: ...
    def holidays(self, year: int) -> List[Tuple[datetime.date, str]]: ...
    def make_up_working_days(self, year: int) -> List[datetime.date]: ...
    def is_projected(self, year: int) -> bool: ...

@final
class RowError:
    """A rejected row."""

    @property
    def line(self) -> int: ...
    @property
    def column(self) -> Optional[str]: ...
    @property
    def kind(self) -> Literal["missing", "unparseable", "unknown_code", "duplicate", "closed_before_received", "no_deadline", "limit"]:
        """The kind of fault (contract section 6a)."""
    @property
    def message(self) -> str: ...
    @property
    def sheet(self) -> Optional[str]:
        """The worksheet of a workbook, or None."""
    @property
    def record(self) -> Optional[int]:
        """The JSON record number, or None."""
    def to_dict(self) -> Dict[str, Any]: ...

@final
class Dataset:
    """A validated table of dossiers held in memory."""

    def __len__(self) -> int: ...
    @property
    def errors(self) -> List[RowError]: ...
    @property
    def rows(self) -> int: ...
    @property
    def used(self) -> int: ...
    @property
    def rejected(self) -> int: ...
    @property
    def not_received(self) -> int: ...
    @property
    def input(self) -> Dict[str, Any]: ...
    @property
    def agencies(self) -> List[str]: ...
    @property
    def officials(self) -> List[str]: ...
    @property
    def calendar(self) -> Calendar: ...

@final
class Report:
    """The report of one period (contract section 7)."""

    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def to_csv(self) -> str: ...
    @property
    def breakdown(self) -> Optional[Dict[str, Any]]: ...
    @property
    def series(self) -> Optional[List[Dict[str, Any]]]: ...
    def text(self, lang: str = "vi") -> str: ...
    def html(self, lang: str = "vi") -> str: ...
    def _repr_html_(self) -> str: ...
    @property
    def period(self) -> Tuple[datetime.date, datetime.date]: ...
    @property
    def period_name(self) -> str: ...
    @property
    def total(self) -> Dict[str, Any]: ...
    @property
    def agencies(self) -> List[str]: ...
    def agency(self, code: str) -> Dict[str, Any]: ...
    @property
    def input(self) -> Dict[str, Any]: ...
    @property
    def errors(self) -> List[RowError]: ...
    @property
    def previous(self) -> Optional[Dict[str, Any]]: ...
    @property
    def change(self) -> Optional[Dict[str, Any]]: ...
    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object: ...
    def to_arrow(self) -> Any:
        """A ``pyarrow.Table``."""
    def to_polars(self) -> Any:
        """A ``polars.DataFrame``."""
    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame``."""
    def form06a(
        self,
        *,
        names: Optional[Mapping[str, str]] = None,
        units: _UnitsLike = None,
        closed_as_on_time: bool = False,
        reporting_unit: Optional[str] = None,
        receiving_unit: Optional[str] = None,
        backend: str = "pandas",
    ) -> Any:
        """Biểu II.06a as a pandas DataFrame (or polars / pyarrow with ``backend``)."""
    def save_form06a(
        self,
        path: _PathLike,
        *,
        names: Optional[Mapping[str, str]] = None,
        units: _UnitsLike = None,
        closed_as_on_time: bool = False,
        reporting_unit: Optional[str] = None,
        receiving_unit: Optional[str] = None,
    ) -> None: ...
    def announcement(self, lang: str = "vi", center: Optional[str] = None, score: Optional["Score"] = None) -> str: ...

@final
class _Table:
    """A table made by motcua, for ``pyarrow.table(t)`` or ``polars.DataFrame(t)``."""

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object: ...
    def __len__(self) -> int: ...

@final
class Score:
    """The grades of every agency and official for one period under one rulebook."""

    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def to_csv(self) -> str: ...
    def text(self, lang: str = "vi") -> str: ...
    def html(self, lang: str = "vi") -> str: ...
    def _repr_html_(self) -> str: ...
    @property
    def period(self) -> Tuple[datetime.date, datetime.date]: ...
    @property
    def rulebook(self) -> Dict[str, Any]: ...
    @property
    def warnings(self) -> List[Dict[str, Any]]: ...
    @property
    def agencies(self) -> List[str]: ...
    @property
    def officials(self) -> List[str]: ...
    def agency(self, code: str) -> Dict[str, Any]: ...
    def official(self, code: str) -> Dict[str, Any]: ...
    def band_counts(self) -> List[Tuple[str, int]]: ...
    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object: ...
    def to_arrow(self) -> Any:
        """The agencies' table as a ``pyarrow.Table``."""
    def to_polars(self) -> Any:
        """The agencies' table as a ``polars.DataFrame``."""
    def to_pandas(self) -> Any:
        """The agencies' table as a ``pandas.DataFrame``."""
    def officials_to_arrow(self) -> Any: ...
    def officials_to_polars(self) -> Any: ...
    def officials_to_pandas(self) -> Any: ...

def read(
    path: _PathLike,
    calendar: _CalendarLike = None,
    strict: bool = False,
    *,
    format: Optional[str] = None,
    sheet: Optional[str] = None,
    threads: int = 0,
    profile: Union[str, os.PathLike[str], bytes, None] = None,
) -> Dataset: ...
class MappedColumn(TypedDict):
    contract: str
    source: str

class Rejections(TypedDict):
    kind: str
    count: int
    first_lines: List[int]
    example: str

class Inspection(TypedDict):
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
) -> Inspection: ...
def read_postgres(
    uri: str,
    query: str,
    calendar: _CalendarLike = None,
    strict: bool = False,
    *,
    profile: Union[str, os.PathLike[str], bytes, None] = None,
    threads: int = 0,
) -> Dataset: ...
def from_arrow(
    data: Any,
    calendar: _CalendarLike = None,
    strict: bool = False,
    threads: int = 0,
) -> Dataset: ...
_Key = Literal["agency", "procedure", "field", "level", "official", "channel"]
"""A key of a breakdown (contract section 11)."""
_Every = Literal["month", "quarter"]
_Compare = Literal["previous", "last-year", "none"]
_Format = Literal["csv", "xlsx", "json"]
_FileLike = Union[str, bytes, "os.PathLike[str]", None]
"""A path, or the file's text or bytes (text holding a line break is the file's content)."""

def report(
    data: Union[Dataset, _PathLike],
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
    profile: Union[str, os.PathLike[str], bytes, None] = None,
    conventions: Union[Literal["waiting_as_within_due", "withdrawn_as_on_time", "online_without_postal"], List[Literal["waiting_as_within_due", "withdrawn_as_on_time", "online_without_postal"]], None] = None,
) -> Report: ...
def score(
    data: Union[Dataset, _PathLike],
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
    profile: Union[str, os.PathLike[str], bytes, None] = None,
) -> Score: ...

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

class DossierList(TypedDict):
    """A dossier list as `motcua list --format json` prints it."""

    contract: str
    period: Dict[str, Any]
    count: str
    dossiers: List[ListedDossier]

def list_dossiers(
    data: _PathLike,
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
    profile: Union[str, os.PathLike[str], bytes, None] = None,
    conventions: Union[Literal["waiting_as_within_due", "withdrawn_as_on_time", "online_without_postal"], List[Literal["waiting_as_within_due", "withdrawn_as_on_time", "online_without_postal"]], None] = None,
) -> DossierList: ...
def error_kinds() -> List[Tuple[str, str, str]]: ...
def rulebooks() -> List[str]: ...
def rulebook_toml(name: str) -> str: ...
@overload
def generate(
    profile: str = "soc-trang-2021",
    *,
    rows: Optional[int] = None,
    seed: int = 1,
    calendar: _CalendarLike = None,
    with_units: Literal[False] = False,
) -> Any: ...
@overload
def generate(
    profile: str = "soc-trang-2021",
    *,
    rows: Optional[int] = None,
    seed: int = 1,
    calendar: _CalendarLike = None,
    with_units: Literal[True],
) -> Tuple[Any, Any]: ...
def generate_units(profile: str = "soc-trang-2021") -> Any: ...
def sample_agencies() -> List[Tuple[str, str, str]]: ...
def format_number(n: int, lang: str = "vi") -> str: ...
def format_percent(numerator: int, denominator: int, lang: str = "vi") -> Optional[str]: ...

@final
class Partial:
    """A partial aggregate: the counts, grading sums and input summary of one part of an
    input (contract section 16)."""

    @staticmethod
    def from_bytes(data: bytes) -> "Partial": ...
    def to_bytes(self) -> bytes: ...
    @property
    def period_name(self) -> str: ...
    @property
    def input(self) -> Dict[str, Any]: ...
    @property
    def header(self) -> Dict[str, Any]: ...

_PartialLike = Union[bytes, bytearray, Partial]

def partial(
    batch: Any,
    period: _PeriodLike,
    *,
    calendar: _CalendarLike = None,
    by: Optional[str] = None,
    every: Optional[str] = None,
    compare: Optional[str] = "previous",
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
