"""The quarterly report as an analyst would write it in DuckDB SQL, for the comparison.

From the dossier CSV file to the per-agency counts of contract section 5, for a quarter and
the quarter before (what ``motcua report`` counts): the timestamps in the contract's forms
(``strptime`` with a list of formats), due dates from ``NgayHenTra`` or from
``ThoiHanGiaiQuyet`` working days through a calendar table joined twice (the receipt day's
rank among working days, then the working day of rank ``rank + N``, one more when the
receipt is on a day off or at or after the 17:00 cutoff, as the day of receipt is not
counted), then the counts per agency in one aggregation.

The calendar table is built from the built-in Vietnamese calendar's holidays and make-up
working days, as ``motcua calendar --year Y --format json`` prints them (``compare.py``
writes them to one JSON file). Like most analysts' queries it does not validate rows
(duplicate codes, closings before receipt, missing deadlines): on clean generated data it
gives the same counts as motcua, which ``compare.py`` checks before timing.

    python benches/compare/duckdb_report.py big.csv 2021-Q3 calendar.json > counts.json
"""

from __future__ import annotations

import json
import sys
import time

import duckdb

from pipeline_common import COUNTS, previous_quarter, quarter, write_counts

FORMATS = [
    "%Y%m%d%H%M%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%d/%m/%Y %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M",
    "%Y-%m-%d",
    "%d/%m/%Y",
]


def ts(col: str) -> str:
    """A timestamp column read in any of the contract's forms (NULL when empty)."""
    fmts = ", ".join(f"'{f}'" for f in FORMATS)
    return f"try_strptime(trim({col}), [{fmts}])"


def counts_sql(prefix: str, start: str, end: str) -> str:
    """The nineteen counts of one period, as aggregate expressions."""
    f, t = f"DATE '{start}'", f"DATE '{end}'"
    received = f"(r BETWEEN {f} AND {t})"
    resolved = f"(status IN (9, 10) AND c BETWEEN {f} AND {t})"
    rated = f"({resolved} AND rating IS NOT NULL)"
    pending = f"(r <= {t} AND (c IS NULL OR c > {t}))"
    rules = {
        "received": received,
        "received_online": f"{received} AND channel = 2",
        "received_in_person": f"{received} AND channel = 1",
        "received_postal": f"{received} AND channel = 3",
        "carried_over": f"r < {f} AND (c IS NULL OR c >= {f})",
        "resolved": resolved,
        "resolved_early": f"{resolved} AND c < d",
        "resolved_on_time": f"{resolved} AND c = d",
        "resolved_late": f"{resolved} AND c > d",
        "closed_without_result": f"status IN (7, 8) AND c BETWEEN {f} AND {t}",
        "pending": pending,
        "pending_within_due": f"{pending} AND d >= {t}",
        "pending_overdue": f"{pending} AND d < {t}",
        "received_level34": f"{received} AND level34",
        "received_online_level34": f"{received} AND level34 AND channel = 2",
        "ratings": rated,
        "ratings_very_satisfied": f"{rated} AND rating = 3",
        "ratings_satisfied": f"{rated} AND rating = 2",
        "ratings_dissatisfied": f"{rated} AND rating = 1",
    }
    assert list(rules) == COUNTS
    return ",\n  ".join(f'count_if({e}) AS "{prefix}|{n}"' for n, e in rules.items())


def calendar_sql(calendar: dict) -> str:
    """The calendar table: every date with whether it is a working day and its rank among
    working days (working days up to and including it)."""
    holidays = ", ".join(f"DATE '{d}'" for d in calendar["holidays"]) or "NULL"
    makeup = ", ".join(f"DATE '{d}'" for d in calendar["make_up_working_days"]) or "NULL"
    first, last = calendar["first"], calendar["last"]
    return f"""
CREATE TEMP TABLE cal AS
WITH days AS (
  SELECT CAST(range AS DATE) AS day
  FROM range(DATE '{first}', DATE '{last}' + INTERVAL 1 DAY, INTERVAL 1 DAY)
), flags AS (
  SELECT day,
         (isodow(day) <= 5 AND day NOT IN ({holidays})) OR day IN ({makeup}) AS working
  FROM days
)
SELECT day, working, CAST(sum(CAST(working AS INTEGER)) OVER (ORDER BY day) AS INTEGER) AS rank
FROM flags;
CREATE TEMP TABLE wd AS SELECT rank AS k, day FROM cal WHERE working;
"""


def report_sql(path: str, period: str) -> str:
    periods = [period, previous_quarter(period)]
    aggs = ",\n  ".join(counts_sql(p, *(d.isoformat() for d in quarter(p))) for p in periods)
    src = path.replace("'", "''")
    return f"""
WITH raw AS (
  SELECT DonViXuLy AS agency,
         CAST(TrangThaiHoSo AS INTEGER) AS status,
         CAST(KenhThucHien AS INTEGER) AS channel,
         coalesce(trim(MucDo) IN ('3', '4', 'mot_phan', 'toan_trinh'), false) AS level34,
         CAST(DanhGia AS INTEGER) AS rating,
         {ts("NgayTiepNhan")} AS received,
         {ts("NgayHenTra")} AS due_given,
         CAST(ThoiHanGiaiQuyet AS INTEGER) AS limit_days,
         coalesce({ts("NgayKetThucXuLy")}, {ts("NgayTra")}) AS closing
  FROM read_csv('{src}', header = true, delim = ',', quote = '"', all_varchar = true)
  WHERE CAST(TrangThaiHoSo AS INTEGER) NOT IN (1, 3)
), rows AS (
  SELECT agency, status, channel, level34, rating,
         CAST(received AS DATE) AS r,
         coalesce(CAST(due_given AS DATE), wd.day) AS d,
         CASE WHEN status >= 7 THEN CAST(closing AS DATE) END AS c
  FROM raw
  LEFT JOIN cal ON cal.day = CAST(received AS DATE)
  LEFT JOIN wd ON wd.k = cal.rank + limit_days
       + CASE WHEN cal.working AND CAST(received AS TIME) < TIME '17:00:00' THEN 0 ELSE 1 END
)
SELECT agency,
  {aggs}
FROM rows
GROUP BY agency
ORDER BY agency
"""


def report(path: str, period: str, calendar: dict) -> dict:
    con = duckdb.connect()
    con.execute(calendar_sql(calendar))
    cur = con.execute(report_sql(path, period))
    names = [c[0] for c in cur.description]
    rows = cur.fetchall()
    out = {}
    for p in (period, previous_quarter(period)):
        agencies = {}
        for row in rows:
            rec = dict(zip(names, row))
            agencies[rec["agency"]] = {n: int(rec[f"{p}|{n}"]) for n in COUNTS}
        out[p] = agencies
    return out


def main() -> None:
    path, period, cal_path = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(cal_path, encoding="utf-8") as f:
        calendar = json.load(f)
    t0 = time.perf_counter()
    out = report(path, period, calendar)
    seconds = time.perf_counter() - t0
    write_counts(sys.stdout, period, out, seconds)


if __name__ == "__main__":
    main()
