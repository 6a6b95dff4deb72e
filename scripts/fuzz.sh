#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser (cargo fuzz / libFuzzer): each target of fuzz/
# runs SECONDS (default 60; 600 for a release check, 3600 for a long run), JOBS at a time
# (default 2), from its seed corpus in fuzz/corpus/<target>/. A crash is saved under
# fuzz/artifacts/<target>/; copy it to fuzz/regressions/<target>/ once fixed, and
# tests/tests/fuzz_corpus.rs replays it with plain `cargo test`. Not run in CI.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-60}"
shift || true
jobs="${JOBS:-2}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
if cargo +nightly --version >/dev/null 2>&1; then
    build=(cargo +nightly fuzz build -O -s address)
    run=(cargo +nightly fuzz run -O -s address)
else
    # stable toolchain: no sanitizer, libFuzzer's instrumentation through RUSTC_BOOTSTRAP
    export RUSTC_BOOTSTRAP=1
    build=(cargo fuzz build -O -s none)
    run=(cargo fuzz run -O -s none)
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cargo fuzz list)
fi
"${build[@]}"
mkdir -p logs
status=0
run_one() {
    local t="$1"
    mkdir -p "corpus/$t"
    # -detect_leaks=0: the targets read on two threads, and a finished thread frees its own
    # bookkeeping just after it is joined, which LeakSanitizer then reports at random as a
    # leak of 112 bytes (the input does not reproduce it); memory growth is bounded by
    # -rss_limit_mb instead (and single allocations by the same, libFuzzer's default)
    if "${run[@]}" "$t" "corpus/$t" -- -max_total_time="$seconds" -rss_limit_mb=2048 \
        -detect_leaks=0 -max_len=65536 -print_final_stats=1 >"logs/$t.log" 2>&1; then
        echo "$t: ok: $(grep -E '^stat::number_of_executed_units' "logs/$t.log" | awk '{print $2}') execs, $(grep -Eo 'cov: [0-9]+' "logs/$t.log" | tail -1)"
    else
        echo "$t: CRASH, see fuzz/logs/$t.log and fuzz/artifacts/$t/"
        return 1
    fi
}
running=0
for t in "${targets[@]}"; do
    run_one "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait -n || status=1
        running=$((running - 1))
    fi
done
while [ "$running" -gt 0 ]; do
    wait -n || status=1
    running=$((running - 1))
done
exit "$status"
