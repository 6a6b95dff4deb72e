#!/usr/bin/env bash
# PostgreSQL input at scale: starts a throwaway server (scripts/pg-server.sh, as the test does),
# loads ROWS generated dossiers (default 1 000 000) as a table of text columns, and runs
# `motcua report --input postgresql://… --query …` and the same report of the CSV file under
# /usr/bin/time: wall time and peak memory of each, and whether the two reports are equal.
# Not part of the test command.
#
#   bash benches/postgres/memory.sh [ROWS]      # MOTCUA_CLI=… to use another build
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
rows=${1:-1000000}
cli=${MOTCUA_CLI:-$root/target/release/motcua}
[ -x "$cli" ] || { cargo build --release --bin motcua; cli=$root/target/release/motcua; }
bin=""
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bin=$d; done
[ -n "$bin" ] || { echo "PostgreSQL's server binaries are needed (apt-get install postgresql)" >&2; exit 1; }

# shellcheck source=scripts/pg-server.sh
. "$root/scripts/pg-server.sh"
pg_start

"$cli" generate --rows "$rows" --seed 1 --output "$work/gen.csv" >/dev/null
header=$(head -1 "$work/gen.csv" | tr -d '\r')
sql -c "CREATE TABLE gen (n serial, \"${header//,/\" text, \"}\" text)"
sql -c "\\copy gen ($(echo "$header" | sed 's/[^,]*/"&"/g')) FROM '$work/gen.csv' WITH (FORMAT csv, HEADER true)"
echo "$rows rows: $(du -h "$work/gen.csv" | cut -f1) of CSV, loaded into PostgreSQL $("$bin/postgres" --version | awk '{print $3}')"

measure() {
  local what=$1 out=$2; shift 2
  /usr/bin/time -f "%e %M" -o "$work/time" "$cli" report "$@" --period 2021 --format json --output "$out" 2>/dev/null
  read -r secs kb < "$work/time"
  printf '  %-10s %6.2f s  %6d MiB peak\n' "$what" "$secs" $((kb / 1024))
}
measure csv "$work/csv.json" --input "$work/gen.csv"
measure postgres "$work/pg.json" --input "$uri" --query "SELECT * FROM gen ORDER BY n"
if cmp -s "$work/csv.json" "$work/pg.json"; then
  echo "  the two reports are equal"
else
  echo "  the reports differ" >&2
  exit 1
fi
