"""motcua.report: the same report as the CLI, tables out, HTML, Biểu 06a, the announcement."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any, Callable, Dict

import pytest

import motcua
from conftest import need

SEED = {
    "received": 12656,
    "received_online": 8694,
    "resolved": 12085,
    "resolved_early": 12078,
    "resolved_on_time": 5,
    "resolved_late": 2,
    "received_level34": 11906,
    "ratings": 609,
}


def test_seed_figures(sample_ds: motcua.Dataset) -> None:
    rep = motcua.report(sample_ds, period="2021-Q3")
    total = rep.total
    for k, v in SEED.items():
        assert total[k] == v, k
    rate = total["rates"]["resolution_rate"]
    assert (rate["numerator"], rate["denominator"]) == (12085, 12656)
    assert rate["value"] == 12085 / 12656
    assert motcua.format_percent(rate["numerator"], rate["denominator"]) == "95,49 %"
    online = total["rates"]["online_rate"]
    assert motcua.format_percent(online["numerator"], online["denominator"]) == "73,02 %"
    assert rep.previous is not None and rep.previous["total"]["received"] == 22758
    assert rep.change is not None and rep.change["received"]["absolute"] == -10102
    assert len(rep.agencies) == 17
    assert rep.period == (dt.date(2021, 7, 1), dt.date(2021, 9, 30))
    assert rep.period_name == "2021-Q3"


def test_to_dict_equals_cli_json(sample_ds: motcua.Dataset, cli_report_json: Dict[str, Any]) -> None:
    rep = motcua.report(sample_ds, "2021-Q3")
    assert rep.to_dict() == cli_report_json
    assert json.loads(rep.to_json()) == cli_report_json


def test_text_csv_and_json_equal_cli(cli: Callable[..., str], sample_files: Dict[str, Path], sample_ds: motcua.Dataset) -> None:
    rep = motcua.report(sample_ds, "2021-Q3")
    base = ["report", "--input", str(sample_files["csv"]), "--period", "2021-Q3"]
    assert rep.to_json().strip() == cli(*base, "--format", "json").strip()
    assert rep.to_csv().strip() == cli(*base, "--format", "csv").strip()
    assert rep.text().strip() == cli(*base, "--format", "text").strip()
    assert rep.text("en").strip() == cli(*base, "--format", "text", "--lang", "en").strip()
    assert str(rep).strip() == rep.text().strip()


def test_report_of_a_path_and_of_ranges(sample_files: Dict[str, Path], sample_ds: motcua.Dataset, cli: Callable[..., str]) -> None:
    by_path = motcua.report(str(sample_files["csv"]), "2021-Q3")
    assert by_path.to_dict() == motcua.report(sample_ds, "2021-Q3").to_dict()
    by_pair = motcua.report(sample_ds, period=(dt.date(2021, 7, 1), dt.date(2021, 9, 30)))
    by_text_pair = motcua.report(sample_ds, period=("2021-07-01", "30/09/2021"))
    assert by_pair.to_dict() == by_text_pair.to_dict()
    assert by_pair.total == motcua.report(sample_ds, "2021-Q3").total
    rng = motcua.report(sample_ds, "2021-07-01..2021-08-15")
    expected = json.loads(cli("report", "--input", str(sample_files["csv"]), "--from", "2021-07-01", "--to", "2021-08-15", "--format", "json"))
    assert rng.to_dict() == expected
    assert rng.previous is None
    month = motcua.report(sample_ds, "2021-07")
    assert month.previous is not None and month.previous["period"] == {"from": "2021-06-01", "to": "2021-06-30"}


@pytest.mark.parametrize("bad", ["2021-Q5", "Q3", "2021-13", "2021-09-30..2021-07-01", ("2021-09-30", "2021-07-01"), 42, ("x", "2021-07-01")])
def test_period_errors(sample_ds: motcua.Dataset, bad: Any) -> None:
    with pytest.raises(motcua.PeriodError):
        motcua.report(sample_ds, bad)


def test_tables_out(sample_ds: motcua.Dataset, cli: Callable[..., str], sample_files: Dict[str, Path]) -> None:
    pa = need("pyarrow")
    pl = need("polars")
    pd = need("pandas")
    rep = motcua.report(sample_ds, "2021-Q3")
    cli_rows = list(csv.DictReader(io.StringIO(cli("report", "--input", str(sample_files["csv"]), "--period", "2021-Q3", "--format", "csv"))))
    agency_rows = [r for r in cli_rows if r["agency"] != "TOTAL"]
    t = rep.to_arrow()
    assert isinstance(t, pa.Table)
    # the agencies only, with their name after the code (none without a units file)
    assert t.num_rows == 17 and t.column_names == ["agency", "name"] + list(cli_rows[0].keys())[1:]
    assert t.column("agency").to_pylist() == [r["agency"] for r in agency_rows]
    assert t.column("name").to_pylist() == [None] * 17
    assert t.column("received").to_pylist() == [int(r["received"]) for r in agency_rows]
    rates = t.column("online_rate").to_pylist()
    assert rates == [float(r["online_rate"]) if r["online_rate"] else None for r in agency_rows]
    df = rep.to_pandas()
    assert isinstance(df, pd.DataFrame) and df.shape == (17, 26)
    assert "TOTAL" not in set(df["agency"]) and df["resolved"].sum() == 12085
    p = rep.to_polars()
    assert isinstance(p, pl.DataFrame) and p.shape == (17, 26)
    assert p["received_online"].sum() == 8694
    total = rep.total_frame()
    assert isinstance(total, pd.DataFrame) and len(total) == 1
    total_row = next(r for r in cli_rows if r["agency"] == "TOTAL")
    assert list(total.columns) == list(total_row.keys())[1:]
    assert int(total["received"].iloc[0]) == int(total_row["received"]) == 12656
    assert isinstance(rep.total_frame("polars"), pl.DataFrame) and isinstance(rep.total_frame("arrow"), pa.Table)
    # Through the PyCapsule interface directly.
    assert pa.table(rep).equals(t)
    assert pl.DataFrame(rep).equals(p)


def test_html(sample_ds: motcua.Dataset) -> None:
    rep = motcua.report(sample_ds, "2021-Q3")
    html = rep._repr_html_()
    assert html.startswith("<table") and "12.656" in html and "95,49 %" in html and "Tổng cộng" in html
    assert "12,656" in rep.html("en")
    with pytest.raises(motcua.MotcuaError):
        rep.html("fr")


def test_agency_and_input(sample_ds: motcua.Dataset) -> None:
    rep = motcua.report(sample_ds, "2021-Q3")
    stp = rep.agency("STP")
    assert sum(rep.agency(a)["received"] for a in rep.agencies) == rep.total["received"]
    assert stp["received"] == rep.to_dict()["agencies"][rep.agencies.index("STP")]["received"]
    assert set(stp["rates"]) == {"resolution_rate", "on_time_rate", "early_rate", "online_rate", "satisfaction_rate"}
    with pytest.raises(KeyError):
        rep.agency("NOPE")
    assert rep.input["rows"] == rep.input["used"] + rep.input["rejected"] + rep.input["not_received"]
    assert rep.errors == []


def test_form06a_equals_cli(sample_ds: motcua.Dataset, cli: Callable[..., str], sample_files: Dict[str, Path], tmp_path: Path) -> None:
    pd = need("pandas")
    rep = motcua.report(sample_ds, "2021-Q3")
    form = rep.form06a()
    assert isinstance(form, pd.DataFrame)
    out = tmp_path / "f.csv"
    cli("report", "--input", str(sample_files["csv"]), "--period", "2021-Q3", "--format", "form06a", "--output", str(out))
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert list(form.columns) == rows[0]
    assert len(form) == len(rows) - 1 == 18
    for (_, r), c in zip(form.iterrows(), rows[1:]):
        assert [("" if pd.isna(v) else str(int(v)) if not isinstance(v, str) else v) for v in r] == c
    total = form.iloc[-1]
    assert total.iloc[1] == "Tổng cộng" and total.iloc[6] == 12085 and total.iloc[3] == 8694
    thirteen = rep.form06a(closed_as_on_time=True)
    assert thirteen.shape[1] == 13
    # Names from a units table or a dict win over the sample's.
    named = rep.form06a(names={"STP": "Tư pháp"})
    assert "Tư pháp" in list(named.iloc[:, 1])
    pl = need("polars")
    assert isinstance(rep.form06a(backend="polars"), pl.DataFrame)
    saved = tmp_path / "mine.csv"
    rep.save_form06a(saved)
    assert saved.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")
    xlsx = tmp_path / "mine.xlsx"
    rep.save_form06a(xlsx)
    assert xlsx.read_bytes()[:2] == b"PK"
    with pytest.raises(motcua.MotcuaError):
        rep.save_form06a(tmp_path / "mine.pdf")


def test_announcement_equals_cli(sample_ds: motcua.Dataset, cli: Callable[..., str], sample_files: Dict[str, Path]) -> None:
    rep = motcua.report(sample_ds, "2021-Q3")
    base = ["report", "--input", str(sample_files["csv"]), "--period", "2021-Q3", "--format", "announcement"]
    text = rep.announcement()
    assert text.strip() == cli(*base).strip()
    assert "đã tiếp nhận 12.656 hồ sơ" in text and "95,49 %" in text and "73,02 %" in text and "609" in text
    assert rep.announcement("en").strip() == cli(*base, "--lang", "en").strip()
    assert "Trung tâm X" in rep.announcement(center="Trung tâm X")
    sc = motcua.score(sample_ds, units=sample_files["units"], period="2021-Q3", rulebook="soc-trang-1216-2019")
    graded = rep.announcement(score=sc)
    assert "17/17 đơn vị" in graded and "Xuất sắc" in graded
    expected = cli(*base, "--units", str(sample_files["units"]), "--rulebook", "soc-trang-1216-2019")
    assert graded.strip() == expected.strip()
