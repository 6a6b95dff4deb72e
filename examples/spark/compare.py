#!/usr/bin/env python3
"""Checks the Spark report against the CLI's as contract section 16 defines equality.

    python examples/spark/compare.py SPARK.json REPORT.json [SCORE.json]

REPORT.json is `motcua report --format json`; SCORE.json, when given, `motcua score --format
json`, which SPARK.json holds under `grades`. Everything must be equal, except that rejected
rows compare as a multiset of (column, kind, message): their positions are those within a
Spark partition. Exits 1 with the first difference.
"""

from __future__ import annotations

import json
import sys
from typing import Any, List, Optional, Tuple


def take_errors(v: Any) -> List[Tuple[Any, Any, Any]]:
    errors = v.get("input", {}).pop("errors", [])
    return sorted((e.get("column"), e.get("kind"), e.get("message")) for e in errors)


def difference(a: Any, b: Any, path: str = "$") -> Optional[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}.{k}: only in {'the CLI' if k in b else 'Spark'}"
            d = difference(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items in Spark, {len(b)} in the CLI"
        for i, (x, y) in enumerate(zip(a, b)):
            d = difference(x, y, f"{path}[{i}]")
            if d:
                return d
        return None
    return None if a == b else f"{path}: Spark {a!r}, the CLI {b!r}"


def main(argv: List[str]) -> int:
    if len(argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    spark = json.load(open(argv[1], encoding="utf-8"))
    want = json.load(open(argv[2], encoding="utf-8"))
    if len(argv) == 4:
        want["grades"] = json.load(open(argv[3], encoding="utf-8"))
    elif "grades" in spark:
        print("the Spark report has grades, but no score JSON was given", file=sys.stderr)
        return 1
    problems = []
    if take_errors(spark) != take_errors(want):
        problems.append("input.errors differ as (column, kind, message)")
    if "grades" in spark and "grades" in want:
        if take_errors(spark["grades"]) != take_errors(want["grades"]):
            problems.append("grades.input.errors differ as (column, kind, message)")
    d = difference(spark, want)
    if d:
        problems.append(d)
    if problems:
        for p in problems:
            print(f"{argv[1]}: {p}", file=sys.stderr)
        return 1
    t = spark["total"]
    print(f"equal: {argv[1]} = {argv[2]}{' + ' + argv[3] if len(argv) == 4 else ''} "
          f"(rows {spark['input']['rows']}, received {t['received']}, agencies {len(spark['agencies'])})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
