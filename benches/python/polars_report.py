"""The quarterly report as an analyst would write it in polars, for the speed comparison.

From the dossier CSV file to the per-agency table of contract section 5, for a quarter and
the quarter before (what ``motcua report`` counts): timestamps in the contract's forms, due
dates from ``NgayHenTra`` or from ``ThoiHanGiaiQuyet`` working days with polars'
business-day functions and the holidays of the built-in Vietnamese calendar (the receipt
cutoff at 17:00 and receipts on days off move the start; the day of receipt is not
counted), then the counts per agency.

Like most analysts' scripts it does not validate rows (duplicate codes, closings before
receipt, missing deadlines): on clean data, such as ``motcua generate --rows N``, it gives
the same counts as motcua, which ``bench_report.py`` checks. Polars' business days cannot
make a weekend date a working day, so make-up Saturdays ("làm bù") are not handled; the
built-in calendar has none in 2020–2023.

    python benches/python/polars_report.py big.csv 2021-Q3
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from typing import Dict, List

import polars as pl

# the counts and quarters every pipeline of benches/compare/ shares
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "compare"))
from pipeline_common import COUNTS, previous_quarter, quarter  # noqa: E402

FORMATS_DATETIME = ["%Y-%m-%d %H:%M:%S", "%Y%m%d%H%M%S", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"]
FORMATS_DATE = ["%Y-%m-%d", "%d/%m/%Y"]


def timestamp(col: str) -> pl.Expr:
    c = pl.col(col).str.strip_chars()
    parts = [c.str.strptime(pl.Datetime("us"), f, strict=False) for f in FORMATS_DATETIME]
    parts += [c.str.strptime(pl.Date, f, strict=False).cast(pl.Datetime("us")) for f in FORMATS_DATE]
    return pl.coalesce(parts)


def prepare(path: str, holidays: List[dt.date]) -> pl.LazyFrame:
    """Reads the CSV and computes each dossier's receipt, due and closing dates. Each
    timestamp column is parsed once, then the dates are derived from the parsed columns."""
    lf = pl.scan_csv(path, infer_schema=False)
    status = pl.col("TrangThaiHoSo").cast(pl.Int32)
    parsed = lf.with_columns(status.alias("status")).filter(~pl.col("status").is_in([1, 3])).with_columns(
        timestamp("NgayTiepNhan").alias("received_ts"),
        timestamp("NgayHenTra").dt.date().alias("due_given"),
        pl.coalesce([timestamp("NgayKetThucXuLy"), timestamp("NgayTra")]).dt.date().alias("closing"),
    )
    received = pl.col("received_ts")
    d0 = received.dt.date()
    late = received.dt.time() >= dt.time(17, 0)
    late_on_working_day = (late & d0.dt.is_business_day(holidays=holidays)).cast(pl.Int32)
    limit = pl.col("ThoiHanGiaiQuyet").cast(pl.Int32)
    computed_due = d0.dt.add_business_days(limit + late_on_working_day, holidays=holidays, roll="forward")
    due = pl.coalesce([pl.col("due_given"), computed_due])
    level = pl.col("MucDo").str.strip_chars()
    return parsed.select(
        pl.col("DonViXuLy").alias("agency"),
        pl.col("status"),
        pl.col("KenhThucHien").cast(pl.Int32).alias("channel"),
        level.is_in(["3", "4", "mot_phan", "toan_trinh"]).fill_null(False).alias("level34"),
        pl.col("DanhGia").cast(pl.Int32).alias("rating"),
        d0.alias("r"),
        due.alias("d"),
        pl.when(pl.col("status") >= 7).then(pl.col("closing")).alias("c"),
    )


def counts(lf: pl.LazyFrame, start: dt.date, end: dt.date) -> List[pl.Expr]:
    r, c, d = pl.col("r"), pl.col("c"), pl.col("d")
    status, channel = pl.col("status"), pl.col("channel")
    received = (r >= start) & (r <= end)
    resolved = status.is_in([9, 10]) & (c >= start) & (c <= end)
    rated = resolved & pl.col("rating").is_not_null()
    pending = (r <= end) & (c.is_null() | (c > end))
    exprs = {
        "received": received,
        "received_online": received & (channel == 2),
        "received_in_person": received & (channel == 1),
        "received_postal": received & (channel == 3),
        "carried_over": (r < start) & (c.is_null() | (c >= start)),
        "resolved": resolved,
        "resolved_early": resolved & (c < d),
        "resolved_on_time": resolved & (c == d),
        "resolved_late": resolved & (c > d),
        "closed_without_result": status.is_in([7, 8]) & (c >= start) & (c <= end),
        "pending": pending,
        "pending_within_due": pending & (d >= end),
        "pending_overdue": pending & (d < end),
        "received_level34": received & pl.col("level34"),
        "received_online_level34": received & pl.col("level34") & (channel == 2),
        "ratings": rated,
        "ratings_very_satisfied": rated & (pl.col("rating") == 3),
        "ratings_satisfied": rated & (pl.col("rating") == 2),
        "ratings_dissatisfied": rated & (pl.col("rating") == 1),
    }
    return [e.fill_null(False).sum().cast(pl.Int64).alias(name) for name, e in exprs.items()]


def report(path: str, period: str, holidays: List[dt.date]) -> Dict[str, pl.DataFrame]:
    """The per-agency counts of `period` and of the quarter before, with a TOTAL row."""
    lf = prepare(path, holidays)
    out = {}
    frames = []
    for p in (period, previous_quarter(period)):
        start, end = quarter(p)
        frames.append((p, counts(lf, start, end)))
    df = lf.group_by("agency").agg(
        [e.alias(f"{p}|{e.meta.output_name()}") for p, exprs in frames for e in exprs]
    ).sort("agency").collect()
    for p, _ in frames:
        cols = [f"{p}|{n}" for n in COUNTS]
        t = df.select(["agency"] + cols).rename({f"{p}|{n}": n for n in COUNTS})
        total = t.select(pl.lit("TOTAL").alias("agency"), *[pl.col(n).sum() for n in COUNTS])
        out[p] = pl.concat([t, total])
    return out


def vn_holidays() -> List[dt.date]:
    """The days off of the built-in Vietnamese calendar, 2019–2024 (the analyst's holiday
    list; taken from motcua so that both sides use the same days)."""
    import motcua

    cal = motcua.Calendar.vn()
    return [d for y in range(2019, 2025) for d, _ in cal.holidays(y)]


def main() -> None:
    path = sys.argv[1]
    period = sys.argv[2] if len(sys.argv) > 2 else "2021-Q3"
    holidays = vn_holidays()
    t0 = time.perf_counter()
    out = report(path, period, holidays)
    t1 = time.perf_counter()
    print(out[period])
    print(f"polars: {t1 - t0:.2f} s")


if __name__ == "__main__":
    main()
