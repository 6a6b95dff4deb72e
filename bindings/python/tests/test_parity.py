"""One table of requests (tests/parity/requests.json) run on the CLI and in Python: the JSON
must be identical. Units are passed on both sides or on neither."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

import pytest

import motcua

from conftest import ROOT

TABLE = json.loads((ROOT / "tests/parity/requests.json").read_text(encoding="utf-8"))["requests"]


@pytest.fixture(scope="module")
def inputs(cli: Callable[..., str], tmp_path_factory: pytest.TempPathFactory) -> Dict[str, Path]:
    d = tmp_path_factory.mktemp("parity")
    cli("generate", "--profile", "soc-trang-2021", "--output", str(d / "sample.csv"), "--units-output", str(d / "units.csv"))
    return {"example": ROOT / "tests/data/example.csv", "sample": d / "sample.csv", "units": d / "units.csv", "dir": d}


def resolve_value(spec: Dict[str, Any], d: Path) -> Tuple[str, Any]:
    """(what the CLI gets, what Python gets) for a calendar or rulebook."""
    if "name" in spec:
        return spec["name"], spec["name"]
    if "builtin" in spec:
        text = motcua.rulebook_toml(spec["builtin"])
        path = d / f"{spec['builtin']}.toml"
        path.write_text(text, encoding="utf-8")
    else:
        path = ROOT / spec["file"]
        text = path.read_text(encoding="utf-8")
    if spec["as"] == "file":
        return str(path), path
    return text, text


def cli_args(req: Dict[str, Any], inputs: Dict[str, Path]) -> List[str]:
    args = [req["command"], "--input", str(inputs[req["input"]])]
    for k in ("period", "from", "to", "every", "compare", "count", "agency", "channel", "level"):
        if k in req:
            args += [f"--{k}", str(req[k])]
    if "within" in req:
        args += ["--within", str(req["within"])]
    if "by" in req:
        args += ["--by", ",".join(req["by"])]
    for k in ("calendar", "rulebook"):
        if k in req:
            args += [f"--{k}", resolve_value(req[k], inputs["dir"])[0]]
    if req.get("units"):
        args += ["--units", str(inputs["units"])]
    return args + ["--format", "json"]


def python_json(req: Dict[str, Any], inputs: Dict[str, Path]) -> Any:
    period: Any = req.get("period") or (req["from"], req["to"])
    kw: Dict[str, Any] = {}
    if "calendar" in req:
        kw["calendar"] = resolve_value(req["calendar"], inputs["dir"])[1]
    if req.get("units"):
        kw["units"] = inputs["units"]
    data = inputs[req["input"]]
    if req["command"] == "report":
        for k in ("by", "every", "compare"):
            if k in req:
                kw[k] = req[k]
        return json.loads(motcua.report(data, period, **kw).to_json())
    if req["command"] == "score":
        return json.loads(motcua.score(data, period=period, rulebook=resolve_value(req["rulebook"], inputs["dir"])[1], **kw).to_json())
    for k in ("within", "agency", "channel", "level"):
        if k in req:
            kw[k] = req[k]
    return motcua.list(data, req["count"], period, **kw).to_dict()


@pytest.mark.parametrize("req", TABLE, ids=[r["name"] for r in TABLE])
def test_the_same_request_gives_the_same_json(req: Dict[str, Any], inputs: Dict[str, Path], cli: Callable[..., str]) -> None:
    expected = json.loads(cli(*cli_args(req, inputs)))
    assert python_json(req, inputs) == expected


def test_the_table_covers_every_form() -> None:
    names = {r["name"] for r in TABLE}
    assert len(names) == len(TABLE)
    assert any("from" in r for r in TABLE) and any(".." in r.get("period", "") for r in TABLE)
    for k in ("calendar", "rulebook"):
        kinds = {("name" if "name" in r[k] else r[k]["as"]) for r in TABLE if k in r}
        assert kinds == {"name", "file", "text"}, (k, kinds)
    assert any(r.get("units") for r in TABLE) and any(not r.get("units") for r in TABLE)


def test_error_classes_follow_the_table_of_kinds() -> None:
    import builtins

    kinds = motcua._motcua.error_kinds()
    assert len({k[0] for k in kinds}) == len(kinds)
    for _js, cls, parent in kinds:
        c = getattr(motcua._motcua, cls, None) or getattr(builtins, cls)
        p = getattr(motcua._motcua, parent, None) or getattr(builtins, parent)
        assert issubclass(c, p), (cls, parent)
        if cls not in ("FileNotFoundError", "OSError"):
            assert issubclass(c, motcua.MotcuaError), cls


def test_extreme_calendar_values_raise_motcua_errors() -> None:
    cal = motcua.Calendar.vn()
    with pytest.raises(motcua.CalendarError):
        cal.add_working_days("2021-07-01", 4_000_000)
    with pytest.raises(motcua.CalendarError):
        cal.due_date("9999-12-31 18:00", 10)
    with pytest.raises(motcua.CalendarError):
        cal.effective_receipt_date("9999-12-31 18:00")


def test_form06a_without_names_shows_the_codes(inputs: Dict[str, Path]) -> None:
    csv = inputs["dir"] / "two.csv"
    csv.write_text(
        "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo\n"
        "H1,STP,2,2021-07-01,2021-07-05,2021-07-02,10\nH2,SYT,1,2021-07-02,2021-07-09,,4\n",
        encoding="utf-8",
    )
    rep = motcua.report(csv, "2021-Q3")
    out = inputs["dir"] / "two.06a.csv"
    rep.save_form06a(out)
    text = out.read_text(encoding="utf-8")
    assert "1,STP," in text and "2,SYT," in text, text
    assert "Sở Tư pháp" not in text and "Sở Y tế" not in text


def test_options_that_apply_while_reading_are_refused_for_a_dataset(inputs: Dict[str, Path]) -> None:
    ds = motcua.read(inputs["sample"])
    with pytest.raises(motcua.MotcuaError, match="calendar"):
        motcua.report(ds, "2021-Q3", calendar="blank")
    assert motcua.report(ds, "2021-Q3", by="agency").to_dict() == motcua.report(inputs["sample"], "2021-Q3", by=["agency"]).to_dict()
