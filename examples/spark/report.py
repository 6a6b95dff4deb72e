#!/usr/bin/env python3
"""The period report (contract section 7) and the grades of a dossier table, on Apache Spark.

    python examples/spark/report.py --input PATH (--period P | --from D --to D)
        [--calendar FILE.toml] [--units FILE] [--rulebook NAME] [--by KEYS] [--every STEP]
        [--master local[2]] [--partitions N] --output OUT.json

PATH is a CSV or Parquet file, or a directory of them (``*.csv`` or ``*.parquet``, all with
the same columns), or a URI that Spark reads (``--input-format`` then tells the format of a
directory). Spark reads the table and repartitions it by a hash of ``MaHoSo``, so that
every row of one dossier code lands in one partition, sorted in input order (file name, then
position in the file); each partition becomes a partial aggregate on an executor
(``mapInArrow`` → ``motcua.partial``), and the driver merges them (``motcua.merge_json``) into
exactly the JSON that ``motcua report --format json`` prints, with the grades of
``motcua score --format json`` under ``grades`` when ``--units`` or ``--rulebook`` is given
(rulebook default ``circular-01-2018``).

Rejected rows keep their position within their partition, not in the input: compare them
by column, kind and message (contract section 16).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Iterator, List, Optional, Tuple

ORDER = "_motcua_order"
FILE = "_motcua_file"
CORRUPT = "_motcua_corrupt_record"


def parse_args(argv: Optional[List[str]] = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description="The motcua report of a dossier table, counted on Apache Spark."
    )
    p.add_argument("--input", required=True, help="a CSV or Parquet file, or a directory of them")
    p.add_argument("--period", help="2021-Q3, 2021-07, 2021 or 2021-07-01..2021-09-30")
    p.add_argument("--from", dest="date_from", help="first day of the period (with --to)")
    p.add_argument("--to", dest="date_to", help="last day of the period (with --from)")
    p.add_argument("--calendar", help="a work calendar in TOML (default: the built-in one)")
    p.add_argument("--units", help="the units file (CSV): agency levels and grading facts")
    p.add_argument("--rulebook", help="rulebook name or TOML file (default circular-01-2018)")
    p.add_argument("--by", help="breakdown keys: agency, procedure, field, level, official, channel")
    p.add_argument("--every", choices=["month", "quarter"], help="add a series of steps")
    p.add_argument("--input-format", choices=["csv", "parquet"],
                   help="the format of PATH (default: from the file names)")
    p.add_argument("--master", default="local[2]", help="the Spark master (default local[2])")
    p.add_argument("--partitions", type=int, help="partitions (default: Spark's parallelism)")
    p.add_argument("--output", required=True, help="where to write the report JSON")
    a = p.parse_args(argv)
    if a.period and (a.date_from or a.date_to):
        p.error("give --period or --from/--to, not both")
    if not a.period and not (a.date_from and a.date_to):
        p.error("give --period, or --from and --to")
    return a


def input_files(path: str, fmt: Optional[str]) -> Tuple[str, List[str]]:
    """The format ("csv" or "parquet") and the files of PATH; a URI (hdfs://, s3a://…) is
    left to Spark to list."""
    if "://" in path:
        guess = "parquet" if path.rstrip("/").endswith(".parquet") else "csv"
        return fmt or guess, [path]
    if os.path.isdir(path):
        names = sorted(os.listdir(path))
        parquet = [os.path.join(path, n) for n in names if n.endswith(".parquet")]
        csv = [os.path.join(path, n) for n in names if n.lower().endswith(".csv")]
        if parquet and csv:
            sys.exit(f"{path}: both CSV and Parquet files; keep one format per directory")
        if not parquet and not csv:
            sys.exit(f"{path}: no .csv or .parquet file")
        return ("parquet", parquet) if parquet else ("csv", csv)
    if not os.path.exists(path):
        sys.exit(f"{path}: no such file or directory")
    return fmt or ("parquet" if path.endswith(".parquet") else "csv"), [path]


def read_table(spark, fmt: str, files: List[str]):
    """The table with every contract column as text (CSV) or as stored (Parquet), plus the
    input order: the file, then Spark's increasing id within it."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType, StructField, StructType

    if fmt == "parquet":
        df = spark.read.parquet(*files)
    else:
        header = spark.read.option("header", True).csv(files[0]).columns
        names = [h.lstrip("\ufeff") for h in header]
        schema = StructType(
            [StructField(n, StringType()) for n in names] + [StructField(CORRUPT, StringType())]
        )
        df = (
            spark.read.schema(schema)
            .option("header", True)
            .option("multiLine", True)
            .option("escape", '"')
            .option("mode", "PERMISSIVE")
            .option("columnNameOfCorruptRecord", CORRUPT)
            .csv(files)
        )
    return df.withColumn(FILE, F.input_file_name()).withColumn(
        ORDER, F.monotonically_increasing_id()
    )


def main(argv: Optional[List[str]] = None) -> int:
    a = parse_args(argv)
    import pyarrow as pa
    from pyspark import SparkFiles
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    import motcua

    period = a.period or f"{a.date_from}..{a.date_to}"
    calendar = open(a.calendar, encoding="utf-8").read() if a.calendar else None
    rulebook = a.rulebook
    if rulebook and os.path.exists(rulebook):
        rulebook = open(rulebook, encoding="utf-8").read()
    grading = bool(a.units or a.rulebook)
    if grading and not rulebook:
        rulebook = "circular-01-2018"
    by, every = a.by, a.every

    spark = (
        SparkSession.builder.master(a.master)
        .appName("motcua report")
        .config("spark.sql.session.timeZone", "Asia/Ho_Chi_Minh")
        .config("spark.sql.shuffle.partitions", str(a.partitions or 4))
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    units_name = None
    if a.units:
        spark.sparkContext.addFile(os.path.abspath(a.units))
        units_name = os.path.basename(a.units)

    fmt, files = input_files(a.input, a.input_format)
    df = read_table(spark, fmt, files)
    columns = [c for c in df.columns if c not in (ORDER, FILE, CORRUPT)]
    if "MaHoSo" not in columns:
        sys.exit(f"{a.input}: no MaHoSo column (columns: {', '.join(columns)})")
    parts = a.partitions or spark.sparkContext.defaultParallelism
    # every row of a code in one partition, in input order within it
    df = df.repartition(parts, F.col("MaHoSo")).sortWithinPartitions(FILE, ORDER)

    def to_partial(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        batches = list(batches)
        if batches:
            table = pa.Table.from_batches(batches)
        else:
            table = pa.table({c: pa.array([], pa.string()) for c in columns})
        if CORRUPT in table.column_names:
            bad = table.column(CORRUPT).drop_null()
            if len(bad):
                raise ValueError(
                    f"{len(bad)} CSV record(s) with the wrong number of fields, e.g. "
                    f"{bad[0].as_py()!r}: Spark's CSV reader cannot reject them as motcua "
                    "does; fix them, or run `motcua report` on the file"
                )
        table = table.select(columns)
        units = SparkFiles.get(units_name) if units_name else None
        data = motcua.partial(
            table,
            period,
            calendar=calendar,
            by=by,
            every=every,
            units=units,
            rulebook=rulebook if grading else None,
        )
        yield pa.RecordBatch.from_arrays([pa.array([data], pa.binary())], names=["partial"])

    partials = [bytes(r.partial) for r in df.mapInArrow(to_partial, "partial binary").collect()]
    text = motcua.merge_json(
        partials,
        rulebook=rulebook if grading else None,
        units=a.units if grading else None,
    )
    with open(a.output, "w", encoding="utf-8") as f:
        f.write(text)
        f.write("\n")
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
