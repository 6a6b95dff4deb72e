"""motcua.read of several files as one input, with a procedure catalog and where a time
limit starts, resolved by the library's one layer (as ``motcua report --input a b``)."""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List

import pytest

import motcua


def split(src: Path, tmp: Path) -> List[Path]:
    """The file's rows in two files, each with the header."""
    lines = src.read_text(encoding="utf-8").splitlines(keepends=True)
    head, body = lines[0], lines[1:]
    half = len(body) // 2
    a, b = tmp / "a.csv", tmp / "b.csv"
    a.write_text(head + "".join(body[:half]), encoding="utf-8")
    b.write_text(head + "".join(body[half:]), encoding="utf-8")
    return [a, b]


def test_two_halves_give_the_report_of_the_whole(sample_files: Dict[str, Path], tmp_path: Path) -> None:
    halves = split(sample_files["csv"], tmp_path)
    whole = motcua.read(sample_files["csv"])
    both = motcua.read(halves)
    assert len(both) == len(whole) and both.rows == whole.rows and both.errors == []
    assert both.received_range == whole.received_range
    expected = motcua.report(whole, "2021-Q3").to_dict()
    assert motcua.report(both, "2021-Q3").to_dict() == expected
    # a list of paths straight to report, and a tuple
    assert motcua.report(halves, "2021-Q3").to_dict() == expected
    assert motcua.report(tuple(halves), "2021-Q3", by="channel").to_dict() == motcua.report(whole, "2021-Q3", by="channel").to_dict()


def test_a_code_repeated_in_the_second_file_names_that_file(tmp_path: Path) -> None:
    head = "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,ThoiHanGiaiQuyet,TrangThaiHoSo\n"
    a, b = tmp_path / "july.csv", tmp_path / "august.csv"
    a.write_text(head + "H1,STP,2,2021-07-01 09:00,3,4\nH2,STP,1,2021-07-02 09:00,3,4\n", encoding="utf-8")
    b.write_text(head + "H3,SYT,2,2021-08-02 09:00,3,4\nH1,SYT,2,2021-08-03 09:00,3,4\n", encoding="utf-8")
    ds = motcua.read([a, b])
    assert (ds.rows, ds.used, ds.rejected) == (4, 3, 1)
    [e] = ds.errors
    assert (e.kind, e.line, e.column, e.file) == ("duplicate", 3, "MaHoSo", str(b))
    assert e.to_dict()["file"] == str(b)
    assert "H1" in e.message
    # read alone, the second file has no duplicate
    assert motcua.read(b).errors == []
    with pytest.raises(motcua.MotcuaError):
        motcua.read([])
    with pytest.raises(FileNotFoundError):
        motcua.read([a, tmp_path / "nope.csv"])


def test_catalog_fills_the_level(tmp_path: Path) -> None:
    rows = tmp_path / "d.csv"
    rows.write_text(
        "MaHoSo,MaTTHC,DonViXuLy,KenhThucHien,MucDo,NgayTiepNhan,ThoiHanGiaiQuyet,TrangThaiHoSo\n"
        "H1,1.001,STP,2,,2021-07-01 09:00,3,4\n"     # level 4 from the catalog
        "H2,1.001,STP,1,,2021-07-02 09:00,3,4\n"     # level 4 from the catalog, in person
        "H3,1.002,STP,2,,2021-07-02 09:00,3,4\n"     # level 2 from the catalog
        "H4,1.002,STP,2,3,2021-07-02 09:00,3,4\n"    # its own level wins
        "H5,9.999,STP,2,,2021-07-02 09:00,3,4\n",    # not in the catalog
        encoding="utf-8",
    )
    catalog = "MaTTHC,TenTTHC,MaLinhVuc,MucDo\n1.001,Cấp phiếu lý lịch tư pháp,LLTP,4\n1.002,Chứng thực,CT,2\n"
    plain = motcua.report(motcua.read(rows), "2021-Q3").total
    assert (plain["received_level34"], plain["received_online_level34"]) == (1, 1)
    ds = motcua.read(rows, catalog=catalog)
    t = motcua.report(ds, "2021-Q3").total
    assert (t["received_level34"], t["received_online_level34"]) == (3, 2)
    assert ds.input["without_level"] == 1
    cat = tmp_path / "catalog.csv"
    cat.write_text(catalog, encoding="utf-8")
    fields = motcua.report(motcua.read(rows, catalog=cat), "2021-Q3", by="field").breakdown_frame()
    assert dict(zip(fields["field"].fillna("-"), fields["received"])) == {"CT": 2, "LLTP": 2, "-": 1}
    # a catalog applies while reading: refused for dossiers already read
    with pytest.raises(motcua.MotcuaError, match="catalog"):
        motcua.report(ds, "2021-Q3", catalog=cat)


def test_deadline_from_the_deciding_agency(tmp_path: Path) -> None:
    rows = tmp_path / "d.csv"
    # received Monday 5 July 2021, reached the deciding agency on Thursday 8 July, 3 working
    # days: due Thursday 8 July from the receipt, Tuesday 13 July from the deciding agency;
    # closed on Monday 12 July
    rows.write_text(
        "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayTiepNhanCoQuanGiaiQuyet,ThoiHanGiaiQuyet,NgayKetThucXuLy,TrangThaiHoSo\n"
        "H1,STP,2,2021-07-05 09:00,2021-07-08 09:00,3,2021-07-12 10:00,10\n",
        encoding="utf-8",
    )
    receipt = motcua.report(motcua.read(rows), "2021-Q3").total
    deciding = motcua.report(motcua.read(rows, deadline_from="deciding-agency"), "2021-Q3").total
    assert (receipt["resolved_late"], receipt["resolved_early"]) == (1, 0)
    assert (deciding["resolved_late"], deciding["resolved_early"]) == (0, 1)
    assert motcua.report(rows, "2021-Q3", deadline_from="deciding-agency").total["resolved_early"] == 1
    with pytest.raises(motcua.MotcuaError, match="deciding-agency"):
        motcua.read(rows, deadline_from="tomorrow")  # type: ignore[arg-type]


def test_a_closed_day_receipt_under_the_day_one_convention(tmp_path: Path) -> None:
    # received Saturday 3 July 2021, 3 working days: the contract's due date is Thursday 8
    # (Monday 5 is the receipt day, then Tuesday, Wednesday, Thursday); under the convention
    # Monday 5 is day 1, so it is Wednesday 7, and closing on the 8th is late
    rows = tmp_path / "d.csv"
    rows.write_text(
        "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,ThoiHanGiaiQuyet,NgayKetThucXuLy,TrangThaiHoSo\n"
        "A1,STP,2,2021-07-03 09:00,3,2021-07-08 10:00,10\n",
        encoding="utf-8",
    )
    plain = motcua.report(rows, "2021-07").total
    assert (plain["resolved_on_time"], plain["resolved_late"]) == (1, 0)
    rep = motcua.report(rows, "2021-07", conventions="closed_day_as_day_one")
    assert (rep.total["resolved_on_time"], rep.total["resolved_late"]) == (0, 1)
    assert rep.to_dict()["conventions"] == ["closed_day_as_day_one"]
    # it applies while the table is read: refused for dossiers already read
    with pytest.raises(motcua.MotcuaError, match="closed-day-as-day-one"):
        motcua.report(motcua.read(rows), "2021-07", conventions="closed_day_as_day_one")
