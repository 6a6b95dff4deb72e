#!/usr/bin/env bash
# Builds the dashboard into examples/dashboard/dist/: installs its npm packages (chart.js,
# esbuild, playwright-core; the motcua package is linked from bindings/wasm/pkg, built
# by bindings/wasm/build.sh) and bundles it. Writes dist/motcua-dashboard.html, the whole
# dashboard in one file that opens by double-click (file://, no server, no network); or
# serve the repository root and open http://127.0.0.1:PORT/examples/dashboard/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if [ ! -f "$root/bindings/wasm/pkg/package.json" ]; then
  bash "$root/bindings/wasm/build.sh"
fi
cd "$here"
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
else
  npm install --no-audit --no-fund --loglevel=error
fi
node build.mjs
