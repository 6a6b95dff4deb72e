"""What a source profile and grading cost: the same generated dossiers as the contract writes
them and as a SQL Server export writes them (database column names, ``NULL`` for every empty
cell: the ``sqlserver`` profile, detected), read by ``motcua report``; and ``motcua score``
against ``report`` on the contract file. Interleaved runs, medians and ratios; the counts
are checked equal first.

Two profile ratios: the SQL Server export as a whole (its file is larger: ``NULL`` in every
empty cell), and the profile's own work on the same bytes (the contract file with only its
header renamed, read through the ``sqlserver`` profile: every value still goes through the
null-token check and the mapping). Rows per second and megabytes per second both print.

    python3 benches/profiles/cost.py --cli target/release/motcua [--rows 4000000] [--runs 5]

Standard library only; not part of the test command.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from timing import counts, interleaved, parser, run  # noqa: E402

RENAMES = {"DonViXuLy": "DonViId", "TrangThaiHoSo": "TrangThaiHoSoId"}


def sqlserver_copy(src: str, dst: str) -> None:
    """The contract file as a SQL Server export: renamed columns, NULL in empty cells."""
    with open(src, encoding="utf-8", newline="") as f, open(dst, "w", encoding="utf-8", newline="") as out:
        header = f.readline().rstrip("\r\n").split(",")
        out.write(",".join(RENAMES.get(h, h) for h in header) + "\n")
        for line in f:
            # the generated files quote nothing: a plain split is exact
            cells = line.rstrip("\r\n").split(",")
            out.write(",".join(c if c else "NULL" for c in cells) + "\n")


def renamed_copy(src: str, dst: str) -> None:
    """The contract file with the database column names and nothing else changed."""
    with open(src, encoding="utf-8", newline="") as f, open(dst, "w", encoding="utf-8", newline="") as out:
        header = f.readline().rstrip("\r\n").split(",")
        out.write(",".join(RENAMES.get(h, h) for h in header) + "\n")
        while chunk := f.read(1 << 24):
            out.write(chunk)


def main() -> None:
    a = parser(__doc__).parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        contract = os.path.join(tmp, "contract.csv")
        units = os.path.join(tmp, "units.csv")
        sql = os.path.join(tmp, "sqlserver.csv")
        subprocess.run([a.cli, "generate", "--rows", str(a.rows), "--seed", "1", "--timestamps", "portal",
                        "--output", contract, "--units-output", units], check=True, capture_output=True)
        same = os.path.join(tmp, "renamed.csv")
        sqlserver_copy(contract, sql)
        renamed_copy(contract, same)
        report = lambda p: [a.cli, "report", "--input", p, "--period", a.period, "--format", "json"]
        score = [a.cli, "score", "--input", contract, "--period", a.period, "--units", units,
                 "--rulebook", "circular-01-2018", "--format", "json"]
        _, plain = run(report(contract))
        for copy in (sql, same):
            _, mapped = run(report(copy))
            if counts(plain) != counts(mapped):
                sys.exit(f"{copy} does not give the contract file's counts")
            if json.loads(mapped)["input"].get("profile") != "sqlserver":
                sys.exit(f"{copy} was not read with the sqlserver profile")
        files = {"report contract": contract, "report sqlserver": sql, "report renamed": same}
        med = interleaved({**{k: report(p) for k, p in files.items()}, "score contract": score}, a.runs)
        size = lambda p: os.path.getsize(p) / 1e6
        print(f"{a.rows} rows; contract file {size(contract):.0f} MB, sqlserver copy {size(sql):.0f} MB, "
              f"renamed copy {size(same):.0f} MB; median of {a.runs} interleaved runs")
        for k, v in med.items():
            path = files.get(k, contract)
            print(f"  {k:<18} {v:6.2f} s  {a.rows / v / 1e6:5.2f} M rows/s  {size(path) / v:6.1f} MB/s")
        c = med["report contract"]
        print(f"  profile, whole export (sqlserver ÷ contract):     {med['report sqlserver'] / c:.2f}×")
        print(f"  profile, same bytes (renamed ÷ contract):         {med['report renamed'] / c:.2f}×")
        print(f"  grading (score ÷ report):       {med['score contract'] / med['report contract']:.2f}×")


if __name__ == "__main__":
    main()
