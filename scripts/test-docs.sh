#!/usr/bin/env bash
# Runs the examples of the documentation (docs/*.md), so that the documentation cannot
# drift from what motcua does. Every example asserts the figures it shows (those of the
# built-in Sóc Trăng Q3/2021 sample and of the worked example in tests/data/).
#
#   bash scripts/test-docs.sh                  # every page of docs/
#   bash scripts/test-docs.sh docs/cli.md      # some pages
#
# Which fenced blocks run (the info string after the three backquotes):
#   ```sh / ```bash       run by bash -euo pipefail, with `motcua` on PATH
#   ```python             run by the Python of the test environment
#   ```js                 run by Node as an ES module; `import('motcua')` is the npm package
#   ```LANG file=NAME     not run: its text is written to NAME in the working directory,
#                         for the blocks after it (a calendar, a profile, a small table)
#   ```LANG no-run        shown only (installation, servers, commands that need a network)
#   any other language    (text, json, toml, csv, console) shown only
# The blocks of one page run in order in one fresh working directory, which holds the
# worked example of the data format (example.csv, example.calendar.toml and its expected
# report example.2021-Q3.json, from tests/data/) before the first block; each block is a
# separate process.
#
# Environment:
#   MOTCUA_CLI       the motcua command (default target/release/motcua)
#   PYTHON           a Python with the motcua wheel, pandas and pyarrow
#                    (default target/python/test-venv/bin/python)
#   MOTCUA_WASM_PKG  the npm package built by bindings/wasm/build.sh (default bindings/wasm/pkg)
#   NODE             Node ≥ 20 (default node)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cli=${MOTCUA_CLI:-$root/target/release/motcua}
python=${PYTHON:-$root/target/python/test-venv/bin/python}
pkg=${MOTCUA_WASM_PKG:-$root/bindings/wasm/pkg}
node=${NODE:-node}

if [ $# -gt 0 ]; then pages=("$@"); else pages=("$root"/docs/*.md); fi

missing=()
[ -x "$cli" ] || missing+=("the motcua command at $cli (cargo build --release --bin motcua, or set MOTCUA_CLI)")
[ -x "$python" ] || command -v "$python" >/dev/null || missing+=("a Python with motcua at $python (bash bindings/python/test.sh, or set PYTHON)")
[ -f "$pkg/package.json" ] || missing+=("the npm package at $pkg (bash bindings/wasm/build.sh, or set MOTCUA_WASM_PKG)")
command -v "$node" >/dev/null || missing+=("node (or set NODE)")
command -v jq >/dev/null || missing+=("jq (apt-get install jq)")
if [ ${#missing[@]} -gt 0 ]; then
  printf 'test-docs: missing %s\n' "${missing[@]}" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin"
ln -s "$(cd "$(dirname "$cli")" && pwd)/$(basename "$cli")" "$tmp/bin/motcua"
pkg=$(cd "$pkg" && pwd)

# Writes the blocks of page $1 into directory $2 as NNN.LANG (run) or NNN.file (a file
# block, whose target name is on the first line of NNN.name), and prints one line per block:
# "NNN LANG LINE ATTRS".
extract() {
  awk -v out="$2" '
    function flush() { close(path) }
    !inside && /^[ ]*```[A-Za-z]/ {
      line = $0; indent = match(line, /[^ ]/) - 1
      info = substr(line, indent + 4); n += 1
      split(info, words, /[ \t]+/); lang = words[1]; attrs = ""
      for (i = 2; i in words; i++) attrs = attrs " " words[i]
      id = sprintf("%03d", n); path = out "/" id ".block"
      printf "" > path
      print id, lang, NR, (attrs == "" ? "-" : substr(attrs, 2))
      inside = 1; next
    }
    inside && /^[ ]*```[ ]*$/ { inside = 0; flush(); next }
    inside {
      l = $0
      if (indent > 0 && substr(l, 1, indent) ~ /^[ ]*$/) l = substr(l, indent + 1)
      print l >> path
    }
    END { if (inside) { print "unterminated code block" > "/dev/stderr"; exit 1 } }
  ' "$1"
}

total=0
failed=0
declare -A ran=()
t_start=$(date +%s.%N)
for page in "${pages[@]}"; do
  name=$(basename "$page")
  work="$tmp/work-${name%.md}"
  blocks="$tmp/blocks-${name%.md}"
  mkdir -p "$work/node_modules" "$blocks"
  cp "$root"/tests/data/example.{csv,calendar.toml,2021-Q3.json} "$work/"
  ln -s "$pkg" "$work/node_modules/motcua"
  index=$(extract "$page" "$blocks")
  page_runs=0
  page_failed=$failed
  while read -r id lang line attrs; do
    [ -n "$id" ] || continue
    block="$blocks/$id.block"
    target=""
    skip=0
    for a in $attrs; do
      case "$a" in
        no-run) skip=1 ;;
        file=*) target=${a#file=} ;;
      esac
    done
    if [ -n "$target" ]; then
      mkdir -p "$work/$(dirname "$target")"
      cp "$block" "$work/$target"
      continue
    fi
    [ "$skip" = 0 ] || continue
    case "$lang" in
      sh|bash) runner=(env PATH="$tmp/bin:$PATH" bash -euo pipefail "$block") ;;
      python) runner=("$python" "$block") ;;
      js)
        cp "$block" "$work/.block-$id.mjs"
        runner=("$node" "$work/.block-$id.mjs")
        ;;
      *) continue ;;
    esac
    total=$((total + 1))
    page_runs=$((page_runs + 1))
    ran[$lang]=$(( ${ran[$lang]:-0} + 1 ))
    if ! out=$(cd "$work" && PATH="$tmp/bin:$PATH" MOTCUA_CLI="$cli" "${runner[@]}" </dev/null 2>&1); then
      failed=$((failed + 1))
      printf 'FAIL %s:%s (%s block)\n' "${page#"$root"/}" "$line" "$lang"
      printf '%s\n' "$out" | sed 's/^/    | /' | tail -n 30
    fi
  done <<< "$index"
  if [ "$failed" = "$page_failed" ]; then status=ok; else status=FAIL; fi
  printf '%-4s %s: %d blocks run, %d failed\n' "$status" "${page#"$root"/}" "$page_runs" "$((failed - page_failed))"
done
t_end=$(date +%s.%N)

summary=""
for lang in "${!ran[@]}"; do summary+="${summary:+, }${ran[$lang]} $lang"; done
printf '\n%d blocks run (%s), %d failed, in %s s\n' "$total" "${summary:-none}" "$failed" \
  "$(awk -v a="$t_start" -v b="$t_end" 'BEGIN { printf "%.1f", b - a }')"
[ "$failed" = 0 ]
