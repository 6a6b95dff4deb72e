"""The type stubs: a typed usage file passes mypy --strict, a wrong one fails, and
mypy's stubtest finds the stubs and the extension module in agreement."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import need

HERE = Path(__file__).resolve().parent


def mypy(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    need("mypy")
    return subprocess.run([sys.executable, "-m", "mypy", *args], capture_output=True, text=True, cwd=cwd)


def test_typed_usage_passes_mypy_strict(tmp_path: Path) -> None:
    out = mypy("--strict", "--no-incremental", str(HERE / "typing_usage.py"), cwd=tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr


def test_wrong_usage_fails_mypy(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import motcua\n"
        "ds = motcua.read(42)\n"
        "rep = motcua.report(ds, every='week')\n"
        "x: int = motcua.Calendar.vn().due_date('2021-09-01', 1)\n",
        encoding="utf-8",
    )
    out = mypy("--strict", "--no-incremental", str(bad), cwd=tmp_path)
    assert out.returncode == 1
    assert out.stdout.count("error:") >= 3, out.stdout


def test_stubtest(tmp_path: Path) -> None:
    need("mypy")
    allow = HERE / "stubtest_allowlist.txt"
    out = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "motcua", "--ignore-disjoint-bases", "--allowlist", str(allow)],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_every_public_name_of_the_stubs_has_a_docstring() -> None:
    """Editors show the stubs' docstrings on hover: every public class, function and method
    has one (of overloads, the first carries it)."""
    import ast

    stub = HERE.parent / "python" / "motcua" / "_motcua.pyi"
    tree = ast.parse(stub.read_text(encoding="utf-8"))
    missing = []

    def overload(node: ast.AST) -> bool:
        return any(isinstance(d, ast.Name) and d.id == "overload" for d in getattr(node, "decorator_list", []))

    def visit(body: list, owner: str) -> None:
        seen = set()
        for node in body:
            if not isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                continue
            name = f"{owner}{node.name}"
            public = not node.name.startswith("_") or node.name in ("__len__", "__arrow_c_stream__", "_repr_html_")
            if public and ast.get_docstring(node) is None and not (overload(node) and name in seen):
                missing.append(name)
            seen.add(name)
            if isinstance(node, ast.ClassDef):
                visit(node.body, f"{node.name}.")

    visit(tree.body, "")
    assert missing == [], missing
