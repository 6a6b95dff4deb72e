"""motcua.generate: the sample for tutorials, the same rows as `motcua generate`."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Callable, Dict

import pytest

import motcua
from conftest import HEADER, need


def test_sample_table(generated: Any, sample_files: Dict[str, Path]) -> None:
    pa = need("pyarrow")
    dossiers, units = generated
    assert isinstance(dossiers, pa.Table) and dossiers.column_names == HEADER
    assert all(str(t) == "string" for t in dossiers.schema.types)
    with open(sample_files["csv"], encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert dossiers.num_rows == len(rows) - 1 == 35966
    first = [v if v is not None else "" for v in (dossiers.column(i)[0].as_py() for i in range(16))]
    assert first == rows[1]
    assert units.num_rows == 17 and units.column_names[0] == "DonViXuLy"
    with open(sample_files["units"], encoding="utf-8") as f:
        unit_rows = list(csv.reader(f))
    assert units.column_names == unit_rows[0]
    assert motcua.generate_units().equals(units)
    only = motcua.generate()
    assert only.equals(dossiers)


def test_random_profiles(cli: Callable[..., str], tmp_path: Path) -> None:
    need("pyarrow")
    t = motcua.generate(rows=5000, seed=7)
    assert t.num_rows == 5000
    assert motcua.generate("random:5000:7").equals(t)
    out = tmp_path / "r.csv"
    cli("generate", "--rows", "5000", "--seed", "7", "--output", str(out))
    assert motcua.report(motcua.from_arrow(t), "2021").to_dict() == motcua.report(motcua.read(out), "2021").to_dict()
    with pytest.raises(motcua.MotcuaError):
        motcua.generate("soc-trang-2099")
    # rows= asks for random rows, but a misspelt sample name is not passed over
    with pytest.raises(motcua.MotcuaError, match="soc-trang-2099"):
        motcua.generate("soc-trang-2099", rows=5)


def test_sample_agencies() -> None:
    agencies = motcua.sample_agencies()
    assert len(agencies) == 17
    assert ("STP", "Sở Tư pháp") == agencies[[a[0] for a in agencies].index("STP")][:2]


def test_formatting() -> None:
    assert motcua.format_number(12656) == "12.656"
    assert motcua.format_number(12656, "en") == "12,656"
    assert motcua.format_percent(12085, 12656) == "95,49 %"
    assert motcua.format_percent(609, 609) == "100 %"
    assert motcua.format_percent(1, 0) is None
    assert motcua.format_percent(8694, 11906, lang="en") == "73.02%"
    with pytest.raises(motcua.MotcuaError):
        motcua.format_number(1, "fr")
