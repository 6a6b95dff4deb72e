"""Breakdowns and series (contract section 11) and dossier lists (section 12) as DataFrames,
checked against an independent pandas computation over the input rows."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any, List

import pytest

import motcua
from conftest import need

FROM, TO = dt.date(2021, 7, 1), dt.date(2021, 12, 31)
CHANNELS = {1: "in_person", 2: "online", 3: "postal"}
COUNTS = ["received", "received_online", "carried_over", "resolved", "resolved_early", "resolved_on_time", "resolved_late", "closed_without_result", "pending", "pending_overdue"]


def write_rows(path: Path, n: int = 600, seed: int = 7) -> None:
    """Dossiers received from May to December 2021, each with an explicit due date (so that
    no calendar is involved) and, when closed, a closing date."""
    rng = random.Random(seed)
    lines = ["MaHoSo,MaTTHC,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo"]
    start = dt.date(2021, 5, 1)
    for i in range(n):
        r = start + dt.timedelta(days=rng.randrange(0, 245))
        d = r + dt.timedelta(days=rng.randrange(0, 30))
        status = rng.choice([1, 2, 4, 5, 7, 8, 9, 9, 10, 10, 10])
        closed = ""
        if status in (7, 8, 9, 10):
            closed = (r + dt.timedelta(days=rng.randrange(0, 45))).isoformat()
        proc = rng.choice(["1.001", "1.002", "2.010", ""])
        lines.append(f"H{i:04d},{proc},{rng.choice(['STP', 'SYT', 'SGD'])},{rng.choice([1, 2, 3])},{r.isoformat()} 09:00,{d.isoformat()},{closed},{status}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = tmp_path_factory.mktemp("bd") / "rows.csv"
    write_rows(p)
    return p


def frame(path: Path) -> Any:
    """The input rows in pandas: received dossiers with their dates and channel names."""
    pd = need("pandas")
    df = pd.read_csv(path, dtype={"MaTTHC": str, "MaHoSo": str}, keep_default_na=False)
    df = df[~df["TrangThaiHoSo"].isin([1, 3])].copy()
    df["r"] = pd.to_datetime(df["NgayTiepNhan"]).dt.date
    df["d"] = pd.to_datetime(df["NgayHenTra"]).dt.date
    df["c"] = df["NgayKetThucXuLy"].map(lambda s: dt.date.fromisoformat(s) if s else None)
    df["channel"] = df["KenhThucHien"].map(CHANNELS)
    df["procedure"] = df["MaTTHC"].map(lambda s: s or None)
    return df


def counts(df: Any, lo: dt.date, hi: dt.date) -> Any:
    """Contract section 5, row by row, for the period [lo, hi]."""
    pd = need("pandas")
    closed = df["c"].map(lambda c: c is not None)
    cf = df["c"].map(lambda c: c or dt.date.max)  # open dossiers close after every period
    c_in = closed & (cf >= lo) & (cf <= hi)
    resolved = df["TrangThaiHoSo"].isin([9, 10]) & c_in
    pending = (df["r"] <= hi) & (cf > hi)
    out = pd.DataFrame({
        "received": (df["r"] >= lo) & (df["r"] <= hi),
        "carried_over": (df["r"] < lo) & (cf >= lo),
        "resolved": resolved,
        "resolved_early": resolved & (cf < df["d"]),
        "resolved_on_time": resolved & (cf == df["d"]),
        "resolved_late": resolved & (cf > df["d"]),
        "closed_without_result": df["TrangThaiHoSo"].isin([7, 8]) & c_in,
        "pending": pending,
        "pending_overdue": pending & (df["d"] < hi),
    })
    out["received_online"] = out["received"] & (df["KenhThucHien"] == 2)
    return out.astype(int)


def months(lo: dt.date, hi: dt.date) -> List[tuple]:
    out = []
    m = lo.replace(day=1)
    while m <= hi:
        nxt = (m.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        out.append((m, nxt - dt.timedelta(days=1)))
        m = nxt
    return out


def test_breakdown_frame_by_procedure_and_channel(rows: Path) -> None:
    pd = need("pandas")
    pl = need("polars")
    rep = motcua.report(rows, (FROM, TO), by=["procedure", "channel"])
    bf = rep.breakdown_frame()
    assert list(bf.columns[:2]) == ["procedure", "channel"]
    df = frame(rows)
    c = counts(df, FROM, TO)
    c["procedure"] = df["procedure"].fillna("∅")
    c["channel"] = df["channel"]
    expected = c.groupby(["procedure", "channel"])[COUNTS].sum().reset_index()
    got = bf.assign(procedure=bf["procedure"].fillna("∅"))
    merged = expected.merge(got, on=["procedure", "channel"], suffixes=("_pd", ""), how="outer", indicator=True)
    assert (merged["_merge"] == "both").all(), merged[merged["_merge"] != "both"]
    for k in COUNTS:
        assert (merged[k] == merged[f"{k}_pd"]).all(), k
    # rows add up to the total; the null procedure comes last (contract 11)
    for k in COUNTS:
        assert bf[k].sum() == rep.total[k], k
    assert bf["procedure"].isna().tolist()[-3:] == [True, True, True]
    assert isinstance(rep.breakdown_frame("polars"), pl.DataFrame)
    assert rep.breakdown_frame("arrow").num_rows == len(bf)
    assert isinstance(bf, pd.DataFrame)


def test_series_frame_by_month(rows: Path) -> None:
    need("pandas")
    rep = motcua.report(rows, (FROM, TO), every="month")
    df = frame(rows)
    total = rep.series_frame(of="total")
    steps = months(FROM, TO)
    assert [(f, t) for f, t in zip(total["from"], total["to"])] == steps
    for (lo, hi), (_, got) in zip(steps, total.iterrows()):
        c = counts(df, lo, hi).sum()
        for k in COUNTS:
            assert got[k] == c[k], (lo, k)
    per_agency = rep.series_frame()
    assert list(per_agency.columns[:4]) == ["from", "to", "agency", "name"]
    assert len(per_agency) == len(steps) * 3
    for (lo, hi) in steps:
        c = counts(df, lo, hi)
        c["agency"] = df["DonViXuLy"]
        by = c.groupby("agency")[COUNTS].sum()
        step = per_agency[per_agency["from"] == lo].set_index("agency")
        for k in COUNTS:
            assert step[k].to_dict() == by[k].to_dict(), (lo, k)
    with pytest.raises(motcua.MotcuaError, match="no breakdown"):
        rep.breakdown_frame()


def test_series_with_a_breakdown(rows: Path) -> None:
    need("pandas")
    rep = motcua.report(rows, (FROM, TO), every="quarter", by="channel")
    sf = rep.series_frame()
    assert list(sf.columns[:3]) == ["from", "to", "channel"]
    df = frame(rows)
    for lo, hi in [(dt.date(2021, 7, 1), dt.date(2021, 9, 30)), (dt.date(2021, 10, 1), dt.date(2021, 12, 31))]:
        c = counts(df, lo, hi)
        c["channel"] = df["channel"]
        by = c.groupby("channel")[COUNTS].sum()
        step = sf[sf["from"] == lo].set_index("channel")
        for k in COUNTS:
            assert step[k].to_dict() == by[k].to_dict(), (lo, k)
    with pytest.raises(motcua.MotcuaError, match="no series"):
        motcua.report(rows, (FROM, TO)).series_frame()


def test_lists_are_the_dossiers_behind_the_counts(rows: Path) -> None:
    pd = need("pandas")
    pl = need("polars")
    assert motcua.list is motcua.list_dossiers
    df = frame(rows)
    c = counts(df, FROM, TO)
    rep = motcua.report(rows, (FROM, TO))
    for count in ("pending_overdue", "resolved_late", "received_online"):
        lst = motcua.list(rows, count, (FROM, TO))
        assert isinstance(lst, motcua.DossierList) and lst.count == count
        expected = sorted(df.loc[c[count] == 1, "MaHoSo"])
        assert len(lst) == len(expected) == rep.total[count]
        t = lst.to_pandas()
        assert isinstance(t, pd.DataFrame) and t["code"].tolist() == expected
        assert list(t.columns) == ["code", "line", "agency", "procedure", "official", "channel", "status", "received", "due", "closed", "working_days_late"]
        d = df.set_index("MaHoSo").loc[expected]
        assert t["due"].tolist() == d["d"].tolist()
        assert t["agency"].tolist() == d["DonViXuLy"].tolist()
        assert lst.to_dict()["dossiers"][0]["code"] == expected[0]
    stp = motcua.list(rows, "pending", (FROM, TO), agency="STP", channel="online")
    mask = (c["pending"] == 1) & (df["DonViXuLy"] == "STP") & (df["channel"] == "online")
    assert stp.to_polars()["code"].to_list() == sorted(df.loc[mask, "MaHoSo"])
    assert isinstance(stp.to_polars(), pl.DataFrame) and stp.to_arrow().num_rows == len(stp)
    assert "Mã hồ sơ" in stp._repr_html_()
