"""motcua: figures and grades of Vietnamese public administration service centers ("một cửa").

The quarterly dossier figures (received, resolved early / on time / late, pending, online
share, satisfaction) per agency and in total, the Biểu 06a table and the grading of agencies
and officials, computed by the same Rust core as the ``motcua`` command::

    import motcua
    ds = motcua.read("dossiers.csv")             # CSV, Excel or the portal's JSON
    rep = motcua.report(ds, period="2021-Q3")
    rep.to_pandas()                               # one row per agency (names from units=)
    rep.total_frame()                             # the total, one row
    late = motcua.list("dossiers.csv", "pending_overdue", "2021-Q3")
    late.to_pandas()                              # the overdue dossiers, with their codes

Warnings of the library (a period with no dossier, grading with the default unit facts, a
rulebook outside its validity) are issued with ``warnings.warn`` as ``MotcuaWarning``.

Arrow data in (``motcua.from_arrow``: pyarrow, polars, pandas) and out (``to_arrow``,
``to_polars``, ``to_pandas``) goes through the Arrow PyCapsule interface. pyarrow, pandas and
polars are optional: ``pip install 'motcua[pandas]'``, ``'motcua[polars]'``, ``'motcua[all]'``.

Nothing is computed in Python: this package only forwards to ``motcua._motcua``.
"""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING, Any, Literal, Optional, Union

from . import _motcua
from ._motcua import (
    ArgumentError,
    Calendar,
    CalendarError,
    Dataset,
    DossierList,
    InputError,
    MotcuaError,
    MotcuaWarning,
    Partial,
    PartialError,
    PeriodError,
    Report,
    RowError,
    RulebookError,
    Score,
    __version__,
    format_number,
    format_percent,
    generate,
    generate_units,
    merge,
    merge_json,
    merge_score,
    partial,
    inspect,
    list_dossiers,
    read,
    read_postgres,
    report,
    rulebook_toml,
    rulebooks,
    sample_agencies,
    score,
)

if TYPE_CHECKING:  # the shapes of the dicts, for type checkers only
    from ._motcua import (
        DossierListDict as DossierListDict,
        Figures as Figures,
        InputSummary as InputSummary,
        ListedDossier as ListedDossier,
        Rate as Rate,
        Rates as Rates,
        ReportWarning as ReportWarning,
        RowErrorDict as RowErrorDict,
        ScoreWarning as ScoreWarning,
    )

__all__ = [
    "ArgumentError",
    "Calendar",
    "CalendarError",
    "Dataset",
    "DossierList",
    "InputError",
    "MotcuaError",
    "MotcuaWarning",
    "Partial",
    "PartialError",
    "PeriodError",
    "Report",
    "RowError",
    "RulebookError",
    "Score",
    "__version__",
    "format_number",
    "format_percent",
    "from_arrow",
    "generate",
    "generate_units",
    "merge",
    "merge_json",
    "merge_score",
    "partial",
    "inspect",
    "list",
    "list_dossiers",
    "read",
    "read_postgres",
    "report",
    "rulebook_toml",
    "rulebooks",
    "sample_agencies",
    "score",
]


list = list_dossiers  # noqa: A001 - ``motcua.list`` as the contract's ``motcua list``
"""The dossiers behind one count of a report (``motcua list``): see ``list_dossiers``."""


def _as_arrow(data: Any) -> Any:
    """Arrow-exportable data: lazy polars frames are collected, and pandas DataFrames of
    pandas versions without ``__arrow_c_stream__`` go through pyarrow."""
    if hasattr(data, "__arrow_c_stream__") or hasattr(data, "__arrow_c_array__"):
        return data
    module = type(data).__module__ or ""
    if module.startswith("polars") and hasattr(data, "collect"):
        return data.collect()
    if module.startswith("pandas"):
        try:
            pa = importlib.import_module("pyarrow")
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ImportError(
                "reading a pandas DataFrame needs pyarrow: pip install 'motcua[pandas]'"
            ) from e
        return pa.Table.from_pandas(data)
    return data


def from_arrow(
    data: Any,
    calendar: Union[Calendar, str, "os.PathLike[str]", None] = None,
    strict: bool = False,
    threads: int = 0,
    *,
    profile: Union[str, "os.PathLike[str]", None] = None,
    catalog: Union[str, bytes, "os.PathLike[str]", None] = None,
    deadline_from: Optional[Literal["receipt", "deciding-agency"]] = None,
) -> Dataset:
    """Reads the dossier table from Arrow data.

    ``data`` is a ``pyarrow.Table``, ``RecordBatch`` or ``RecordBatchReader``, a
    ``polars.DataFrame`` (or ``LazyFrame``), a ``pandas.DataFrame``, or any object with
    ``__arrow_c_stream__`` / ``__arrow_c_array__``. Columns carry the contract's names
    (``MaHoSo``, ``DonViXuLy``, ``KenhThucHien``, ``NgayTiepNhan``…); they may be strings in
    the contract's forms or typed: integers, booleans, dates, timestamps (time-zone-naive =
    local Vietnamese time; aware = converted to UTC+7). Every row goes through the same
    checks as a CSV row. ``RowError.line`` is the row's number, counting from 1 across all
    batches (the first row is 1; in a CSV file of the same rows it would be line 2).

    ``calendar``: None (the built-in Vietnamese calendar), a ``Calendar``, "vn", "blank", or
    a TOML path or text. ``strict``: raise ``InputError`` at the first bad row. ``threads``:
    worker threads, 0 for every core. ``profile``: the source profile (a built-in name, a
    file or TOML text; detected from the column names when None), which maps database
    column names, ``NULL`` tokens and values as for a file. ``catalog`` and
    ``deadline_from`` as for ``read``.
    """
    return _motcua.from_arrow(
        _as_arrow(data),
        calendar=calendar,
        strict=strict,
        threads=threads,
        profile=profile,
        catalog=catalog,
        deadline_from=deadline_from,
    )
