"""The package's surface: exceptions, exports, the GIL, optional dependencies."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

import motcua
from conftest import need


def test_exception_hierarchy() -> None:
    assert issubclass(motcua.MotcuaError, ValueError)
    for e in (motcua.InputError, motcua.CalendarError, motcua.RulebookError, motcua.PeriodError):
        assert issubclass(e, motcua.MotcuaError)
        assert e.__module__ == "motcua"
    with pytest.raises(ValueError):
        motcua.report(motcua.from_arrow(need("pyarrow").table({"MaHoSo": ["x"], "DonViXuLy": ["y"], "KenhThucHien": ["1"], "NgayTiepNhan": ["2021-01-01"], "TrangThaiHoSo": ["4"], "ThoiHanGiaiQuyet": ["1"]})), "never")


def test_exports() -> None:
    for name in motcua.__all__:
        assert hasattr(motcua, name), name
    assert motcua.__version__.count(".") == 2
    for cls in (motcua.Calendar, motcua.Dataset, motcua.Report, motcua.Score, motcua.RowError):
        assert cls.__module__ == "motcua"
        assert cls.__doc__


def test_long_work_releases_the_gil() -> None:
    need("pyarrow")
    table = motcua.generate(rows=400_000, seed=3)
    done = threading.Event()
    result: Any = {}

    def work() -> None:
        t0 = time.perf_counter()
        ds = motcua.from_arrow(table, threads=1)
        result["report"] = motcua.report(ds, "2021")
        result["seconds"] = time.perf_counter() - t0
        done.set()

    ticks = 0
    th = threading.Thread(target=work)
    th.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    th.join()
    assert result["report"].total["received"] > 0
    # With the GIL held for the whole call, this loop would have stalled for its duration.
    assert ticks >= 0.25 * result["seconds"] / 0.0011, (ticks, result["seconds"])
