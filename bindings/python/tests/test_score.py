"""motcua.score: the same grades as the CLI; units from files and tables; rulebooks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Dict

import pytest

import motcua
from conftest import need


@pytest.fixture(scope="module")
def sc(sample_ds: motcua.Dataset, sample_files: Dict[str, Path]) -> motcua.Score:
    return motcua.score(sample_ds, units=sample_files["units"], period="2021-Q3", rulebook="soc-trang-1216-2019")


def test_seed_grades(sc: motcua.Score) -> None:
    d = sc.to_dict()
    assert d["rulebook"]["id"] == "soc-trang-1216-2019" and d["rulebook"]["max"] == 18
    assert d["period"] == {"from": "2021-07-01", "to": "2021-09-30"}
    assert len(d["agencies"]) == 17
    assert all(a["band"] == "Xuất sắc" for a in d["agencies"])
    assert sc.band_counts() == [("Xuất sắc", 17)]
    assert min(a["rank"] for a in d["agencies"]) == 1
    assert all(o["band"] == "Hoàn thành 100% nhiệm vụ" for o in d["officials"])
    assert sc.agencies == sorted(sc.agencies) and len(sc.officials) == len(d["officials"])
    stp = sc.agency("STP")
    assert [i["id"] for i in stp["indicators"]] == [str(i) for i in range(1, 10)]
    assert sc.official(sc.officials[0])["max"] == 10
    with pytest.raises(KeyError):
        sc.agency("NOPE")
    assert sc.rulebook["id"] == "soc-trang-1216-2019"
    assert isinstance(sc.warnings, list)
    assert "Xuất sắc" in sc._repr_html_() and "Excellent" in sc.html("en")
    assert "soc-trang-1216-2019" in repr(sc)


def test_equals_cli(sc: motcua.Score, cli: Callable[..., str], sample_files: Dict[str, Path]) -> None:
    base = ["score", "--input", str(sample_files["csv"]), "--units", str(sample_files["units"]), "--period", "2021-Q3", "--rulebook", "soc-trang-1216-2019"]
    assert sc.to_dict() == json.loads(cli(*base, "--format", "json"))
    assert sc.to_json().strip() == cli(*base, "--format", "json").strip()
    assert sc.to_csv().strip() == cli(*base, "--format", "csv").strip()
    assert sc.text().strip() == cli(*base, "--format", "text").strip()


def test_tables(sc: motcua.Score) -> None:
    pd = need("pandas")
    pl = need("polars")
    pa = need("pyarrow")
    df = sc.to_pandas()
    assert isinstance(df, pd.DataFrame) and len(df) == 17
    assert list(df.columns[:10]) == ["agency", "name", "rank", "resolved", "total", "measured_max", "scaled_total", "max", "band", "band_en"]
    # one column per indicator, named by its measure (stable across rulebooks)
    measures = ["timeliness", "step_timeliness", "supplements", "contacts", "desk_share", "publication", "conduct", "feedback_on_time_rate", "online_rate"]
    assert list(df.columns[10:]) == [f"points_{m}" for m in measures]
    first = sc.to_dict()["agencies"][0]
    assert [df.loc[0, f"points_{m}"] for m in measures] == [i["points"] for i in first["indicators"]]
    assert (df["band"] == "Xuất sắc").all()
    assert df["total"].round(1).tolist() == [a["total"] for a in sc.to_dict()["agencies"]]
    assert isinstance(sc.to_polars(), pl.DataFrame) and isinstance(sc.to_arrow(), pa.Table)
    off = sc.officials_to_pandas()
    assert list(off.columns) == ["official", "dossiers", "total", "max", "band", "band_en"]
    assert len(off) == len(sc.officials)
    assert sc.officials_to_polars().shape == off.shape and sc.officials_to_arrow().num_rows == len(off)


def test_units_from_tables_and_defaults(sample_ds: motcua.Dataset, sample_files: Dict[str, Path], sc: motcua.Score, generated: Any) -> None:
    pd = need("pandas")
    pl = need("polars")
    units_pd = pd.read_csv(sample_files["units"])  # typed: floats, ints, NaN
    assert motcua.score(sample_ds, units=units_pd, period="2021-Q3", rulebook="soc-trang-1216-2019").to_dict() == sc.to_dict()
    units_pl = pl.read_csv(sample_files["units"])
    assert motcua.score(sample_ds, units=units_pl, period="2021-Q3", rulebook="soc-trang-1216-2019").to_dict() == sc.to_dict()
    assert motcua.score(sample_ds, units=generated[1], period="2021-Q3", rulebook="soc-trang-1216-2019").to_dict() == sc.to_dict()
    assert motcua.score(sample_ds, units=str(sample_files["units"]), period="2021-Q3", rulebook="soc-trang-1216-2019").to_dict() == sc.to_dict()
    plain = motcua.score(sample_ds, period="2021-Q3")
    assert plain.rulebook["id"] == "circular-01-2018"
    assert any(w["kind"] == "missing_units" for w in plain.warnings)


def test_rulebooks(sample_ds: motcua.Dataset, tmp_path: Path) -> None:
    names = motcua.rulebooks()
    assert "circular-01-2018" in names and "soc-trang-1216-2019" in names
    text = motcua.rulebook_toml("circular-01-2018")
    f = tmp_path / "c.toml"
    f.write_text(text, encoding="utf-8")
    by_name = motcua.score(sample_ds, period="2021-Q3", rulebook="circular-01-2018").to_dict()
    assert motcua.score(sample_ds, period="2021-Q3", rulebook=f).to_dict()["agencies"] == by_name["agencies"]
    assert motcua.score(sample_ds, period="2021-Q3", rulebook=text).to_dict()["agencies"] == by_name["agencies"]
    with pytest.raises(motcua.RulebookError):
        motcua.score(sample_ds, period="2021-Q3", rulebook="no-such-rulebook")
    with pytest.raises(motcua.RulebookError):
        motcua.rulebook_toml("no-such-rulebook")
    with pytest.raises(motcua.RulebookError) as ei:
        motcua.score(sample_ds, period="2021-Q3", rulebook='id = "x"\nname = "y"\n[[indicators]\n')
    assert ei.value.line is not None
    with pytest.raises(FileNotFoundError):
        motcua.score(sample_ds, period="2021-Q3", rulebook=tmp_path / "missing.toml")


def test_units_and_period_errors(sample_ds: motcua.Dataset, tmp_path: Path) -> None:
    pd = need("pandas")
    bad = tmp_path / "u.csv"
    bad.write_text("DonViXuLy,CongKhai\nSTP,7\n", encoding="utf-8")
    with pytest.raises(motcua.InputError) as ei:
        motcua.score(sample_ds, units=bad, period="2021-Q3")
    assert (ei.value.line, ei.value.column) == (2, "CongKhai")
    with pytest.raises(motcua.InputError) as ei2:
        motcua.score(sample_ds, units=pd.DataFrame({"DonViXuLy": ["STP", "SYT"], "CongKhai": [2, 7]}), period="2021-Q3")
    assert (ei2.value.line, ei2.value.column) == (3, "CongKhai")
    with pytest.raises(motcua.InputError) as ei3:
        motcua.score(sample_ds, units=pd.DataFrame({"TenDonVi": ["x"]}), period="2021-Q3")
    assert ei3.value.line == 1
    with pytest.raises(FileNotFoundError):
        motcua.score(sample_ds, units=tmp_path / "none.csv", period="2021-Q3")
    with pytest.raises(motcua.PeriodError):
        motcua.score(sample_ds)
    with pytest.raises(motcua.PeriodError):
        motcua.score(sample_ds, period="2021-Q9")
