"""Columnar input against CSV: the same generated dossiers as CSV, as Parquet and as Arrow
IPC, read by ``motcua report``. Interleaved runs, medians, rows per second and the ratio to
the CSV path; the reports' counts are checked equal first.

Two columnar forms: ``typed`` (what a database or a Spark job writes: codes as dictionary
strings, numbers as integers, timestamps as timestamps) and ``text`` (every column a
string, as a CSV converted column for column).

    target/python/test-venv/bin/python benches/columnar/speed.py --cli target/release/motcua \
        [--rows 4000000] [--runs 5]

Needs pyarrow (the Python test environment has it); not part of the test command.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.feather as feather
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from timing import counts, interleaved, parser, run  # noqa: E402

TIMESTAMPS = ["NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "NgayTra"]
INTEGERS = ["KenhThucHien", "MucDo", "ThoiHanGiaiQuyet", "TrangThaiHoSo", "SoLanBoSung", "DanhGia",
            "SoCoQuanLienHe"]
CODES = ["MaTTHC", "DonViXuLy", "CanBoTiepNhan"]


def tables(csv_path: str) -> tuple[pa.Table, pa.Table]:
    """The CSV as strings, and typed: a column takes its type only when every value
    converts (the generated data has the odd bad value that a real export has too)."""
    header = open(csv_path, encoding="utf-8").readline().rstrip("\r\n").split(",")
    text = pacsv.read_csv(csv_path, convert_options=pacsv.ConvertOptions(
        column_types={c: pa.string() for c in header}, strings_can_be_null=True))
    typed = text
    for i, c in enumerate(text.column_names):
        col = text.column(c)
        try:
            if c in INTEGERS:
                col = pc.cast(col, pa.int64())
            elif c in TIMESTAMPS:
                col = pc.strptime(col, format="%Y%m%d%H%M%S", unit="s")
            elif c in CODES:
                col = col.dictionary_encode()
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            continue
        typed = typed.set_column(i, c, col)
    return text, typed


def main() -> None:
    a = parser(__doc__).parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = os.path.join(tmp, "dossiers.csv")
        subprocess.run([a.cli, "generate", "--rows", str(a.rows), "--seed", "1", "--timestamps", "portal",
                        "--output", csv_path], check=True, capture_output=True)
        text, typed = tables(csv_path)
        files = {"csv": csv_path}
        for name, table in (("text", text), ("typed", typed)):
            files[f"parquet {name}"] = os.path.join(tmp, f"{name}.parquet")
            pq.write_table(table, files[f"parquet {name}"], row_group_size=1 << 17)
            files[f"arrow {name}"] = os.path.join(tmp, f"{name}.arrow")
            feather.write_feather(table, files[f"arrow {name}"], compression="uncompressed")
        cmd = lambda p: [a.cli, "report", "--input", p, "--period", a.period, "--format", "json"]
        want = counts(run(cmd(csv_path))[1])
        for name, path in files.items():
            got = counts(run(cmd(path))[1])
            if got != want:
                raise SystemExit(f"{name}: counts differ from the CSV's: {got} != {want}")
        med = interleaved({name: cmd(path) for name, path in files.items()}, a.runs)
        print(f"{a.rows} rows; pyarrow {pa.__version__}; median of {a.runs} interleaved runs; counts equal")
        base = med["csv"]
        for name, path in files.items():
            t = med[name]
            mb = os.path.getsize(path) / 1e6
            print(f"  {name:15} {t:6.2f} s  {a.rows / t / 1e6:5.2f} M rows/s  {mb:7.1f} MB  "
                  f"{base / t:4.2f}× the CSV path's rows/s")


if __name__ == "__main__":
    main()
