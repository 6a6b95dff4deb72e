"""motcua.read: CSV, the portal's JSON and Excel; bad rows; strict mode; the dataset."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, Dict, List

import pytest

import motcua
from conftest import HEADER, ROOT, need

GOOD = "H1,STP,2,2021-07-01 09:00,3,4\n"
HEAD = "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,ThoiHanGiaiQuyet,TrangThaiHoSo\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_dataset(sample_ds: motcua.Dataset, sample_files: Dict[str, Path]) -> None:
    assert len(sample_ds) == 35740
    assert (sample_ds.rows, sample_ds.used, sample_ds.rejected, sample_ds.not_received) == (35966, 35740, 0, 226)
    # dossiers without a level: received rows (status not 1 or 3) with an empty MucDo
    with open(sample_files["csv"], encoding="utf-8") as f:
        no_level = sum(1 for r in csv.DictReader(f) if r["TrangThaiHoSo"] not in ("1", "3") and not r["MucDo"].strip())
    assert sample_ds.input == {"rows": 35966, "used": 35740, "rejected": 0, "not_received": 226,
                               "without_level": no_level, "errors": [], "profile": "contract"}
    assert len(sample_ds.agencies) == 17 and sample_ds.agencies == sorted(sample_ds.agencies)
    assert "STP" in sample_ds.agencies and len(sample_ds.officials) > 17
    assert "35,740 dossiers" in repr(sample_ds)


def test_bad_rows_are_listed(tmp_path: Path) -> None:
    p = write(tmp_path, "d.csv", HEAD + GOOD + "H2,STP,7,2021-07-01,3,4\nH1,SYT,1,2021-07-02,3,4\nH4,STP,1,someday,3,4\nH5,STP,1,2021-07-02,3,1\n")
    ds = motcua.read(p)
    assert (ds.rows, ds.used, ds.rejected, ds.not_received) == (5, 1, 3, 1)
    errs = ds.errors
    assert [(e.line, e.column) for e in errs] == [(3, "KenhThucHien"), (4, "MaHoSo"), (5, "NgayTiepNhan")]
    assert "duplicate dossier code 'H1'" in errs[1].message
    assert errs[1].to_dict() == {"line": 4, "column": "MaHoSo", "kind": "duplicate", "message": errs[1].message}
    assert [e.kind for e in errs] == ["unknown_code", "duplicate", "unparseable"]
    assert str(errs[0]).startswith("line 3, column KenhThucHien:")
    assert repr(errs[0]).startswith("RowError(line=3, column='KenhThucHien', kind='unknown_code', message=")
    assert errs[0] == motcua.read(p).errors[0]
    rep = motcua.report(ds, "2021-Q3")
    assert rep.errors == errs and rep.input["rejected"] == 3


def test_strict_and_header_errors(tmp_path: Path) -> None:
    p = write(tmp_path, "d.csv", HEAD + GOOD + "H2,STP,7,2021-07-01,3,4\n")
    with pytest.raises(motcua.InputError) as ei:
        motcua.read(p, strict=True)
    assert (ei.value.line, ei.value.column) == (3, "KenhThucHien")
    assert isinstance(ei.value, motcua.MotcuaError) and isinstance(ei.value, ValueError)
    missing = write(tmp_path, "m.csv", "MaHoSo,DonViXuLy\nH1,STP\n")
    with pytest.raises(motcua.InputError) as ei2:
        motcua.read(missing)
    assert ei2.value.line == 1 and "KenhThucHien" in str(ei2.value) and "NgayTiepNhan" in str(ei2.value)
    latin = tmp_path / "l.csv"
    latin.write_bytes((HEAD + "H1,S\xd4,2,2021-07-01 09:00,3,4\n").encode("latin-1"))
    with pytest.raises(motcua.InputError) as ei3:
        motcua.read(latin)
    assert ei3.value.line == 2 and ei3.value.column == "DonViXuLy"
    with pytest.raises(FileNotFoundError):
        motcua.read(tmp_path / "nope.csv")


def records() -> List[Dict[str, Any]]:
    return [
        {"MaHoSo": "H1", "DonViXuLy": "STP", "KenhThucHien": 2, "NgayTiepNhan": "20210701090000", "ThoiHanGiaiQuyet": 3, "TrangThaiHoSo": 4},
        {"MaHoSo": "H2", "DonViXuLy": "STP", "KenhThucHien": 9, "NgayTiepNhan": "20210701090000", "ThoiHanGiaiQuyet": 3, "TrangThaiHoSo": 4},
    ]


def test_portal_json(tmp_path: Path) -> None:
    arr = write(tmp_path, "d.json", json.dumps(records()))
    lines = write(tmp_path, "d.jsonl", "\n".join(json.dumps(r) for r in records()) + "\n")
    for p in (arr, lines):
        ds = motcua.read(p)
        assert (len(ds), ds.rejected) == (1, 1)
        assert (ds.errors[0].line, ds.errors[0].column) == (2, "KenhThucHien")  # record number
    with pytest.raises(motcua.InputError) as ei:
        motcua.read(arr, strict=True)
    assert (ei.value.line, ei.value.column) == (2, "KenhThucHien")
    other = write(tmp_path, "d.txt", json.dumps(records()))
    assert len(motcua.read(other, format="json")) == 1
    with pytest.raises(motcua.MotcuaError):
        motcua.read(other, format="parquet")
    broken = write(tmp_path, "b.json", '[{"MaHoSo": "H1",')
    with pytest.raises(motcua.InputError):
        motcua.read(broken)


def test_excel(tmp_path: Path, sample_files: Dict[str, Path]) -> None:
    openpyxl = need("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Hồ sơ"
    ws.append(HEAD.strip().split(","))
    ws.append(["H1", "STP", 2, "2021-07-01 09:00", 3, 4])
    ws.append(["H2", "STP", 9, "2021-07-01 09:00", 3, 4])
    p = tmp_path / "d.xlsx"
    wb.save(p)
    ds = motcua.read(p)
    assert (len(ds), ds.rejected) == (1, 1)
    assert (ds.errors[0].line, ds.errors[0].column) == (3, "KenhThucHien")  # worksheet row
    assert len(motcua.read(p, sheet="Hồ sơ")) == 1
    with pytest.raises(motcua.InputError):
        motcua.read(p, sheet="Không có")
    locked = ROOT / "tests/data/password.xlsx"
    if locked.exists():
        with pytest.raises(motcua.InputError):
            motcua.read(locked)
