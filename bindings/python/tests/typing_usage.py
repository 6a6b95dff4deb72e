"""A typed analyst's script: checked with mypy --strict against the package's stubs
(tests/test_stubs.py). It is not run."""

from __future__ import annotations

import datetime as dt
from typing import Any, Dict, List, Optional, Tuple

import motcua


def quarterly(path: str) -> Tuple[int, Optional[str]]:
    cal: motcua.Calendar = motcua.Calendar.vn()
    due: dt.date = cal.due_date(dt.datetime(2021, 9, 1, 9, 0), 3)
    ok: bool = cal.is_working_day(due)
    n: int = cal.working_days_between("2021-09-01", due)
    ds: motcua.Dataset = motcua.read(path, calendar=cal, strict=False)
    errs: List[motcua.RowError] = ds.errors
    lines: List[int] = [e.line for e in errs]
    cols: List[Optional[str]] = [e.column for e in errs]
    rep: motcua.Report = motcua.report(ds, period="2021-Q3")
    rng: motcua.Report = motcua.report(ds, period=(dt.date(2021, 7, 1), "2021-09-30"))
    d: Dict[str, Any] = rep.to_dict()
    first, last = rep.period
    html: str = rep._repr_html_()
    text: str = rep.announcement(lang="vi")
    form: Any = rep.form06a(closed_as_on_time=True)
    sc: motcua.Score = motcua.score(ds, units="units.csv", period="2021-Q3", rulebook="soc-trang-1216-2019")
    bands: List[Tuple[str, int]] = sc.band_counts()
    graded: str = rep.announcement(score=sc)
    pct: Optional[str] = motcua.format_percent(d["total"]["resolved"], d["total"]["received"])
    dossiers, units = motcua.generate("soc-trang-2021", with_units=True)
    table: Any = motcua.generate(rows=1000, seed=2)
    ds2: motcua.Dataset = motcua.from_arrow(table, calendar="vn")
    del rng, first, last, html, text, form, bands, graded, dossiers, units, ds2, lines, cols, ok, n
    return len(ds), pct


def conventions(paths: List[str]) -> Tuple[int, Optional[Tuple[dt.date, dt.date]]]:
    ds: motcua.Dataset = motcua.read(paths, catalog="catalog.csv", deadline_from="deciding-agency")
    span: Optional[Tuple[dt.date, dt.date]] = ds.received_range
    files: List[Optional[str]] = [e.file for e in ds.errors]
    rep = motcua.report(ds, "2021", every="month", by="procedure", units="units.csv")
    total: motcua.Figures = rep.total
    late: int = total["resolved_late"]
    rate: Optional[motcua.Rate] = total["rates"]["on_time_rate"]
    agencies = rep.to_pandas()
    per_step = rep.series_frame(of="total")
    groups = rep.breakdown_frame(backend="polars")
    one = rep.total_frame("arrow")
    lst: motcua.DossierList = motcua.list(paths, "pending_overdue", "2021-Q3", agency="STP")
    rows = lst.to_pandas()
    first: str = lst.to_dict()["dossiers"][0]["code"]
    w: type = motcua.MotcuaWarning
    del files, rate, agencies, per_step, groups, one, rows, first, w
    return late + len(lst), span


def errors() -> str:
    try:
        motcua.Calendar.from_toml("name = 1")
    except motcua.CalendarError as e:
        return f"{e.line}:{e.column}"
    except motcua.InputError as e:
        return f"{e.line}:{e.column}"
    except motcua.MotcuaError as e:
        return str(e)
    return ""
