"""motcua report built from several revisions of this repository, timed on the same file.

What a change costs, measured side by side: each revision is checked out in a git worktree
under target/bench-revisions/, built there (`cargo build --release --bin motcua`, one shared
target directory, target/bench-revisions/target or $CARGO_TARGET_DIR, so dependencies are
built once), and its binary copied out. The file is
generated once by the first revision (`motcua generate --rows N --seed 1`) unless --input
names one. Every binary must give the same counts, then the runs are interleaved and the
medians, the peak memory (`/usr/bin/time`) and each revision's time against the first are
printed.

    python3 benches/revisions.py 19c7b6e 14ecb83 --rows 10000000 --runs 7

Standard library only; not part of the test command.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import statistics
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from timing import counts, run  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent


def build(rev: str, work: pathlib.Path) -> pathlib.Path:
    """The release binary of `rev`, built in its own worktree."""
    sha = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short=12", rev],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    out = work / f"motcua-{sha}"
    if out.exists():
        return out
    tree = work / "trees" / sha
    if not tree.exists():
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), sha],
            check=True, capture_output=True,
        )
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", work / "target"))
    env = dict(os.environ, CARGO_TARGET_DIR=str(target))
    print(f"building {rev} ({sha}) …", file=sys.stderr)
    subprocess.run(
        ["cargo", "build", "--quiet", "--release", "--bin", "motcua"],
        cwd=tree, env=env, check=True,
    )
    (target / "release" / "motcua").replace(out)
    return out


def peak_mib(cmd: list[str]) -> float:
    """Peak resident memory of one run, in MiB."""
    res = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *cmd], check=True, capture_output=True, text=True
    )
    return int(res.stderr.strip().splitlines()[-1]) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("revisions", nargs="+", help="git revisions; the first is the baseline")
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--period", default="2021-Q3")
    ap.add_argument("--input", help="a dossier file to read instead of a generated one")
    a = ap.parse_args()

    work = ROOT / "target" / "bench-revisions"
    work.mkdir(parents=True, exist_ok=True)
    bins = {rev: build(rev, work) for rev in a.revisions}
    data = pathlib.Path(a.input) if a.input else work / f"dossiers-{a.rows}.csv"
    if not data.exists():
        first = bins[a.revisions[0]]
        print(f"generating {a.rows:,} rows into {data} …", file=sys.stderr)
        subprocess.run(
            [str(first), "generate", "--rows", str(a.rows), "--seed", "1", "--output", str(data)],
            check=True, capture_output=True,
        )
    cmds = {
        rev: [str(b), "report", "--input", str(data), "--period", a.period, "--format", "json"]
        for rev, b in bins.items()
    }
    expected = None
    for rev, cmd in cmds.items():
        got = counts(run(cmd)[1])
        if expected is None:
            expected = got
        elif got != expected:
            sys.exit(f"{rev} gives other counts than {a.revisions[0]}: {got} ≠ {expected}")
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for i in range(a.runs):
        order = list(cmds)[i % len(cmds):] + list(cmds)[: i % len(cmds)]
        for rev in order:
            times[rev].append(run(cmds[rev])[0])
        print(f"run {i + 1}/{a.runs}: " + ", ".join(f"{r} {times[r][-1]:.2f} s" for r in order),
              file=sys.stderr)
    base = statistics.median(times[a.revisions[0]])
    size = data.stat().st_size / 1e6
    print(f"\n{data.name}: {size:,.0f} MB, {expected['rows']:,} rows, {a.runs} interleaved runs\n")
    print("| revision | median s | min s | max s | peak MiB | time ÷ first |")
    print("|---|---|---|---|---|---|")
    for rev, t in times.items():
        med = statistics.median(t)
        print(f"| {rev} | {med:.3f} | {min(t):.3f} | {max(t):.3f} | "
              f"{peak_mib(cmds[rev]):.0f} | {med / base:.3f} |")


if __name__ == "__main__":
    main()
