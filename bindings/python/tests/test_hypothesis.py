"""Property tests (hypothesis) over the whole Python surface with extreme values.

For ANY value, a public function of ``motcua`` returns a valid result (and then the counting
identities of the data contract hold) or raises one of motcua's errors: a ``MotcuaError``,
``TypeError`` for an argument of the wrong type, or, where the argument names a file, the
``OSError`` / ``FileNotFoundError`` that motcua's table of error kinds maps file errors to.
Never a panic (``PanicException``), ``OverflowError``, ``UnicodeEncodeError``,
``SystemError``, a bare ``ValueError``…

The examples are derandomized, so every run tries the same inputs.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
import warnings
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import motcua
from conftest import HEADER, need

# Every property: few enough examples that the file runs in well under a minute.
# Derandomized and without an example database: every run tries the same inputs.
FAST = settings(max_examples=60, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])

COUNTS = [
    "received", "received_online", "received_in_person", "received_postal", "carried_over",
    "resolved", "resolved_early", "resolved_on_time", "resolved_late", "closed_without_result",
    "pending", "pending_within_due", "pending_overdue", "received_level34",
    "received_online_level34", "ratings", "ratings_very_satisfied", "ratings_satisfied",
    "ratings_dissatisfied",
]
RATES = {
    "resolution_rate": (lambda f: f["resolved"], lambda f: f["received"]),
    "on_time_rate": (lambda f: f["resolved_early"] + f["resolved_on_time"], lambda f: f["resolved"]),
    "early_rate": (lambda f: f["resolved_early"], lambda f: f["resolved"]),
    "online_rate": (lambda f: f["received_online_level34"], lambda f: f["received_level34"]),
    "satisfaction_rate": (lambda f: f["ratings_very_satisfied"] + f["ratings_satisfied"], lambda f: f["ratings"]),
}


# --- what may be raised ------------------------------------------------------------------


def motcua_error(e: BaseException, files: bool = False) -> bool:
    """Whether ``e`` is one of motcua's errors (``files``: the argument names a file)."""
    if isinstance(e, (motcua.MotcuaError, TypeError)):
        return True
    return files and type(e) in (OSError, FileNotFoundError)


def outcome(f: Callable[[], Any], files: bool = False) -> Tuple[Optional[Any], Optional[BaseException]]:
    """Calls ``f``: (result, None) or (None, the motcua error). Any other exception, a panic
    included (``PanicException`` derives from ``BaseException``), fails the test."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", motcua.MotcuaWarning)
            return f(), None
    except BaseException as e:  # noqa: BLE001 - the point is to see every exception
        if isinstance(e, (KeyboardInterrupt, SystemExit)):
            raise
        if not motcua_error(e, files):
            raise AssertionError(f"{type(e).__module__}.{type(e).__qualname__} is not a motcua error: {e!r}") from e
        return None, e


# --- the contract's identities -----------------------------------------------------------


def check_figures(f: Dict[str, Any]) -> None:
    """Contract section 5: the counts of one agency or of the total."""
    for c in COUNTS:
        assert isinstance(f[c], int) and f[c] >= 0, (c, f[c])
    assert f["received"] == f["received_online"] + f["received_in_person"] + f["received_postal"]
    assert f["received"] + f["carried_over"] == f["resolved"] + f["closed_without_result"] + f["pending"]
    assert f["resolved"] == f["resolved_early"] + f["resolved_on_time"] + f["resolved_late"]
    assert f["pending"] == f["pending_within_due"] + f["pending_overdue"]
    assert f["received_online_level34"] <= f["received_level34"] <= f["received"]
    assert f["received_online_level34"] <= f["received_online"]
    assert f["ratings"] == f["ratings_very_satisfied"] + f["ratings_satisfied"] + f["ratings_dissatisfied"]
    assert f["ratings"] <= f["resolved"]
    for name, (num, den) in RATES.items():
        rate = f["rates"][name]
        if den(f) == 0:
            assert rate is None, (name, rate)
        else:
            assert rate["numerator"] == num(f) and rate["denominator"] == den(f), (name, rate)
            assert rate["value"] == num(f) / den(f)


def check_input(inp: Dict[str, Any]) -> None:
    """Contract section 6: rows = used + rejected + not_received."""
    for k in ("rows", "used", "rejected", "not_received"):
        assert isinstance(inp[k], int) and inp[k] >= 0, (k, inp[k])
    assert inp["rows"] == inp["used"] + inp["rejected"] + inp["not_received"]


def check_dataset(ds: motcua.Dataset) -> None:
    check_input(ds.input)
    assert len(ds) == ds.input["used"]
    assert len(ds.errors) == ds.input["rejected"]
    assert ds.agencies == sorted(set(ds.agencies))
    rng = ds.received_range
    assert (rng is None) == (ds.input["used"] == 0)
    if rng is not None:
        assert rng[0] <= rng[1]


def check_report(rep: motcua.Report) -> None:
    """Sections 5 to 7: the total, every agency, the sum over the agencies, the period."""
    check_input(rep.input)
    first, last = rep.period
    assert first <= last
    total = rep.total
    check_figures(total)
    agencies = rep.agencies
    assert agencies == sorted(set(agencies))
    per_agency = [rep.agency(a) for a in agencies]
    for f in per_agency:
        check_figures(f)
    for c in COUNTS:
        assert sum(f[c] for f in per_agency) == total[c], c
    d = rep.to_dict()
    assert d["period"] == {"from": first.isoformat(), "to": last.isoformat()}
    assert [a["agency"] for a in d["agencies"]] == agencies


def check_score(s: motcua.Score) -> None:
    """Section 10: points within their maxima, ranks from 1, agencies sorted."""
    first, last = s.period
    assert first <= last
    d = s.to_dict()
    top = d["rulebook"]["max"]
    assert [a["agency"] for a in d["agencies"]] == s.agencies == sorted(s.agencies)
    graded = [a for a in d["agencies"] if a["total"] is not None]
    for a in graded:
        assert 0 <= a["total"] <= top, a
        assert a["rank"] >= 1
        for ind in a["indicators"]:
            if ind["points"] is not None:
                assert 0 <= ind["points"] <= ind["max"], ind
    assert sum(n for _, n in s.band_counts()) == len(graded)
    for o in d["officials"]:
        assert 0 <= o["total"] <= o["max"], o


# --- values ----------------------------------------------------------------------------

SURROGATE = st.characters(categories=["Cs"])
# Any code point, lone surrogates included.
odd_char = st.one_of(st.characters(), SURROGATE)
odd_text = st.text(odd_char, max_size=24)
# Text that can be written to a UTF-8 file (no surrogate).
file_text = st.text(st.characters(codec="utf-8"), max_size=24)
# A cell of a row: no line break, so that row i is line i + 2 of the file.
cell_text = st.text(st.characters(codec="utf-8", exclude_characters="\r\n"), max_size=24)
huge_int = st.integers(min_value=-(2**70), max_value=2**70)
edge_int = st.sampled_from([0, 1, -1, 2**31 - 1, 2**31, 2**32, 2**63 - 1, 2**63, 2**64, -(2**63), -(2**63) - 1, 2**70, -(2**70)])
any_int = st.one_of(huge_int, edge_int)

FIXED_ZONES = [dt.timezone(dt.timedelta(hours=h, minutes=m)) for h, m in [(-23, -59), (-12, 0), (0, 0), (7, 0), (14, 0), (23, 59)]]
zone = st.one_of(st.none(), st.sampled_from(FIXED_ZONES), st.timezones())
any_datetime = st.datetimes(timezones=zone)
edge_date = st.sampled_from([dt.date.min, dt.date.max, dt.date(1970, 1, 1), dt.date(2021, 2, 28), dt.date(2024, 2, 29)])
edge_datetime = st.builds(
    lambda d, z: d.replace(tzinfo=z),
    st.sampled_from([dt.datetime.min, dt.datetime.max, dt.datetime(2021, 9, 1, 17, 0), dt.datetime(2021, 9, 1, 16, 59, 59, 999999)]),
    st.sampled_from([None, *FIXED_ZONES]),
)


def stamp_text(d: dt.datetime, form: int) -> str:
    """A timestamp in one of the contract's forms (section 2), years padded to 4 digits."""
    y = f"{d.year:04d}"
    return [
        f"{y}{d:%m%d%H%M%S}",
        f"{y}-{d:%m-%d}",
        f"{y}-{d:%m-%dT%H:%M}",
        f"{y}-{d:%m-%d %H:%M:%S}",
        f"{d:%d/%m/}{y}",
        f"{d:%d/%m/}{y} {d:%H:%M}",
        f"{y}-{d:%m-%dT%H:%M:%S}+07:00",
        f"{y}-{d:%m-%dT%H:%M:%S}Z",
        f"{y}-{d:%m-%dT%H:%M:%S}-1200",
    ][form]


stamp = st.builds(stamp_text, st.datetimes(), st.integers(0, 8))
near_stamp = st.builds(stamp_text, st.datetimes(dt.datetime(2021, 6, 1), dt.datetime(2021, 12, 31)), st.integers(0, 8))
junk_stamp = st.sampled_from(["", "2021-02-30", "2021-13-01", "0000-01-01", "99991231235960", "2021-07-01T25:00", "31/02/2021", "+07:00", "2021-07-01 09:30+99:00", "１２"])
any_date_like = st.one_of(
    st.dates(), edge_date, any_datetime, edge_datetime, stamp, junk_stamp, odd_text,
    st.integers(), st.none(), st.floats(), st.binary(max_size=8),
)

# --- dossier rows ----------------------------------------------------------------------

ROW_VALUES: Dict[str, Any] = {
    "MaHoSo": st.one_of(st.sampled_from(["H1", "H2", "H3", "H4", ""]), cell_text),
    "MaTTHC": st.one_of(st.sampled_from(["", "1.001", "TT-01"]), cell_text),
    "DonViXuLy": st.one_of(st.sampled_from(["STP", "SYT", "", " "]), cell_text),
    "KenhThucHien": st.sampled_from(["1", "2", "3", "0", "4", "", "x", "99999999999999999999", "-1", " 2"]),
    "MucDo": st.sampled_from(["", "1", "2", "3", "4", "mot_phan", "toan_trinh", "5", "-1", "3.0"]),
    "NgayTiepNhan": st.one_of(near_stamp, stamp, junk_stamp),
    "NgayHenTra": st.one_of(st.just(""), near_stamp, stamp, junk_stamp),
    "ThoiHanGiaiQuyet": st.one_of(st.just(""), st.integers(0, 30).map(str), any_int.map(str), st.just("1.5")),
    "NgayKetThucXuLy": st.one_of(st.just(""), near_stamp, stamp, junk_stamp),
    "NgayTra": st.one_of(st.just(""), near_stamp, stamp, junk_stamp),
    "TrangThaiHoSo": st.one_of(st.integers(1, 10).map(str), st.sampled_from(["0", "11", "", "x"]), any_int.map(str)),
    "SoLanBoSung": st.one_of(st.sampled_from(["", "0", "1", "2"]), any_int.map(str)),
    "DanhGia": st.sampled_from(["", "1", "2", "3", "4", "0"]),
    "CanBoTiepNhan": st.one_of(st.sampled_from(["", "CB01", "CB02"]), cell_text),
    "SoCoQuanLienHe": st.one_of(st.sampled_from(["", "0", "1", "2"]), any_int.map(str)),
    "PhanAnh": st.sampled_from(["", "0", "1", "2"]),
}
row = st.fixed_dictionaries(ROW_VALUES)
rows = st.lists(row, max_size=12)


def csv_text(rs: List[Dict[str, str]], header: List[str] = HEADER) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for r in rs:
        w.writerow([r.get(c, "") for c in header])
    return out.getvalue()


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    """A directory for the files the properties write (hypothesis runs a test many times, so
    a function-scoped ``tmp_path`` would be shared between its examples anyway)."""
    with tempfile.TemporaryDirectory(prefix="motcua-hyp-") as d:
        yield Path(d)


def write(scratch: Path, name: str, data: bytes) -> Path:
    p = scratch / name
    p.write_bytes(data)
    return p


def expected_channels(rs: List[Dict[str, str]], ds: motcua.Dataset) -> Dict[str, int]:
    """Counted by hand: the used rows (neither rejected nor status 1 or 3) by channel."""
    rejected = {e.line for e in ds.errors}
    used = [r for i, r in enumerate(rs) if i + 2 not in rejected and r["TrangThaiHoSo"].strip() not in ("1", "3")]
    return {
        "received_in_person": sum(r["KenhThucHien"].strip() == "1" for r in used),
        "received_online": sum(r["KenhThucHien"].strip() == "2" for r in used),
        "received_postal": sum(r["KenhThucHien"].strip() == "3" for r in used),
    }


# --- read ------------------------------------------------------------------------------


@FAST
@given(data=st.binary(max_size=300), ext=st.sampled_from(["csv", "json", "xlsx", "txt", "csv.gz", "parquet"]))
def test_read_random_bytes(scratch: Path, data: bytes, ext: str) -> None:
    p = write(scratch, f"bytes.{ext}", data)
    ds, _ = outcome(lambda: motcua.read(p), files=True)
    if ds is not None:
        check_dataset(ds)


@FAST
@given(rs=rows, bom=st.booleans(), strict=st.booleans())
def test_read_contract_rows(scratch: Path, rs: List[Dict[str, str]], bom: bool, strict: bool) -> None:
    text = csv_text(rs)
    p = write(scratch, "rows.csv", (b"\xef\xbb\xbf" if bom else b"") + text.encode())
    ds, err = outcome(lambda: motcua.read(p, strict=strict))
    if ds is None:
        assert strict or not rs, err  # without strict a bad row is listed, not raised
        return
    check_dataset(ds)
    assert ds.input["rows"] == len(rs)
    if strict:
        assert ds.input["rejected"] == 0
    # A period that holds every receipt: each used row is received in it.
    rep, _ = outcome(lambda: motcua.report(ds, ("0001-01-01", "9999-12-31")))
    assert rep is not None
    check_report(rep)
    assert rep.total["received"] == ds.input["used"]
    assert rep.total["carried_over"] == 0
    for k, v in expected_channels(rs, ds).items():
        assert rep.total[k] == v, k


@FAST
@given(header=st.lists(st.one_of(st.sampled_from(HEADER), file_text), max_size=18), rs=st.lists(st.lists(file_text, max_size=18), max_size=5))
def test_read_any_header_and_cells(scratch: Path, header: List[str], rs: List[List[str]]) -> None:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rs)
    p = write(scratch, "any.csv", out.getvalue().encode())
    ds, _ = outcome(lambda: motcua.read(p), files=True)
    if ds is not None:
        check_dataset(ds)


path_like = st.one_of(
    odd_text,
    st.sampled_from(["", ".", "/", "/nonexistent/x.csv", "a\x00b.csv", "\ud800.csv", "/proc/self/mem", "x" * 5000]),
    odd_text.map(Path),
    st.lists(odd_text, max_size=3),
    st.integers(), st.none(), st.binary(max_size=8), st.floats(),
)


@FAST
@given(path=path_like, fmt=st.one_of(st.none(), st.sampled_from(["csv", "xlsx", "json"]), odd_text), sheet=st.one_of(st.none(), odd_text), threads=st.one_of(st.just(0), any_int), deadline_from=st.one_of(st.none(), st.sampled_from(["receipt", "deciding-agency"]), odd_text))
def test_read_any_path_and_options(path: Any, fmt: Any, sheet: Any, threads: Any, deadline_from: Any) -> None:
    ds, _ = outcome(lambda: motcua.read(path, format=fmt, sheet=sheet, threads=threads, deadline_from=deadline_from), files=True)
    if ds is not None:
        check_dataset(ds)


# --- from_arrow ------------------------------------------------------------------------


def arrow_column(draw: st.DrawFn, name: str, n: int) -> Any:
    """A column of ``n`` values of a random Arrow type, with extreme values and nulls."""
    pa = need("pyarrow")
    kind = draw(st.sampled_from(["string", "large_string", "int8", "int64", "uint64", "float64", "bool", "date32", "date64", "timestamp", "null", "dictionary", "binary"]))
    nullable = lambda s: st.one_of(st.none(), s)  # noqa: E731
    if kind in ("string", "large_string", "dictionary"):
        strat = st.one_of(ROW_VALUES[name] if name in ROW_VALUES else file_text, file_text)
        values = draw(st.lists(nullable(strat), min_size=n, max_size=n))
        arr = pa.array(values, type=pa.large_string() if kind == "large_string" else pa.string())
        return arr.dictionary_encode() if kind == "dictionary" else arr
    if kind == "int8":
        return pa.array(draw(st.lists(nullable(st.integers(-128, 127)), min_size=n, max_size=n)), type=pa.int8())
    if kind == "int64":
        ints = st.one_of(st.integers(-(2**63), 2**63 - 1), st.integers(-3, 12))
        return pa.array(draw(st.lists(nullable(ints), min_size=n, max_size=n)), type=pa.int64())
    if kind == "uint64":
        return pa.array(draw(st.lists(nullable(st.integers(0, 2**64 - 1)), min_size=n, max_size=n)), type=pa.uint64())
    if kind == "float64":
        return pa.array(draw(st.lists(nullable(st.floats()), min_size=n, max_size=n)), type=pa.float64())
    if kind == "bool":
        return pa.array(draw(st.lists(nullable(st.booleans()), min_size=n, max_size=n)), type=pa.bool_())
    if kind == "date32":
        days = st.one_of(st.integers(-(2**31), 2**31 - 1), st.integers(18600, 19000))
        return pa.array(draw(st.lists(nullable(days), min_size=n, max_size=n)), type=pa.date32())
    if kind == "date64":
        ms = st.one_of(st.integers(-(2**63), 2**63 - 1), st.integers(1_609_459_200_000, 1_640_995_200_000))
        return pa.array(draw(st.lists(nullable(ms), min_size=n, max_size=n)), type=pa.date64())
    if kind == "timestamp":
        unit = draw(st.sampled_from(["s", "ms", "us", "ns"]))
        tz = draw(st.sampled_from([None, "UTC", "+07:00", "-12:00", "+14:00", "Asia/Ho_Chi_Minh"]))
        per_s = {"s": 1, "ms": 1000, "us": 10**6, "ns": 10**9}[unit]
        ticks = st.one_of(st.integers(-(2**63), 2**63 - 1), st.integers(1_625_000_000, 1_640_000_000).map(lambda s: s * per_s))
        return pa.array(draw(st.lists(nullable(ticks), min_size=n, max_size=n)), type=pa.timestamp(unit, tz=tz))
    if kind == "binary":
        return pa.array(draw(st.lists(nullable(st.binary(max_size=6)), min_size=n, max_size=n)), type=pa.binary())
    return pa.nulls(n)


@st.composite
def arrow_tables(draw: st.DrawFn) -> Any:
    pa = need("pyarrow")
    n = draw(st.integers(0, 8))
    names = draw(st.lists(st.one_of(st.sampled_from(HEADER), file_text), max_size=18, unique=True))
    if draw(st.booleans()):  # most of the time: every contract column
        names = list(dict.fromkeys(HEADER + names))
    return pa.table({name: arrow_column(draw, name, n) for name in names}) if names else pa.table({})


@SLOW
@given(table=arrow_tables(), strict=st.booleans(), threads=st.sampled_from([0, 1, 3]))
def test_from_arrow_any_types(table: Any, strict: bool, threads: int) -> None:
    ds, _ = outcome(lambda: motcua.from_arrow(table, strict=strict, threads=threads))
    if ds is None:
        return
    check_dataset(ds)
    assert ds.input["rows"] == table.num_rows
    rep, _ = outcome(lambda: motcua.report(ds, ("0001-01-01", "9999-12-31")))
    assert rep is not None
    check_report(rep)
    assert rep.total["received"] == ds.input["used"]


@FAST
@given(rs=rows)
def test_from_arrow_strings_equal_read(scratch: Path, rs: List[Dict[str, str]]) -> None:
    """The same rows as strings decide the same way from Arrow as from a CSV file."""
    pa = need("pyarrow")
    p = write(scratch, "same.csv", csv_text(rs).encode())
    table = pa.table({c: pa.array([r[c] or None for r in rs], type=pa.string()) for c in HEADER})
    a, _ = outcome(lambda: motcua.read(p))
    b, _ = outcome(lambda: motcua.from_arrow(table))
    assert a is not None and b is not None
    assert a.input["rows"] == b.input["rows"] and a.input["used"] == b.input["used"]
    assert a.input["not_received"] == b.input["not_received"]
    assert [(e.kind, e.column) for e in a.errors] == [(e.kind, e.column) for e in b.errors]
    if not any("\n" in v or "\r" in v for r in rs for v in r.values()):
        # one CSV line per row: the header is line 1, the Arrow rows count from 1
        assert [e.line - 1 for e in a.errors] == [e.line for e in b.errors]


@FAST
@given(data=st.one_of(st.integers(), odd_text, st.none(), st.lists(st.integers(), max_size=3), st.dictionaries(file_text, st.integers(), max_size=3), st.binary(max_size=8)), threads=any_int)
def test_from_arrow_not_arrow(data: Any, threads: int) -> None:
    outcome(lambda: motcua.from_arrow(data, threads=threads))


# --- Calendar --------------------------------------------------------------------------

CALENDARS = [motcua.Calendar.vn(), motcua.Calendar.blank()]
calendar = st.sampled_from(CALENDARS)
count_arg = st.one_of(any_int, st.integers(0, 400), st.none(), st.floats(), odd_text, st.booleans())
year_arg = st.one_of(any_int, st.integers(-2, 10001), st.none(), odd_text, st.floats())


@FAST
@given(cal=calendar, d=any_date_like, e=any_date_like, n=count_arg)
def test_calendar_dates(cal: motcua.Calendar, d: Any, e: Any, n: Any) -> None:
    w, _ = outcome(lambda: cal.is_working_day(d))
    if w is not None:
        assert isinstance(w, bool)
        name, _ = outcome(lambda: cal.holiday_name(d))
        assert name is None or isinstance(name, str)
    eff, _ = outcome(lambda: cal.effective_receipt_date(d))
    if eff is not None:
        assert cal.is_working_day(eff)
    added, _ = outcome(lambda: cal.add_working_days(d, n))
    if added is not None:
        assert isinstance(n, int) and 0 <= n
        assert cal.working_days_between(d, added) == n
        assert n == 0 or cal.is_working_day(added)
    due, _ = outcome(lambda: cal.due_date(d, n))
    if due is not None:
        assert eff is not None and eff <= due
        assert cal.working_days_between(eff, due) == n
    between, _ = outcome(lambda: cal.working_days_between(d, e))
    if between is not None:
        assert cal.working_days_between(e, d) == -between


@FAST
@given(cal=calendar, year=year_arg)
def test_calendar_years(cal: motcua.Calendar, year: Any) -> None:
    y, _ = outcome(lambda: cal.year(year))
    hol, _ = outcome(lambda: cal.holidays(year))
    mk, _ = outcome(lambda: cal.make_up_working_days(year))
    outcome(lambda: cal.is_projected(year))
    assert (y is None) == (hol is None) == (mk is None)
    if hol is not None:
        assert isinstance(year, int) and 1 <= year <= 9999
        for d, name in hol:
            assert d.year == year and isinstance(name, str) and not cal.is_working_day(d)
        for d in mk:
            assert d.year == year and cal.is_working_day(d)


toml_value = st.one_of(
    st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}"),
    st.sampled_from(['"vn"', '"blank"', '"17:00"', '"23:59"', '"24:00"', '"-1:00"', '["Sat", "Sun"]', '["Mon","Tue","Wed","Thu","Fri","Sat","Sun"]', "[]", '["Xyz"]', "0", "9999-12-31", "0001-01-01", "[0001-01-01, 9999-12-31]"]),
    any_int.map(str),
    file_text.map(lambda t: '"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"'),
)
toml_key = st.sampled_from(["name", "extends", "weekend", "receipt_cutoff", "holidays", "working_days", "other"])
calendar_toml = st.lists(st.tuples(toml_key, toml_value), max_size=6, unique_by=lambda kv: kv[0]).map(lambda kvs: "\n".join(f"{k} = {v}" for k, v in kvs) + "\n")
calendar_source = st.one_of(calendar_toml, odd_text.map(lambda t: t + "="), odd_text, st.sampled_from(["vn", "blank", "", "/", "x.toml"]), st.integers(), st.none())


@FAST
@given(source=calendar_source, d=st.one_of(st.dates(), edge_date), n=st.integers(0, 2**32))
def test_calendar_from_toml(source: Any, d: dt.date, n: int) -> None:
    cal, _ = outcome(lambda: motcua.Calendar.from_toml(source), files=True)
    if cal is None:
        return
    assert isinstance(cal.name, str) and isinstance(cal.receipt_cutoff, dt.time)
    assert set(cal.weekend) <= {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
    added, _ = outcome(lambda: cal.add_working_days(d, n))
    if added is not None:
        assert cal.working_days_between(d, added) == n


@FAST
@given(name=st.one_of(odd_text, st.sampled_from(["vn", "blank", " vn "]), st.integers(), st.none()))
def test_calendar_builtin(name: Any) -> None:
    cal, _ = outcome(lambda: motcua.Calendar.builtin(name))
    if cal is not None:
        assert name in ("vn", "blank")


# --- report and score ------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_ds() -> motcua.Dataset:
    need("pyarrow")
    return motcua.from_arrow(motcua.generate(rows=400, seed=7))


period_text = st.one_of(
    st.builds(lambda y, q: f"{y}-Q{q}", st.integers(-99999, 99999), st.integers(-1, 6)),
    st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(-10, 10001), st.integers(-1, 14)),
    st.integers(-10, 100000).map(str),
    st.builds(lambda a, b: f"{a}..{b}", st.one_of(stamp, junk_stamp), st.one_of(stamp, junk_stamp)),
    st.sampled_from(["2021-Q3", "2021", "2021-07", "0001-Q1", "9999-Q4", "9999-12", "0001", "10000", "2021-07-01..2021-09-30", "9999-12-31..0001-01-01", ".."]),
    odd_text,
)
period_arg = st.one_of(
    st.none(),
    period_text,
    st.tuples(any_date_like, any_date_like),
    st.lists(any_date_like, max_size=3),
    st.integers(),
)
by_arg = st.one_of(st.none(), st.sampled_from(["agency", "procedure", "field", "level", "official", "channel", "agency,channel", "agency,channel,level"]), st.lists(st.sampled_from(["agency", "channel", "level", "x"]), max_size=3), odd_text)
every_arg = st.one_of(st.none(), st.sampled_from(["month", "quarter"]), odd_text)
compare_arg = st.one_of(st.none(), st.sampled_from(["previous", "last-year", "none"]), odd_text)
convention_arg = st.one_of(st.none(), st.sampled_from(["waiting_as_within_due", "withdrawn_as_on_time", "online_without_postal"]), st.lists(odd_text, max_size=2), odd_text)


@FAST
@given(period=period_arg, by=by_arg, every=every_arg, compare=compare_arg, conventions=convention_arg)
def test_report_any_period_and_options(small_ds: motcua.Dataset, period: Any, by: Any, every: Any, compare: Any, conventions: Any) -> None:
    rep, _ = outcome(lambda: motcua.report(small_ds, period, by=by, every=every, compare=compare, conventions=conventions))
    if rep is None:
        return
    check_report(rep)
    series = rep.series
    if series is not None:
        for step in series:
            check_figures(step["total"])
    if rep.previous is not None:
        check_figures(rep.previous["total"])


@FAST
@given(first=st.one_of(st.dates(), edge_date, edge_datetime, any_datetime), last=st.one_of(st.dates(), edge_date, edge_datetime, any_datetime))
def test_report_datetime_extremes(small_ds: motcua.Dataset, first: Any, last: Any) -> None:
    rep, err = outcome(lambda: motcua.report(small_ds, (first, last)))
    if rep is None:
        assert isinstance(err, motcua.MotcuaError), err
        return
    check_report(rep)
    a, b = rep.period
    assert a <= b
    assert rep.total["received"] <= small_ds.input["used"]


units_header = ["DonViXuLy", "TenDonVi", "Cap", "CongKhai", "TyLeGiaiQuyetTaiMotCua", "TiepNhanDayDu", "PhanAnhTiepNhan", "PhanAnhDungHan", "PhanAnhKeoDai", "SoTTHC", "SoTTHCMucDo34"]
unit_cell = st.one_of(st.sampled_from(["", "0", "1", "2", "0.5", "1.0", "-1", "tinh", "huyen", "xa", "NaN", "inf", "1e400"]), any_int.map(str), file_text)
units_text = st.lists(st.lists(unit_cell, min_size=len(units_header), max_size=len(units_header)), max_size=4).map(lambda rs: csv_text([dict(zip(units_header, r)) for r in rs], units_header))
rulebook_text = st.one_of(
    st.sampled_from(["circular-01-2018", "soc-trang-1216-2019", "", "x.toml", "id = 1\n", 'extends = "circular-01-2018"\n', 'id = "x"\nextends = "circular-01-2018"\nmax = -1\n']),
    st.builds(lambda k, v: f'id = "r"\nextends = "circular-01-2018"\n{k} = {v}\n', st.sampled_from(["max", "bands", "valid_from", "indicators", "name"]), toml_value),
    odd_text,
    st.none(),
)


@SLOW
@given(period=st.one_of(period_text, st.just("2021-Q3")), units=st.one_of(st.none(), units_text, odd_text), rulebook=rulebook_text, means=st.one_of(st.sampled_from(["dossiers", "slips"]), odd_text))
def test_score_any_units_rulebook_period(small_ds: motcua.Dataset, period: Any, units: Any, rulebook: Any, means: Any) -> None:
    s, _ = outcome(lambda: motcua.score(small_ds, units, period, rulebook, means=means), files=True)
    if s is not None:
        check_score(s)


@FAST
@given(n=st.one_of(any_int, st.floats(), odd_text), d=st.one_of(any_int, st.floats()), lang=st.one_of(st.sampled_from(["vi", "en"]), odd_text))
def test_format_numbers(n: Any, d: Any, lang: Any) -> None:
    s, _ = outcome(lambda: motcua.format_number(n, lang))
    if s is not None:
        assert isinstance(n, int) and n >= 0
        assert s.replace(".", "").replace(",", "") == str(n)
    outcome(lambda: motcua.format_percent(n, d, lang))


@FAST
@given(rows_=st.one_of(st.integers(0, 30), any_int), seed=st.one_of(any_int, st.floats()))
def test_generate_any_size(rows_: Any, seed: Any) -> None:
    if isinstance(rows_, int) and rows_ > 30:
        rows_ = -rows_  # never ask for a huge table: only the refusals of bad sizes
    t, _ = outcome(lambda: motcua.generate(rows=rows_, seed=seed))
    if t is not None:
        assert t.num_rows == rows_
        assert t.column_names == HEADER


@FAST
@given(by=by_arg, every=every_arg, compare=st.one_of(compare_arg, st.just("previous")))
def test_partial_any_options(small_ds_table: Any, by: Any, every: Any, compare: Any) -> None:
    """``partial`` reads ``by``, ``every`` and ``compare`` as ``report`` does: the merged
    partial equals the report of the same rows and options, or both refuse them."""
    p, perr = outcome(lambda: motcua.partial(small_ds_table, "2021-Q3", by=by, every=every, compare=compare))
    rep, rerr = outcome(lambda: motcua.report(motcua.from_arrow(small_ds_table), "2021-Q3", by=by, every=every, compare=compare if compare is not None else "none"))
    assert (p is None) == (rep is None), (perr, rerr)
    if p is not None:
        merged = motcua.merge([p])
        check_report(merged)
        assert merged.total == rep.total


@pytest.fixture(scope="module")
def small_ds_table() -> Any:
    need("pyarrow")
    return motcua.generate(rows=300, seed=11)


@FAST
@given(code=odd_text, backend=st.one_of(st.sampled_from(["pandas", "arrow"]), odd_text), of=st.one_of(st.none(), st.sampled_from(["total", "agencies"]), odd_text), unit=st.one_of(st.none(), odd_text), names=st.dictionaries(odd_text, odd_text, max_size=2))
def test_report_and_score_methods_any_text(small_ds: motcua.Dataset, code: str, backend: str, of: Any, unit: Any, names: Dict[str, str]) -> None:
    """Every text argument of a report's and a grade's methods is read as checked text:
    lone surrogates give an ``ArgumentError``, an unknown code a ``KeyError``."""
    need("pandas")
    rep = motcua.report(small_ds, "2021-Q3", every="month")
    s = motcua.score(small_ds, None, "2021-Q3")
    for f in (lambda: rep.agency(code), lambda: s.agency(code), lambda: s.official(code)):
        try:
            got, _ = outcome(f)
        except AssertionError as e:
            assert isinstance(e.__cause__, KeyError), e
            continue
        assert got is not None
    outcome(lambda: rep.total_frame(backend))
    outcome(lambda: rep.series_frame(of, backend=backend))
    form, _ = outcome(lambda: rep.form06a(names=names, reporting_unit=unit, receiving_unit=unit, backend=backend))
    if form is not None:
        assert len(form) >= len(rep.agencies)


@FAST
@given(profile=st.one_of(st.just("soc-trang-2021"), odd_text))
def test_generate_any_sample_name(profile: str) -> None:
    t, _ = outcome(lambda: motcua.generate(profile, rows=5))
    if t is not None:
        # rows= asks for random rows; the name is still checked
        assert profile.strip().lower() == "soc-trang-2021" or profile.strip().startswith("random:"), profile
        assert t.num_rows == 5
    outcome(lambda: motcua.generate_units(profile))
