"""motcua, DuckDB and polars side by side on the same generated dossier files.

For each file (the portal's timestamps, then the mixed forms of today's default):

1. each pipeline runs once, untimed (this also brings the file into the page cache), and
   their counts are checked equal: the nineteen counts of contract section 5 for every
   agency in the quarter, and the totals of the quarter before;
2. the pipelines run ``--runs`` times, interleaved (each round in a rotated order, so a
   slow moment of the machine falls on all of them alike); each run is its own process,
   timed by the wall clock around it and measured by ``/usr/bin/time`` for its peak
   resident memory; every timed run's counts are checked again;
3. a table prints the medians, the peak memory and the ratios to motcua.

``run.sh`` builds the command, makes the virtual environment with the pinned DuckDB and
polars, and calls this script; see ``README.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from pipeline_common import COUNTS, PerAgency, previous_quarter  # noqa: E402

# The years whose holidays the DuckDB and polars pipelines are given, and the years the
# generated data touches (received in 2021–2022, due up to 2023).
CALENDAR_YEARS = range(2019, 2026)
DATA_YEARS = ("2020", "2023")


@dataclass
class Pipeline:
    name: str
    argv: List[str]
    # motcua prints its report JSON; the others print pipeline_common's shape
    motcua: bool = False


@dataclass
class Runs:
    wall: List[float] = field(default_factory=list)
    inner: List[float] = field(default_factory=list)
    rss_kib: List[int] = field(default_factory=list)


def sh(argv: List[str]) -> str:
    return subprocess.run(argv, check=True, capture_output=True, text=True).stdout


def generate(cli: str, path: str, rows: int, form: str) -> None:
    if os.path.exists(path):
        return
    print(f"generating {rows:,} rows with {form} timestamps into {path} …", flush=True)
    tmp = path + ".part"
    subprocess.run(
        [cli, "generate", "--rows", str(rows), "--seed", "1", "--timestamps", form, "--output", tmp],
        check=True,
    )
    os.replace(tmp, path)


def write_calendar(cli: str, path: str) -> bool:
    """The built-in calendar's days off and make-up working days, from `motcua calendar`.
    Returns whether the data's years have make-up working days (polars cannot model them)."""
    holidays: List[str] = []
    makeup: List[str] = []
    for y in CALENDAR_YEARS:
        year = json.loads(sh([cli, "calendar", "--year", str(y), "--format", "json"]))
        holidays += [h["date"] for h in year["holidays"]]
        makeup += list(year["make_up_working_days"])
    cal = {
        "first": f"{CALENDAR_YEARS[0]}-01-01",
        "last": f"{CALENDAR_YEARS[-1]}-12-31",
        "holidays": sorted(set(holidays)),
        "make_up_working_days": sorted(set(makeup)),
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(cal, f, indent=1)
    return any(DATA_YEARS[0] <= d[:4] <= DATA_YEARS[1] for d in makeup)


def from_motcua(report: dict, period: str) -> Tuple[PerAgency, dict]:
    """motcua's report JSON as per-agency counts of the period (and its input summary)."""
    out: PerAgency = {period: {a["agency"]: {n: a[n] for n in COUNTS} for a in report["agencies"]}}
    prev = report.get("previous")
    if prev is not None:
        out[previous_quarter(period)] = {"TOTAL": {n: prev["total"][n] for n in COUNTS}}
    out[period]["TOTAL"] = {n: report["total"][n] for n in COUNTS}
    return out, report["input"]


def with_totals(counts: PerAgency) -> PerAgency:
    out: PerAgency = {}
    for p, agencies in counts.items():
        out[p] = dict(agencies)
        out[p]["TOTAL"] = {n: sum(a[n] for a in agencies.values()) for n in COUNTS}
    return out


def differences(ref: PerAgency, other: PerAgency) -> List[str]:
    """Where `other` differs from motcua's counts (each of motcua's figures must be there)."""
    diffs = []
    for p, agencies in ref.items():
        for agency, counts in agencies.items():
            theirs = other.get(p, {}).get(agency)
            if theirs is None:
                diffs.append(f"{p} {agency}: missing")
                continue
            for n in COUNTS:
                if counts[n] != theirs[n]:
                    diffs.append(f"{p} {agency} {n}: motcua {counts[n]}, here {theirs[n]}")
        extra = set(other.get(p, {})) - set(agencies)
        if p in other and len(agencies) > 1 and extra:
            diffs.append(f"{p}: agencies motcua does not list: {sorted(extra)}")
    return diffs


def run_once(p: Pipeline, period: str) -> Tuple[float, Optional[float], int, PerAgency, Optional[dict]]:
    """One run in its own process: wall seconds, the pipeline's own seconds (DuckDB and
    polars: without starting Python and importing), peak RSS in KiB, counts."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        argv = ["/usr/bin/time", "-f", "%M", "-o", tf.name] + p.argv
        t0 = time.perf_counter()
        proc = subprocess.run(argv, capture_output=True)
        wall = time.perf_counter() - t0
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr.decode(errors="replace"))
            raise SystemExit(f"{p.name} failed (exit {proc.returncode})")
        rss = int(tf.read().strip().splitlines()[-1])
    out = json.loads(proc.stdout)
    if p.motcua:
        counts, summary = from_motcua(out, period)
        return wall, None, rss, counts, summary
    return wall, float(out["seconds"]), rss, with_totals(out["counts"]), None


def fmt_s(x: float) -> str:
    return f"{x:.3f}"


def bench_file(path: str, rows: int, form: str, pipelines: List[Pipeline], period: str, runs: int) -> dict:
    size = os.path.getsize(path)
    print(f"\n## {os.path.basename(path)}: {rows:,} rows, {size / 1e6:.0f} MB "
          f"({size / rows:.0f} bytes a row), {form} timestamps, period {period}", flush=True)

    # 1. equality, before any timing
    ref: Optional[PerAgency] = None
    for p in pipelines:
        _, _, _, counts, summary = run_once(p, period)
        if p.motcua:
            ref = counts
            if summary["rejected"] != 0:
                raise SystemExit(f"motcua rejected {summary['rejected']} rows: the pipelines would differ by design")
            print(f"motcua: {summary['used']:,} dossiers used, {summary['not_received']:,} not received, "
                  f"{len(counts[period]) - 1} agencies")
            continue
        assert ref is not None, "motcua runs first"
        diffs = differences(ref, counts)
        if diffs:
            print(f"{p.name} differs from motcua:\n  " + "\n  ".join(diffs[:20]))
            raise SystemExit(1)
        print(f"{p.name}: the same counts as motcua ({len(ref[period]) - 1} agencies × {len(COUNTS)} counts"
              f"{', and the previous quarter' if len(ref) > 1 else ''})", flush=True)

    # 2. interleaved timed runs
    results: Dict[str, Runs] = {p.name: Runs() for p in pipelines}
    for k in range(runs):
        order = pipelines[k % len(pipelines):] + pipelines[: k % len(pipelines)]
        line = []
        for p in order:
            wall, inner, rss, counts, _ = run_once(p, period)
            if differences(ref, counts):
                raise SystemExit(f"{p.name} gave other counts in timed run {k + 1}")
            r = results[p.name]
            r.wall.append(wall)
            r.rss_kib.append(rss)
            if inner is not None:
                r.inner.append(inner)
            line.append(f"{p.name} {wall:.2f} s")
        print(f"run {k + 1}/{runs}: " + ", ".join(line), flush=True)

    # 3. the table
    base = statistics.median(results[pipelines[0].name].wall)
    base_rss = max(results[pipelines[0].name].rss_kib)
    header = ["pipeline", "median s", "min s", "max s", "M rows/s", "in-process s", "peak MiB", "time ÷ motcua", "memory ÷ motcua"]
    table = []
    summary_rows = {}
    for p in pipelines:
        r = results[p.name]
        med = statistics.median(r.wall)
        peak = max(r.rss_kib)
        inner = statistics.median(r.inner) if r.inner else med
        table.append([
            p.name, fmt_s(med), fmt_s(min(r.wall)), fmt_s(max(r.wall)), f"{rows / med / 1e6:.2f}",
            fmt_s(inner), f"{peak / 1024:.0f}", f"{med / base:.2f}", f"{peak / base_rss:.2f}",
        ])
        summary_rows[p.name] = {
            "wall_s": r.wall, "median_s": med, "in_process_median_s": inner,
            "peak_rss_mib": peak / 1024, "time_ratio_to_motcua": med / base,
        }
    widths = [max(len(h), *(len(row[i]) for row in table)) for i, h in enumerate(header)]
    print()
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in table:
        print("| " + " | ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))) + " |")
    names = [p.name for p in pipelines]
    for n in names[1:]:
        print(f"{n} / motcua: {summary_rows[n]['time_ratio_to_motcua']:.2f}× the time")
    return {"file": os.path.basename(path), "rows": rows, "bytes": size, "timestamps": form, "pipelines": summary_rows}


def machine() -> Dict[str, str]:
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            model = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), "")
    except OSError:
        pass
    return {"cpu": model, "cores": str(os.cpu_count()), "system": platform.platform()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", required=True, help="the motcua binary (release build)")
    ap.add_argument("--rows", type=int, default=4_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--period", default="2021-Q3")
    ap.add_argument("--data-dir", required=True, help="where the generated files are kept")
    ap.add_argument("--timestamps", default="portal,mixed", help="the files to compare, by timestamp form")
    ap.add_argument("--json", help="also write the figures to this file")
    a = ap.parse_args()

    os.makedirs(a.data_dir, exist_ok=True)
    py = sys.executable
    import duckdb  # noqa: F401  (the versions below, and a clear error if missing)
    import polars

    versions = {
        "motcua": sh([a.cli, "--version"]).strip(),
        "duckdb": duckdb.__version__,
        "polars": polars.__version__,
        "python": platform.python_version(),
    }
    info = machine()
    print(f"# {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, {info['cores']} cores ({info['cpu']}), {info['system']}")
    print("# " + ", ".join(f"{k} {v}" for k, v in versions.items()))
    load0 = os.getloadavg()
    print(f"# load average before the runs: {load0[0]:.2f} {load0[1]:.2f} {load0[2]:.2f}"
          + (" (something else is running: absolute times suffer, interleaved ratios much less)" if load0[0] > 0.5 else ""))

    cal = os.path.join(a.data_dir, "calendar-vn.json")
    if write_calendar(a.cli, cal):
        print("# note: the data's years have make-up working days; polars' business days cannot model them")
    figures = []
    for form in a.timestamps.split(","):
        path = os.path.join(a.data_dir, f"dossiers-{form}-{a.rows}.csv")
        generate(a.cli, path, a.rows, form)
        pipelines = [
            Pipeline("motcua", [a.cli, "report", "--input", path, "--period", a.period, "--format", "json"], motcua=True),
            Pipeline("DuckDB", [py, os.path.join(HERE, "duckdb_report.py"), path, a.period, cal]),
            Pipeline("polars", [py, os.path.join(HERE, "polars_pipeline.py"), path, a.period, cal]),
        ]
        if form == "portal":
            pipelines.append(Pipeline(
                "polars (portal form only)",
                [py, os.path.join(HERE, "polars_pipeline.py"), path, a.period, cal, "--portal-only"],
            ))
        figures.append(bench_file(path, a.rows, form, pipelines, a.period, a.runs))
    load1 = os.getloadavg()
    print(f"\n# load average at the end: {load1[0]:.2f} {load1[1]:.2f} {load1[2]:.2f}")
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump({"date": dt.datetime.now(dt.timezone.utc).isoformat(), "machine": info,
                       "versions": versions, "load": [load0, load1], "runs": a.runs, "files": figures}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
