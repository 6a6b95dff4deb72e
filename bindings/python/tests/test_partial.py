"""Partial aggregates (contract section 16): parts of the contract's example and of the
sample, split by a hash of MaHoSo, made into partials (from CSV bytes and from Arrow),
merged in another order, give what `motcua report` and `motcua score` print for the whole."""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

import pytest

import motcua
from conftest import ROOT, need

EXAMPLE = ROOT / "tests" / "data"


def split_rows(csv_text: str, parts: int) -> List[str]:
    """The CSV split into `parts` CSV texts, every row of one code in one part (in order)."""
    lines = csv_text.splitlines(keepends=True)
    header, rows = lines[0], lines[1:]
    out = [[header] for _ in range(parts)]
    for row in rows:
        code = row.split(",", 1)[0]
        out[zlib.crc32(code.encode()) % parts].append(row)
    return ["".join(p) for p in out]


def errors_multiset(v: Dict[str, Any]) -> List[Tuple[Any, Any, Any]]:
    """Takes `input.errors` out of a report: (column, kind, message), sorted."""
    errs = v["input"].pop("errors")
    return sorted((e.get("column"), e["kind"], e["message"]) for e in errs)


def test_arrow_parts_with_grades_equal_report_and_score(
    cli: Callable[..., str], sample_files: Dict[str, Path]
) -> None:
    pa = need("pyarrow")
    pv = need("pyarrow.csv")
    csv, units = sample_files["csv"], sample_files["units"]
    names = pv.read_csv(str(csv), read_options=pv.ReadOptions(block_size=1 << 20)).column_names
    table = pv.read_csv(
        str(csv), convert_options=pv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                     strings_can_be_null=False)
    )
    codes = table.column("MaHoSo").to_pylist()
    which = [zlib.crc32(c.encode()) % 4 for c in codes]
    parts = []
    for k in range(4):
        mask = pa.array([w == k for w in which])
        parts.append(motcua.partial(table.filter(mask), "2021-Q3", by="agency,channel",
                                    every="month", units=str(units), rulebook="soc-trang-1216-2019"))
    order = [parts[2], parts[0], motcua.Partial.from_bytes(parts[3]), parts[1]]
    got = json.loads(motcua.merge_json(order, rulebook="soc-trang-1216-2019", units=str(units)))
    want = json.loads(cli("report", "--input", str(csv), "--period", "2021-Q3", "--by", "agency,channel",
                          "--every", "month", "--units", str(units), "--format", "json"))
    want["grades"] = json.loads(cli("score", "--input", str(csv), "--period", "2021-Q3", "--units", str(units),
                                    "--rulebook", "soc-trang-1216-2019", "--format", "json"))
    assert errors_multiset(got) == errors_multiset(want)
    assert errors_multiset(got["grades"]) == errors_multiset(want["grades"])
    assert got == want
    score = motcua.merge_score(order, "soc-trang-1216-2019", str(units))
    assert json.loads(score.to_json())["agencies"] == want["grades"]["agencies"]


def test_bad_bytes_and_mismatched_partials_raise_partial_error() -> None:
    csv = (EXAMPLE / "example.csv").read_bytes()
    q3 = motcua.partial(csv, "2021-Q3")
    q4 = motcua.partial(csv, "2021-Q4")
    with pytest.raises(motcua.PartialError) as e:
        motcua.merge([q3, q4])
    assert e.value.kind == "mismatch" and "period" in str(e.value)
    with pytest.raises(motcua.PartialError) as e:
        motcua.Partial.from_bytes(b"PK\x03\x04")
    assert e.value.kind == "bad_magic"
    with pytest.raises(motcua.PartialError) as e:
        motcua.Partial.from_bytes(q3[:20])
    assert e.value.kind == "truncated"
    with pytest.raises(motcua.PartialError) as e:
        motcua.merge([])
    assert e.value.kind == "empty"
    with pytest.raises(motcua.PartialError) as e:
        motcua.merge_score([q3])
    assert e.value.kind == "grades"
    p = motcua.Partial.from_bytes(q3)
    assert p.to_bytes() == q3
    assert p.period_name == "2021-Q3" and p.input["rows"] == 16
    assert p.header["contract"] == 2
