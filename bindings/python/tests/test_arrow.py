"""motcua.from_arrow: pyarrow, polars and pandas; string and typed columns; the same rows
decide the same way as from a CSV file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Dict, List

import pytest

import motcua
from conftest import HEADER, need


def csv_table(path: Path) -> Any:
    pa = need("pyarrow")
    pacsv = need("pyarrow.csv")
    return pacsv.read_csv(
        path,
        convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in HEADER}, strings_can_be_null=True),
    )


def test_pyarrow_strings_equal_csv(sample_files: Dict[str, Path], sample_ds: motcua.Dataset) -> None:
    t = csv_table(sample_files["csv"])
    ds = motcua.from_arrow(t)
    assert len(ds) == len(sample_ds) == 35740
    assert ds.input == sample_ds.input
    for threads in (1, 2, 3):
        assert motcua.report(motcua.from_arrow(t, threads=threads), "2021-Q3").to_dict() == motcua.report(sample_ds, "2021-Q3").to_dict()


def test_generated_equals_cli_file(generated_ds: motcua.Dataset, sample_ds: motcua.Dataset) -> None:
    assert motcua.report(generated_ds, "2021-Q3").to_dict() == motcua.report(sample_ds, "2021-Q3").to_dict()


def test_pyarrow_typed_columns(sample_files: Dict[str, Path], sample_ds: motcua.Dataset) -> None:
    pacsv = need("pyarrow.csv")
    typed = pacsv.read_csv(sample_files["csv"])  # pyarrow infers ints, floats, strings, timestamps
    kinds = {f.name: str(f.type) for f in typed.schema}
    assert kinds["KenhThucHien"] == "int64" and kinds["TrangThaiHoSo"] == "int64"
    ds = motcua.from_arrow(typed)
    assert motcua.report(ds, "2021-Q3").to_dict() == motcua.report(sample_ds, "2021-Q3").to_dict()


def small_rows() -> Dict[str, List[Any]]:
    return {
        "MaHoSo": ["H1", "H2", "H3", "H4"],
        "DonViXuLy": ["STP", "STP", "SYT", "SYT"],
        "KenhThucHien": [2, 1, 3, 2],
        "MucDo": [4, None, 3, 2],
        "NgayTiepNhan": [
            dt.datetime(2021, 9, 1, 9, 0),
            dt.datetime(2021, 9, 1, 17, 0),  # at the cutoff: counts from the next working day
            dt.datetime(2021, 9, 4, 10, 0),  # a Saturday
            dt.datetime(2021, 7, 1, 8, 0),
        ],
        "ThoiHanGiaiQuyet": [1, 1, 2, 5],
        "NgayKetThucXuLy": [dt.date(2021, 9, 6), None, dt.date(2021, 9, 8), None],
        "TrangThaiHoSo": [10, 4, 9, 4],
        "DanhGia": [3, None, 1, None],
        "PhanAnh": [False, False, True, False],
    }


def small_strings() -> Dict[str, List[Any]]:
    return {
        "MaHoSo": ["H1", "H2", "H3", "H4"],
        "DonViXuLy": ["STP", "STP", "SYT", "SYT"],
        "KenhThucHien": ["2", "1", "3", "2"],
        "MucDo": ["4", None, "3", "2"],
        "NgayTiepNhan": ["2021-09-01 09:00:00", "2021-09-01 17:00:00", "2021-09-04 10:00:00", "2021-07-01 08:00:00"],
        "ThoiHanGiaiQuyet": ["1", "1", "2", "5"],
        "NgayKetThucXuLy": ["2021-09-06", None, "2021-09-08", None],
        "TrangThaiHoSo": ["10", "4", "9", "4"],
        "DanhGia": ["3", None, "1", None],
        "PhanAnh": ["0", "0", "1", "0"],
    }


def expected_small() -> Dict[str, Any]:
    pa = need("pyarrow")
    return motcua.report(motcua.from_arrow(pa.table(small_strings())), "2021-Q3").to_dict()


def test_small_typed_pyarrow() -> None:
    pa = need("pyarrow")
    rows = small_rows()
    t = pa.table(rows)
    assert str(t.schema.field("NgayTiepNhan").type) == "timestamp[us]"
    assert str(t.schema.field("NgayKetThucXuLy").type) == "date32[day]"
    assert str(t.schema.field("PhanAnh").type) == "bool"
    rep = motcua.report(motcua.from_arrow(t), "2021-Q3")
    assert rep.to_dict() == expected_small()
    d = rep.to_dict()
    assert d["total"]["received"] == 4 and d["total"]["resolved_on_time"] == 2 and d["total"]["pending"] == 2


def test_time_zones_and_units() -> None:
    pa = need("pyarrow")
    # 10:00 UTC is 17:00 in Vietnam: at the cutoff, so the deadline runs from the next day.
    utc = pa.array([dt.datetime(2021, 9, 1, 10, 0)], type=pa.timestamp("s", tz="UTC"))
    local = pa.array([dt.datetime(2021, 9, 1, 17, 0)], type=pa.timestamp("ns"))
    before = pa.array([dt.datetime(2021, 9, 1, 9, 59)], type=pa.timestamp("ms", tz="UTC"))
    base = {"MaHoSo": ["H1"], "DonViXuLy": ["STP"], "KenhThucHien": [2], "ThoiHanGiaiQuyet": [1], "TrangThaiHoSo": [4]}
    def due(received: Any) -> Any:
        ds = motcua.from_arrow(pa.table({**base, "NgayTiepNhan": received}), strict=True)
        rep = motcua.report(ds, ("2021-09-01", "2021-09-07"))
        return rep.total["pending_overdue"], rep.total["pending_within_due"]
    # Due 2021-09-06 for a receipt before the cutoff (2, 3 September are holidays), 09-07 after.
    assert due(utc) == due(local) == (0, 1)
    assert due(before) == (1, 0)
    date64 = pa.array([dt.date(2021, 9, 1)], type=pa.date64())
    assert due(date64) == (1, 0)


def test_dictionary_large_and_view_strings() -> None:
    pa = need("pyarrow")
    s = small_strings()
    t = pa.table({k: pa.array(v).dictionary_encode() if k == "DonViXuLy" else pa.array(v, pa.large_string()) for k, v in s.items()})
    assert motcua.report(motcua.from_arrow(t), "2021-Q3").to_dict() == expected_small()
    if hasattr(pa, "string_view"):
        v = pa.table({k: pa.array(x, pa.string_view()) for k, x in s.items()})
        assert motcua.report(motcua.from_arrow(v), "2021-Q3").to_dict() == expected_small()


def test_polars_strings_and_typed() -> None:
    pl = need("polars")
    strings = pl.DataFrame(small_strings())
    assert motcua.report(motcua.from_arrow(strings), "2021-Q3").to_dict() == expected_small()
    typed = pl.DataFrame(small_rows()).with_columns(pl.col("DonViXuLy").cast(pl.Categorical), pl.col("TrangThaiHoSo").cast(pl.Int8))
    assert motcua.report(motcua.from_arrow(typed), "2021-Q3").to_dict() == expected_small()
    lazy = typed.lazy()
    assert motcua.report(motcua.from_arrow(lazy), "2021-Q3").to_dict() == expected_small()
    aware = typed.with_columns(pl.col("NgayTiepNhan").dt.replace_time_zone("Asia/Ho_Chi_Minh"))
    assert motcua.report(motcua.from_arrow(aware), "2021-Q3").to_dict() == expected_small()


def test_pandas_strings_and_typed() -> None:
    pd = need("pandas")
    need("pyarrow")
    strings = pd.DataFrame(small_strings())
    assert motcua.report(motcua.from_arrow(strings), "2021-Q3").to_dict() == expected_small()
    typed = pd.DataFrame(small_rows())
    typed["NgayTiepNhan"] = pd.to_datetime(typed["NgayTiepNhan"])
    typed["NgayKetThucXuLy"] = pd.to_datetime(typed["NgayKetThucXuLy"])  # NaT for the open ones
    typed["DonViXuLy"] = typed["DonViXuLy"].astype("category")
    assert typed["DanhGia"].dtype == "float64"  # NaN for no rating: read as empty
    assert motcua.report(motcua.from_arrow(typed), "2021-Q3").to_dict() == expected_small()
    nullable = typed.astype({"KenhThucHien": "Int64", "TrangThaiHoSo": "Int32"})
    nullable["DanhGia"] = nullable["DanhGia"].astype("Int64")
    assert motcua.report(motcua.from_arrow(nullable), "2021-Q3").to_dict() == expected_small()
    aware = typed.assign(NgayTiepNhan=typed["NgayTiepNhan"].dt.tz_localize("Asia/Ho_Chi_Minh"))
    assert motcua.report(motcua.from_arrow(aware), "2021-Q3").to_dict() == expected_small()
    indexed = strings.set_index("MaHoSo")  # the index comes back as a column
    assert motcua.report(motcua.from_arrow(indexed), "2021-Q3").to_dict() == expected_small()


def test_line_numbers_are_rows_across_batches() -> None:
    pa = need("pyarrow")
    s = small_strings()
    s["MaHoSo"] = ["H1", "H2", "H1", "H4"]
    s["KenhThucHien"] = ["2", "9", "3", "2"]
    ds = motcua.from_arrow(pa.table(s))
    errs = [(e.line, e.column) for e in ds.errors]
    assert errs == [(2, "KenhThucHien"), (3, "MaHoSo")]
    assert (ds.rows, ds.used, ds.rejected, ds.not_received) == (4, 2, 2, 0)
    assert "duplicate" in ds.errors[1].message
    # Over several batches the numbering goes on.
    t = pa.table(s)
    batches = t.to_batches(max_chunksize=1)
    assert len(batches) == 4
    ds2 = motcua.from_arrow(pa.Table.from_batches(batches))
    assert [(e.line, e.column) for e in ds2.errors] == errs
    reader = pa.RecordBatchReader.from_batches(t.schema, batches)
    assert [(e.line, e.column) for e in motcua.from_arrow(reader).errors] == errs
    assert [(e.line, e.column) for e in motcua.from_arrow(batches[1]).errors] == [(1, "KenhThucHien")]
    with pytest.raises(motcua.InputError) as ei:
        motcua.from_arrow(t, strict=True)
    assert (ei.value.line, ei.value.column) == (2, "KenhThucHien")
    # one batch of four rows: the bad row is its second
    assert str(ei.value).startswith("batch 1, row 2, column KenhThucHien")
    with pytest.raises(motcua.InputError) as ei:
        motcua.from_arrow(pa.Table.from_batches(batches), strict=True)
    # batches of one row: the bad row is the first of the second batch
    assert (ei.value.line, ei.value.column) == (2, "KenhThucHien")
    assert str(ei.value).startswith("batch 2, row 1, column KenhThucHien")


def test_from_arrow_input_errors() -> None:
    pa = need("pyarrow")
    with pytest.raises(motcua.InputError) as ei:
        motcua.from_arrow(pa.table({"MaHoSo": ["H1"], "DonViXuLy": ["STP"]}))
    assert ei.value.line == 1 and "KenhThucHien" in str(ei.value)
    bad = dict(small_strings())
    bad["NgayTiepNhan"] = pa.array([[1], [2], [3], [4]])  # a list column cannot be read
    with pytest.raises(motcua.InputError) as ei2:
        motcua.from_arrow(pa.table(bad))
    assert ei2.value.column == "NgayTiepNhan"
    with pytest.raises(TypeError):
        motcua.from_arrow([1, 2, 3])
    empty = pa.table({k: pa.array([], pa.string()) for k in HEADER})
    ds = motcua.from_arrow(empty)
    assert len(ds) == 0 and ds.rows == 0
    assert motcua.report(ds, "2021-Q3").total["received"] == 0


def _string_table(text: str) -> Any:
    """A pyarrow table of strings from CSV text, every cell kept as written (no nulls)."""
    import csv
    import io

    pa = need("pyarrow")
    rows = list(csv.reader(io.StringIO(text)))
    return pa.table({name: [r[i] for r in rows[1:]] for i, name in enumerate(rows[0])})


def test_a_sql_server_table_is_mapped_by_its_detected_profile_as_the_csv_is() -> None:
    # tests/fixtures/profiles/sqlserver.csv: database column names, NULL in empty cells;
    # counted by hand in tests/tests/profiles.rs (April 2024: 4 received, 2 online, 1 in
    # person, 1 postal, 1 early, 1 on time, 1 late, 1 pending overdue)
    from conftest import ROOT

    path = ROOT / "tests/fixtures/profiles/sqlserver.csv"
    t = _string_table(path.read_text(encoding="utf-8"))
    assert "DonViId" in t.column_names and "NULL" in t.column("NgayTra").to_pylist()
    ds = motcua.from_arrow(t)
    assert ds.input["profile"] == "sqlserver"
    got = motcua.report(ds, "2024-04").total
    by_hand = {"received": 4, "received_online": 2, "received_in_person": 1, "received_postal": 1,
               "resolved_early": 1, "resolved_on_time": 1, "resolved_late": 1, "pending_overdue": 1}
    assert {k: got[k] for k in by_hand} == by_hand
    assert got == motcua.report(motcua.read(path), "2024-04").total
    assert motcua.from_arrow(t, profile="sqlserver").input == ds.input
    # the contract's own names are required under the contract profile
    with pytest.raises(motcua.MotcuaError, match="DonViXuLy"):
        motcua.from_arrow(t, profile="contract")


def test_from_arrow_takes_a_catalog_and_where_the_time_limit_starts() -> None:
    text = (
        "MaHoSo,MaTTHC,DonViXuLy,KenhThucHien,MucDo,NgayTiepNhan,NgayTiepNhanCoQuanGiaiQuyet,ThoiHanGiaiQuyet,NgayKetThucXuLy,TrangThaiHoSo\n"
        # received Monday 5 July 2021, at the deciding agency Thursday 8 July, 3 working
        # days, closed Monday 12 July: late from the receipt (due 8 July), early from the
        # deciding agency (due 13 July); level 4 from the catalog
        "H1,1.001,STP,2,,2021-07-05 09:00,2021-07-08 09:00,3,2021-07-12 10:00,10\n"
    )
    catalog = "MaTTHC,TenTTHC,MaLinhVuc,MucDo\n1.001,Cấp phiếu lý lịch tư pháp,LLTP,4\n"
    t = _string_table(text)
    plain = motcua.report(motcua.from_arrow(t), "2021-Q3").total
    assert (plain["received_level34"], plain["resolved_late"], plain["resolved_early"]) == (0, 1, 0)
    ds = motcua.from_arrow(t, catalog=catalog, deadline_from="deciding-agency")
    got = motcua.report(ds, "2021-Q3").total
    assert (got["received_level34"], got["received_online_level34"]) == (1, 1)
    assert (got["resolved_late"], got["resolved_early"]) == (0, 1)
    with pytest.raises(motcua.MotcuaError, match="deciding"):
        motcua.from_arrow(t, deadline_from="tomorrow")
