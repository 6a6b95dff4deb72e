#!/usr/bin/env bash
# The Spark example (examples/spark/report.py) in Spark local mode: on the contract's example
# and on a generated dataset (CSV, and Parquet split into two files), its report (and grades)
# must equal `motcua report --format json` (and `motcua score --format json`) as contract
# section 16 defines equality (examples/spark/compare.py).
#
# Reuses the wheel that bindings/python/test.sh builds (target/wheels) and the CLI of
# scripts/test-all.sh (MOTCUA_CLI); builds them when missing. Installs Java 17 from Debian
# when there is no java, and pyspark (pinned) in target/python/spark-venv.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out="$root/target/python"
export PIP_DISABLE_PIP_VERSION_CHECK=1
PYSPARK_VERSION=3.5.7   # runs on Java 8, 11 and 17
step() { printf '\n--> spark: %s\n' "$*"; }
mkdir -p "$out"

py=""
for c in python3.12 python3.11 python3.10 python3.9 python3; do
  if command -v "$c" >/dev/null 2>&1 && "$c" -c 'import sys; sys.exit(not ((3, 9) <= sys.version_info[:2] <= (3, 12)))' 2>/dev/null; then
    py=$(command -v "$c"); break
  fi
done
[ -n "$py" ] || { echo "pyspark $PYSPARK_VERSION needs python 3.9 to 3.12" >&2; exit 1; }

if ! command -v java >/dev/null 2>&1; then
  step "installing Java 17 (openjdk-17-jre-headless)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi
java -version 2>&1 | head -1

cli="${MOTCUA_CLI:-}"
if [ -z "$cli" ] || [ ! -x "$cli" ]; then
  step "the motcua CLI"
  cargo build --release --bin motcua
  cli="$root/target/release/motcua"
fi

wheel=$(ls "$root"/target/wheels/motcua-*-abi3-*.whl 2>/dev/null | head -1 || true)
if [ -z "$wheel" ]; then
  step "the wheel (bindings/python/test.sh did not build one)"
  PYO3_PYTHON="$py" bash bindings/python/build-wheel.sh
  wheel=$(ls "$root"/target/wheels/motcua-*-abi3-*.whl)
fi
echo "$wheel"

step "pyspark $PYSPARK_VERSION and the wheel in $out/spark-venv"
venv="$out/spark-venv"
[ -x "$venv/bin/python" ] || "$py" -m venv "$venv"
"$venv/bin/python" -m pip install -q "pyspark==$PYSPARK_VERSION" "pyarrow>=12" "pandas>=1.5,<3"
"$venv/bin/python" -m pip install -q --force-reinstall --no-deps "$wheel"
export SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON="$venv/bin/python" PYSPARK_DRIVER_PYTHON="$venv/bin/python"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
spark() { "$venv/bin/python" examples/spark/report.py "$@"; }
compare() { "$venv/bin/python" examples/spark/compare.py "$@"; }

step "the contract's example (2021-Q3, its calendar)"
ex="$root/tests/data"
spark --input "$ex/example.csv" --period 2021-Q3 --calendar "$ex/example.calendar.toml" \
  --partitions 3 --output "$work/example.spark.json"
"$cli" report --input "$ex/example.csv" --period 2021-Q3 --calendar "$ex/example.calendar.toml" \
  --format json --output "$work/example.cli.json"
compare "$work/example.spark.json" "$work/example.cli.json"

step "a generated dataset (5000 rows): breakdown, series and grades"
"$cli" generate --rows 5000 --seed 7 --output "$work/gen.csv" --units-output "$work/units.csv"
# a repeated code, later in the file: the later row is rejected wherever the partitions fall
sed -n 2p "$work/gen.csv" >> "$work/gen.csv"
spark --input "$work/gen.csv" --from 2021-04-01 --to 2021-12-31 --every quarter --by agency,channel \
  --units "$work/units.csv" --rulebook soc-trang-1216-2019 --output "$work/gen.spark.json"
"$cli" report --input "$work/gen.csv" --from 2021-04-01 --to 2021-12-31 --every quarter \
  --by agency,channel --units "$work/units.csv" --format json --output "$work/gen.cli.json"
"$cli" score --input "$work/gen.csv" --from 2021-04-01 --to 2021-12-31 --units "$work/units.csv" \
  --rulebook soc-trang-1216-2019 --format json --output "$work/gen.score.json"
compare "$work/gen.spark.json" "$work/gen.cli.json" "$work/gen.score.json"
grep -q '"kind": "duplicate"' "$work/gen.spark.json"

step "the same rows as Parquet, in two files of a directory (written with pyarrow)"
mkdir "$work/parquet"
"$venv/bin/python" - "$work/gen.csv" "$work/parquet" <<'PY'
import sys
import pyarrow as pa, pyarrow.csv as pv, pyarrow.parquet as pq
src, d = sys.argv[1], sys.argv[2]
names = pv.read_csv(src).column_names
t = pv.read_csv(src, convert_options=pv.ConvertOptions(
    column_types={n: pa.string() for n in names}, strings_can_be_null=True))
half = t.num_rows // 2
pq.write_table(t.slice(0, half), f"{d}/part-0.parquet")
pq.write_table(t.slice(half), f"{d}/part-1.parquet")
PY
spark --input "$work/parquet" --period 2021 --by level --units "$work/units.csv" \
  --output "$work/pq.spark.json"
"$cli" report --input "$work/gen.csv" --period 2021 --by level --units "$work/units.csv" \
  --format json --output "$work/pq.cli.json"
"$cli" score --input "$work/gen.csv" --period 2021 --units "$work/units.csv" \
  --rulebook circular-01-2018 --format json --output "$work/pq.score.json"
compare "$work/pq.spark.json" "$work/pq.cli.json" "$work/pq.score.json"

echo "3 passed, 0 failed"
