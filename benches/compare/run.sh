#!/usr/bin/env bash
# motcua, DuckDB and polars on the same generated dossier files: counts checked equal,
# interleaved timed runs, medians, peak memory and ratios (see README.md).
#
#   bash benches/compare/run.sh [--rows N] [--runs K] [more options of compare.py]
#
# Builds `motcua` (release), makes target/bench-venv with the pinned DuckDB and polars
# (requirements.txt) when it lacks them, generates the files into target/bench-data when
# they are absent, and runs compare.py.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
rows=4000000
runs=5
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exec python3 "$here/compare.py" --help ;;
    *) args+=("$1"); shift ;;
  esac
done

(cd "$root" && cargo build --release --bin motcua)
# the runs use a copy, so that a rebuild in the same target/ while they run changes nothing
mkdir -p "$target/bench-data"
cli=$target/bench-data/motcua
cp "$target/release/motcua" "$cli.tmp" && mv "$cli.tmp" "$cli"
if ! "$cli" generate --help | grep -q -- --timestamps; then
  echo "$target/release/motcua has no 'generate --timestamps': it was built from other sources" >&2
  echo "(a target/ shared with another checkout?); touch crates/motcua-cli/src/generate.rs and rerun" >&2
  exit 1
fi

venv=$target/bench-venv
pinned() {
  "$venv/bin/python" - "$here/requirements.txt" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
want = [l.split("==") for l in open(sys.argv[1]) if "==" in l and not l.startswith("#")]
sys.exit(any(version(n.strip()) != v.strip() for n, v in want))
PY
}
if ! pinned; then
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
fi

exec "$venv/bin/python" "$here/compare.py" --cli "$cli" --rows "$rows" --runs "$runs" \
  --data-dir "$target/bench-data" ${args[@]+"${args[@]}"}
