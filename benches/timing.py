"""What the command-line benchmarks share: running a command and timing it, the counts that
must agree before timing, the common options, and interleaved runs with their medians.
Standard library only."""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import time


def run(cmd: list[str]) -> tuple[float, bytes]:
    """Wall time of one run of `cmd`, and its standard output."""
    started = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True).stdout
    return time.perf_counter() - started, out


def counts(report: bytes) -> dict:
    """What two readings of the same dossiers must agree on: the totals and the rows."""
    v = json.loads(report)
    return {"total": v["total"], "rows": v["input"]["rows"], "used": v["input"]["used"]}


def parser(doc: str) -> argparse.ArgumentParser:
    """The options every benchmark takes: the command, the rows to generate, the runs."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--cli", required=True)
    ap.add_argument("--rows", type=int, default=4_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--period", default="2021")
    return ap


def interleaved(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """The median wall time of each command, run in turn `runs` times (so that a change in
    the machine's load falls on all of them alike)."""
    times: dict[str, list[float]] = {k: [] for k in commands}
    for _ in range(runs):
        for k, cmd in commands.items():
            times[k].append(run(cmd)[0])
    return {k: statistics.median(v) for k, v in times.items()}
