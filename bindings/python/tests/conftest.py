"""Shared fixtures: the `motcua` CLI (for cross-checks), the sample written by the CLI, and
the sample generated in memory.

Environment:
- ``MOTCUA_CLI``: the `motcua` binary (default: ``target/python/release/motcua``, then
  ``target/release/motcua``, under the repository root);
- ``MOTCUA_REQUIRE_ALL=1`` (set by ``bindings/python/test.sh``): what a test needs (the CLI,
  pyarrow, polars, pandas, mypy, nbclient) must be there; without it such tests are skipped.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
from pathlib import Path
from typing import Any, Callable, Dict, List

import pytest

import motcua

ROOT = Path(__file__).resolve().parents[3]
REQUIRE_ALL = os.environ.get("MOTCUA_REQUIRE_ALL") == "1"


def need(module: str) -> Any:
    """Imports an optional module, or skips (fails under MOTCUA_REQUIRE_ALL)."""
    if REQUIRE_ALL:
        return importlib.import_module(module)
    return pytest.importorskip(module)


def cli_path() -> Path:
    env = os.environ.get("MOTCUA_CLI")
    candidates = [Path(env)] if env else [ROOT / "target/python/release/motcua", ROOT / "target/release/motcua"]
    for c in candidates:
        if c.exists():
            return c
    msg = f"the motcua CLI is not built (looked for {', '.join(map(str, candidates))}): cargo build --release --bin motcua"
    if REQUIRE_ALL:
        pytest.fail(msg)
    pytest.skip(msg)
    raise AssertionError  # unreachable


@pytest.fixture(scope="session")
def cli() -> Callable[..., str]:
    """Runs the CLI and returns its standard output."""
    path = cli_path()

    def run(*args: str) -> str:
        out = subprocess.run([str(path), *args], check=True, capture_output=True, text=True)
        return out.stdout

    return run


def cli_has(cli: Callable[..., str], command: str) -> bool:
    return f"  {command} " in cli("--help") or f"\n  {command}\n" in cli("--help")


@pytest.fixture(scope="session")
def sample_files(cli: Callable[..., str], tmp_path_factory: pytest.TempPathFactory) -> Dict[str, Path]:
    """The soc-trang-2021 sample and its units file, written by the CLI."""
    d = tmp_path_factory.mktemp("sample")
    csv, units = d / "sample.csv", d / "units.csv"
    cli("generate", "--profile", "soc-trang-2021", "--output", str(csv), "--units-output", str(units))
    return {"csv": csv, "units": units, "dir": d}


@pytest.fixture(scope="session")
def cli_report_json(cli: Callable[..., str], sample_files: Dict[str, Path]) -> Dict[str, Any]:
    return json.loads(cli("report", "--input", str(sample_files["csv"]), "--period", "2021-Q3", "--format", "json"))


@pytest.fixture(scope="session")
def sample_ds(sample_files: Dict[str, Path]) -> motcua.Dataset:
    return motcua.read(sample_files["csv"])


@pytest.fixture(scope="session")
def generated() -> Any:
    """The sample generated in memory: (dossiers, units) pyarrow Tables."""
    need("pyarrow")
    return motcua.generate("soc-trang-2021", with_units=True)


@pytest.fixture(scope="session")
def generated_ds(generated: Any) -> motcua.Dataset:
    return motcua.from_arrow(generated[0])


HEADER: List[str] = [
    "MaHoSo", "MaTTHC", "DonViXuLy", "KenhThucHien", "MucDo", "NgayTiepNhan", "NgayHenTra",
    "ThoiHanGiaiQuyet", "NgayKetThucXuLy", "NgayTra", "TrangThaiHoSo", "SoLanBoSung", "DanhGia",
    "CanBoTiepNhan", "SoCoQuanLienHe", "PhanAnh",
]
