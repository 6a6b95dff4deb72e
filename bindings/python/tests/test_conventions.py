"""Python conventions: agency tables without a total row, agency names, flat rates, rich
display of datasets and rejected rows, and the library's warnings as ``MotcuaWarning``."""

from __future__ import annotations

import csv
import datetime as dt
import warnings
from pathlib import Path
from typing import Dict

import pytest

import motcua
from conftest import need

COUNTS = [
    "received", "received_online", "received_in_person", "received_postal", "carried_over",
    "resolved", "resolved_early", "resolved_on_time", "resolved_late", "closed_without_result",
    "pending", "pending_within_due", "pending_overdue", "received_level34",
    "received_online_level34", "ratings", "ratings_very_satisfied", "ratings_satisfied",
    "ratings_dissatisfied",
]
RATES = ["resolution_rate", "on_time_rate", "early_rate", "online_rate", "satisfaction_rate"]


def units_names(path: Path) -> Dict[str, str]:
    with open(path, encoding="utf-8") as f:
        return {r["DonViXuLy"]: r["TenDonVi"] for r in csv.DictReader(f) if r.get("TenDonVi")}


def test_agency_sums_equal_the_total(sample_ds: motcua.Dataset) -> None:
    need("pandas")
    rep = motcua.report(sample_ds, "2021-Q3")
    df = rep.to_pandas()
    assert list(df.columns) == ["agency", "name", *COUNTS, *RATES]
    assert len(df) == len(rep.agencies) == 17
    sums = df[COUNTS].sum()
    total = rep.total_frame()
    for c in COUNTS:
        assert sums[c] == rep.total[c] == total[c].iloc[0], c
    # the rates are flat columns: each agency's value is its numerator over its denominator
    for c in RATES:
        for code, value in zip(df["agency"], df[c]):
            r = rep.agency(code)["rates"][c]
            if r is None:
                assert value != value or value is None  # NaN or None: absent, never 0
            else:
                assert value == pytest.approx(r["numerator"] / r["denominator"])


def test_names_from_the_units_file(sample_ds: motcua.Dataset, sample_files: Dict[str, Path]) -> None:
    pl = need("polars")
    names = units_names(sample_files["units"])
    assert len(names) == 17
    rep = motcua.report(sample_ds, "2021-Q3", units=sample_files["units"])
    df = rep.to_pandas()
    assert dict(zip(df["agency"], df["name"])) == names
    assert rep.to_polars().filter(pl.col("agency") == "STP")["name"].item() == names["STP"]
    # without a units file the names are unknown, not made up
    assert motcua.report(sample_ds, "2021-Q3").to_pandas()["name"].isna().all()


def test_dataset_and_row_error_display(tmp_path: Path) -> None:
    p = tmp_path / "d.csv"
    p.write_text(
        "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,ThoiHanGiaiQuyet,TrangThaiHoSo\n"
        "H1,STP,2,2021-07-05 09:00,3,4\n"
        "H2,STP,1,2021-06-28,3,4\n"
        "H3,SYT,2,2021-09-14 08:00,3,4\n"
        "H4,SYT,7,2021-07-01,3,4\n"
        "H5,SYT,2,2021-01-01,3,1\n",
        encoding="utf-8",
    )
    ds = motcua.read(p)
    # H5 is not received (status 1): its date does not count
    assert ds.received_range == (dt.date(2021, 6, 28), dt.date(2021, 9, 14))
    html = ds._repr_html_()
    assert html.startswith("<table") and "28/06/2021 – 14/09/2021" in html
    assert "KenhThucHien" in html and "Dòng bị loại" in html
    err = ds.errors[0]
    assert (err.line, err.column, err.kind) == (5, "KenhThucHien", "unknown_code")
    eh = err._repr_html_()
    assert "<td" in eh and ">5<" in eh and "KenhThucHien" in eh and "unknown_code" in eh
    empty = tmp_path / "e.csv"
    empty.write_text("MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,ThoiHanGiaiQuyet,TrangThaiHoSo\n", encoding="utf-8")
    assert motcua.read(empty).received_range is None


def test_a_period_with_no_dossier_warns(sample_ds: motcua.Dataset) -> None:
    with pytest.warns(motcua.MotcuaWarning, match="2012-Q3") as rec:
        rep = motcua.report(sample_ds, "2012-Q3")
    assert rep.total["received"] == 0
    w = [r.message for r in rec if isinstance(r.message, motcua.MotcuaWarning)]
    assert w[0].kind == "empty_period"
    lo, hi = sample_ds.received_range or (None, None)
    assert lo is not None and hi is not None
    assert str(lo) in w[0].message_en and str(hi) in w[0].message_en
    assert "không có hồ sơ" in w[0].message_vi
    assert rep.warnings == [{"kind": "empty_period", "message": w[0].message_en, "message_vi": w[0].message_vi}]
    assert f"received {lo}..{hi}" in repr(sample_ds)
    # a period with dossiers does not warn
    with warnings.catch_warnings():
        warnings.simplefilter("error", motcua.MotcuaWarning)
        assert motcua.report(sample_ds, "2021-Q3").warnings == []


def test_grading_with_default_unit_facts_warns(sample_ds: motcua.Dataset, sample_files: Dict[str, Path]) -> None:
    with pytest.warns(motcua.MotcuaWarning, match="default") as rec:
        sc = motcua.score(sample_ds, period="2021-Q3", rulebook="soc-trang-1216-2019")
    kinds = [r.message.kind for r in rec if isinstance(r.message, motcua.MotcuaWarning)]
    assert "missing_units" in kinds
    assert "missing_units" in [w["kind"] for w in sc.warnings]
    # with the units file every agency has its facts (the rulebook's own warnings remain)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always", motcua.MotcuaWarning)
        motcua.score(sample_ds, units=sample_files["units"], period="2021-Q3", rulebook="soc-trang-1216-2019")
    kinds = [w.message.kind for w in seen if isinstance(w.message, motcua.MotcuaWarning)]
    assert "text_not_available" in kinds and "missing_units" not in kinds


def test_a_rulebook_outside_its_validity_warns(sample_ds: motcua.Dataset, sample_files: Dict[str, Path]) -> None:
    # Decision 766/2022 applies from 2022: grading Q3/2021 by it is outside its legal dates
    with pytest.warns(motcua.MotcuaWarning) as rec:
        motcua.score(sample_ds, units=sample_files["units"], period="2021-Q3", rulebook="decision-766-2022")
    kinds = [r.message.kind for r in rec if isinstance(r.message, motcua.MotcuaWarning)]
    assert "outside_legal_dates" in kinds, kinds
    assert issubclass(motcua.MotcuaWarning, UserWarning)
