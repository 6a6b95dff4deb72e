"""Speed of the Python package on large data (issue 5's targets).

1. ``motcua.from_arrow`` + ``motcua.report`` on N rows held in a pyarrow Table, against
   ``motcua report`` (the CLI) on the same rows as a CSV file;
2. from the CSV file to the per-agency table: ``motcua.read`` + ``motcua.report`` +
   ``to_polars()``, against the same report written by an analyst in polars
   (``polars_report.py``).

Both comparisons check that the counts are equal. Each timing is the best of ``--repeat``
runs (wall clock), as the machine may be shared.

    cargo build --release --bin motcua
    ./target/release/motcua generate --rows 10000000 --seed 1 --output /tmp/big.csv
    python benches/python/bench_report.py /tmp/big.csv --cli ./target/release/motcua

The CSV file is generated with the CLI when it does not exist.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from typing import Any, Callable, Dict, List, Tuple

import pyarrow as pa
import pyarrow.csv as pacsv
import polars as pl

import motcua

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import polars_report  # noqa: E402


def best(fn: Callable[[], Any], repeat: int) -> Tuple[float, Any]:
    times: List[float] = []
    out = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def string_table(path: str) -> pa.Table:
    """The CSV file as a pyarrow Table of text columns (empty = null)."""
    with open(path, encoding="utf-8") as f:
        names = f.readline().strip().lstrip("\ufeff").split(",")
    return pacsv.read_csv(
        path,
        convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names}, strings_can_be_null=True),
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("csv", help="the dossier CSV file (generated when missing)")
    ap.add_argument("--rows", type=int, default=10_000_000, help="rows to generate when the file is missing")
    ap.add_argument("--period", default="2021-Q3")
    ap.add_argument("--cli", default=os.environ.get("MOTCUA_CLI", "target/release/motcua"), help="the motcua binary")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--repeat-polars", type=int, default=1, help="runs of the (slow) polars script")
    ap.add_argument("--typed", action="store_true", help="also time a table with typed columns (pyarrow's inference)")
    a = ap.parse_args()

    if not os.path.exists(a.csv):
        print(f"generating {a.rows:,} rows into {a.csv} …", flush=True)
        subprocess.run([a.cli, "generate", "--rows", str(a.rows), "--seed", "1", "--output", a.csv], check=True)

    results: Dict[str, float] = {}

    # 1. The CLI on the CSV file.
    def cli() -> Dict[str, Any]:
        out = subprocess.run(
            [a.cli, "report", "--input", a.csv, "--period", a.period, "--format", "json"],
            check=True, capture_output=True,
        )
        return json.loads(out.stdout)

    results["cli report (CSV file)"], cli_json = best(cli, a.repeat)

    # 2. from_arrow + report on a pyarrow Table held in memory.
    table = string_table(a.csv)
    rows = table.num_rows
    print(f"{rows:,} rows, {table.nbytes / 1e9:.2f} GB as a pyarrow Table of strings", flush=True)

    def arrow() -> Any:
        return motcua.report(motcua.from_arrow(table), a.period)

    results["from_arrow + report (pyarrow Table, strings)"], rep = best(arrow, a.repeat)
    assert rep.to_dict()["total"] == cli_json["total"], "from_arrow and the CLI disagree"
    assert rep.to_dict()["agencies"] == cli_json["agencies"], "from_arrow and the CLI disagree"
    if a.typed:
        typed = pacsv.read_csv(a.csv)
        print("typed table:", ", ".join(f"{f.name}: {f.type}" for f in typed.schema), flush=True)

        def arrow_typed() -> Any:
            return motcua.report(motcua.from_arrow(typed), a.period)

        results["from_arrow + report (pyarrow Table, typed)"], rep_t = best(arrow_typed, a.repeat)
        assert rep_t.to_dict()["total"] == cli_json["total"], "typed from_arrow and the CLI disagree"
        del typed
    del table

    # 3. From the CSV file to the per-agency table: motcua vs polars.
    def motcua_csv() -> pl.DataFrame:
        return motcua.report(motcua.read(a.csv), a.period).to_polars()

    results["motcua.read + report + to_polars (CSV file)"], mdf = best(motcua_csv, a.repeat)
    holidays = polars_report.vn_holidays()

    def polars_csv() -> Dict[str, pl.DataFrame]:
        return polars_report.report(a.csv, a.period, holidays)

    results["polars script (CSV file)"], pout = best(polars_csv, a.repeat_polars)
    mine = mdf.select(["agency"] + polars_report.COUNTS)
    theirs = pout[a.period]
    same = mine.equals(theirs)
    print("polars and motcua give the same counts:", same)

    print()
    w = max(len(k) for k in results)
    for k, v in results.items():
        print(f"{k:<{w}}  {v:7.2f} s  ({rows / v / 1e6:5.2f} M rows/s)")
    r1 = results["cli report (CSV file)"] / results["from_arrow + report (pyarrow Table, strings)"]
    r2 = results["polars script (CSV file)"] / results["motcua.read + report + to_polars (CSV file)"]
    print(f"\nfrom_arrow + report vs the CLI on CSV: {r1:.2f}× faster (target > 1)")
    print(f"motcua vs polars, CSV file to per-agency table: {r2:.2f}× faster (target ≥ 2)")
    return 0 if (same and r1 > 1 and r2 >= 2) else 1


if __name__ == "__main__":
    sys.exit(main())
