#!/usr/bin/env bash
# Tests of the WebAssembly package and the dashboard (run by scripts/test-all.sh):
#  1. builds the npm package (bindings/wasm/build.sh) and the CLI (to compare with);
#  2. Node tests of every function of the package (node --test);
#  3. builds the dashboard and runs its tests in headless Chromium (Debian's chromium,
#     driven by playwright-core; installed with apt-get when missing).
# Skips what is already installed. The full-page screenshot lands in target/artifacts/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
step() { printf '\n--> %s\n' "$*"; }

step "build the npm package motcua (bindings/wasm/pkg)"
bash "$here/build.sh"

step "build the CLI to compare with"
cargo build --release --bin motcua
export MOTCUA_CLI="$root/target/release/motcua"

npm_install() {
  if [ -f package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  else
    npm install --no-audit --no-fund --loglevel=error
  fi
}

step "Node tests of the package"
(cd "$here/tests" && npm_install)
node --test --test-reporter=spec "$here"/tests/*.test.mjs

step "build the dashboard"
bash "$root/examples/dashboard/build.sh"

if ! [ -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  step "install Debian's chromium (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi

step "browser tests of the dashboard (headless Chromium)"
node --test --test-reporter=spec --test-concurrency=1 "$root"/examples/dashboard/tests/*.test.mjs
echo "screenshot: $root/target/artifacts/dashboard.png"
