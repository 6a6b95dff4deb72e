#!/usr/bin/env bash
# PostgreSQL as an input: starts a throwaway server (Debian's postgresql 15, initdb into a
# temporary directory, a local port), loads the contract's example and a generated table,
# and checks that `motcua report --input postgresql://… --query …` and
# `motcua.read_postgres` give the report of the same rows read from CSV. Stops the server
# and removes its directory however the script ends.
#
# Uses MOTCUA_CLI (else builds the release command) and, when given, PYTHON (a Python with
# the motcua wheel installed) for the Python check.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
step() { printf '\n--> postgres: %s\n' "$*"; }

bin=""
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bin=$d; done
if [ -z "$bin" ]; then
  step "installing postgresql (Debian)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bin=$d; done
fi
echo "server binaries: $bin"

cli="${MOTCUA_CLI:-}"
if [ -z "$cli" ] || [ ! -x "$cli" ]; then
  cargo build --release --bin motcua
  cli="$root/target/release/motcua"
fi

# shellcheck source=scripts/pg-server.sh
. "$root/scripts/pg-server.sh"
pg_start
step "a server on 127.0.0.1:$port"

# a table of text columns named as the CSV header, plus the row's number to keep the order
load() {
  local table=$1 file=$2 cols
  cols=$(head -1 "$file" | tr -d '\r' | sed 's/^\xEF\xBB\xBF//' | sed 's/,/" text, "/g')
  sql -c "CREATE TABLE $table (n serial, \"$cols\" text)"
  sql -c "\\copy $table ($(head -1 "$file" | tr -d '\r' | sed 's/^\xEF\xBB\xBF//' | sed 's/[^,]*/"&"/g')) FROM '$file' WITH (FORMAT csv, HEADER true)"
}
same() {
  "$PYTHON_CMP" - "$1" "$2" <<'PY'
import json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
if a != b:
    for k in sorted(set(a) | set(b)):
        if a.get(k) != b.get(k):
            print(f"{sys.argv[1]} and {sys.argv[2]} differ at {k}:\n  {a.get(k)}\n  {b.get(k)}", file=sys.stderr)
    sys.exit(1)
PY
}
PYTHON_CMP=${PYTHON:-python3}

ex="$root/tests/data"
step "the contract's example as a table"
load example "$ex/example.csv"
"$cli" report --input "$ex/example.csv" --period 2021-Q3 --calendar "$ex/example.calendar.toml" \
  --format json --output "$work/example.csv.json"
"$cli" report --input "$uri" --query "SELECT * FROM example ORDER BY n" --period 2021-Q3 \
  --calendar "$ex/example.calendar.toml" --format json --output "$work/example.pg.json"
same "$work/example.csv.json" "$work/example.pg.json"

step "a generated table of 20000 rows, its received time typed as timestamptz"
"$cli" generate --rows 20000 --seed 11 --output "$work/gen.csv" --units-output "$work/units.csv"
load gen "$work/gen.csv"
# the received time as a timestamp with a zone: COPY writes it as '2021-07-01 09:00:00+07'
# (the generated text is in several of the contract's forms: each is read by its own pattern)
sql <<'SQL'
ALTER TABLE gen ALTER COLUMN "NgayTiepNhan" TYPE timestamptz USING (
  CASE
    WHEN "NgayTiepNhan" ~ '^\d{14}$' THEN to_timestamp("NgayTiepNhan", 'YYYYMMDDHH24MISS')::timestamp
    WHEN "NgayTiepNhan" ~ '^\d{2}/\d{2}/\d{4}' THEN to_timestamp("NgayTiepNhan", 'DD/MM/YYYY HH24:MI:SS')::timestamp
    ELSE replace("NgayTiepNhan", 'T', ' ')::timestamp
  END AT TIME ZONE 'Asia/Ho_Chi_Minh');
SQL
"$cli" report --input "$work/gen.csv" --period 2021-Q3 --by agency --units "$work/units.csv" \
  --format json --output "$work/gen.csv.json"
"$cli" report --input "$uri" --query "SELECT * FROM gen ORDER BY n;" --period 2021-Q3 --by agency \
  --units "$work/units.csv" --format json --output "$work/gen.pg.json"
same "$work/gen.csv.json" "$work/gen.pg.json"

step "errors: a bad query, a refused connection, --query without a database"
if "$cli" report --input "$uri" --query "SELECT * FROM nosuch" --period 2021-Q3 2>"$work/err"; then
  echo "a query of a missing table succeeded" >&2; exit 1
fi
grep -q 'nosuch' "$work/err" || { cat "$work/err" >&2; exit 1; }
if "$cli" report --input "postgresql://motcua:pw@127.0.0.1:1/postgres" --query "SELECT 1" \
  --period 2021-Q3 2>"$work/err"; then
  echo "a refused connection succeeded" >&2; exit 1
fi
grep -q 'cannot connect' "$work/err" && ! grep -q ':pw@' "$work/err" || { cat "$work/err" >&2; exit 1; }
if "$cli" report --input "$ex/example.csv" --query "SELECT 1" --period 2021-Q3 2>/dev/null; then
  echo "--query on a file succeeded" >&2; exit 1
fi

if [ -n "${PYTHON:-}" ]; then
  step "Python: motcua.read_postgres gives the dataset and report of the CSV"
  "$PYTHON" - "$uri" "$work/gen.csv" <<'PY'
import sys
import motcua
uri, csv = sys.argv[1], sys.argv[2]
pg = motcua.read_postgres(uri, "SELECT * FROM gen ORDER BY n")
f = motcua.read(csv)
assert (len(pg), pg.input) == (len(f), f.input), (pg.input, f.input)
assert motcua.report(pg, "2021-Q3").to_dict() == motcua.report(f, "2021-Q3").to_dict()
try:
    motcua.read_postgres(uri, "SELECT * FROM nosuch")
except motcua.InputError as e:
    assert "nosuch" in str(e), e
else:
    raise AssertionError("a missing table raised nothing")
print("read_postgres: equal to the CSV")
PY
fi

echo "postgres: all checks passed"
