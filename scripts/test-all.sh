#!/usr/bin/env bash
# Installs what is missing and runs every test of motcua: Rust, Python, JavaScript (Node),
# the browser, PostgreSQL and Spark in local mode. Safe to run again: tools already
# installed are not installed twice.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
step() { printf '\n==> %s\n' "$*"; }
log=$(mktemp)
# In CI the property tests draw the same cases every run, so that a landing does not hang on
# a new random case; run locally, they explore new ones (failures are kept as seeds).
if [ "${CI:-}" = true ]; then export PROPTEST_RNG_SEED="${PROPTEST_RNG_SEED:-20211001}"; fi

step "Rust: formatting and lints (cargo fmt --check, cargo clippy -D warnings)"
for c in rustfmt clippy; do
  if ! cargo "${c/rustfmt/fmt}" --version >/dev/null 2>&1; then rustup component add "$c"; fi
done
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings

step "Rust: unit, property, doc and command-line tests of the workspace"
cargo test --workspace --exclude motcua-python --exclude motcua-wasm 2>&1 | tee "$log"
grep -q "test result: ok" "$log"
# the documentation's examples ran (cargo test runs them with the unit tests)
for c in motcua_core motcua_io motcua_sample; do grep -q "Doc-tests $c" "$log"; done

step "the release motcua command, built once for the Python and JavaScript cross-checks"
cargo build --release --bin motcua
export MOTCUA_CLI="$root/target/release/motcua"

step "Python package (pyo3 wheel, pytest, notebook, stubs)"
bash bindings/python/test.sh

step "WebAssembly package (Node tests) and dashboard (headless Chromium)"
bash bindings/wasm/test.sh

step "documentation examples (docs/*.md, against the CLI, the Python wheel and the npm package)"
PYTHON="$root/target/python/test-venv/bin/python" bash scripts/test-docs.sh

step "PostgreSQL as an input (a throwaway local server)"
PYTHON="$root/target/python/test-venv/bin/python" bash scripts/test-postgres.sh

step "Spark local mode: partial aggregates on executors, merged on the driver"
bash scripts/test-spark.sh

step "all tests passed"
