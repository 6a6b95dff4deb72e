"""motcua.inspect: how a source would be read, as `motcua inspect --format json` says."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import motcua

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "profiles"


def test_inspect_equals_the_command(cli: Callable[..., str]) -> None:
    for name in ("sqlserver.csv", "rest-camel.json", "semicolon.csv"):
        got = motcua.inspect(FIXTURES / name)
        assert got == json.loads(cli("inspect", str(FIXTURES / name), "--format", "json")), name


def test_inspect_names_the_mapping_of_the_database_export() -> None:
    got = motcua.inspect(FIXTURES / "sqlserver.csv", rows=2)
    assert got["profile"] == "sqlserver"
    header = (FIXTURES / "sqlserver.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert got["source_columns"] == header
    assert {"contract": "DonViXuLy", "source": "DonViId"} in got["mapping"]
    assert len(got["first_rows"]) == 2 and got["first_rows"][0]["MaHoSo"] == "H1"


def test_inspect_with_the_contract_profile_hints_at_rest_camel() -> None:
    got = motcua.inspect(FIXTURES / "rest-camel.json", profile="contract")
    assert got["used"] == 0
    assert any("rest-camel" in h for h in got["hints"])
