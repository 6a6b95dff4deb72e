"""The polars pipeline of the comparison: ``benches/python/polars_report.py`` (an analyst's
script: timestamps in the contract's forms, due dates with polars' business-day functions
and the built-in calendar's holidays, the counts of contract section 5 per agency for the
quarter and the quarter before), run on its own and printing the counts as
``pipeline_common.write_counts`` does.

The holidays come from the calendar JSON that ``compare.py`` writes from
``motcua calendar --year Y --format json``. Polars' business days cannot make a weekend
date a working day, so make-up Saturdays are not handled; ``compare.py`` says so when the
calendar has any.

    python benches/compare/polars_pipeline.py big.csv 2021-Q3 calendar.json > counts.json

With ``--portal-only`` the timestamps are read in the portal's ``yyyyMMddHHmmss`` form
alone, as an analyst who knows the file would write it (polars' ``coalesce`` evaluates every
candidate form on every row, so the contract's eight forms cost about eight parses).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
import polars_report  # noqa: E402

from pipeline_common import COUNTS, write_counts  # noqa: E402


def main() -> None:
    path, period, cal_path = sys.argv[1], sys.argv[2], sys.argv[3]
    if "--portal-only" in sys.argv[4:]:
        polars_report.FORMATS_DATETIME = ["%Y%m%d%H%M%S"]
        polars_report.FORMATS_DATE = []
    with open(cal_path, encoding="utf-8") as f:
        calendar = json.load(f)
    holidays = [dt.date.fromisoformat(d) for d in calendar["holidays"]]
    t0 = time.perf_counter()
    frames = polars_report.report(path, period, holidays)
    seconds = time.perf_counter() - t0
    out = {}
    for p, df in frames.items():
        out[p] = {
            row["agency"]: {n: int(row[n]) for n in COUNTS}
            for row in df.iter_rows(named=True)
            if row["agency"] != "TOTAL"
        }
    write_counts(sys.stdout, period, out, seconds)


if __name__ == "__main__":
    main()
