"""What the three pipelines of the comparison share: the counts, the quarters, and the
one JSON shape in which each prints its result for ``compare.py`` to check."""

from __future__ import annotations

import datetime as dt
import json
from typing import IO, Dict, List, Tuple

# The counts of contract section 5, in the contract's order.
COUNTS: List[str] = [
    "received",
    "received_online",
    "received_in_person",
    "received_postal",
    "carried_over",
    "resolved",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "closed_without_result",
    "pending",
    "pending_within_due",
    "pending_overdue",
    "received_level34",
    "received_online_level34",
    "ratings",
    "ratings_very_satisfied",
    "ratings_satisfied",
    "ratings_dissatisfied",
]

Counts = Dict[str, int]
# period -> agency code -> counts
PerAgency = Dict[str, Dict[str, Counts]]


def quarter(text: str) -> Tuple[dt.date, dt.date]:
    """`2021-Q3` → (2021-07-01, 2021-09-30)."""
    year, q = text.split("-Q")
    y, n = int(year), int(q)
    start = dt.date(y, 3 * n - 2, 1)
    end = dt.date(y + (n == 4), (3 * n) % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


def previous_quarter(text: str) -> str:
    year, q = text.split("-Q")
    y, n = int(year), int(q)
    return f"{y - 1}-Q4" if n == 1 else f"{y}-Q{n - 1}"


def write_counts(out: IO[str], period: str, per_agency: PerAgency, seconds: float) -> None:
    """Prints `{"period", "seconds", "counts": {period: {agency: counts}}}` as one line."""
    json.dump({"period": period, "seconds": seconds, "counts": per_agency}, out, sort_keys=True)
    out.write("\n")
