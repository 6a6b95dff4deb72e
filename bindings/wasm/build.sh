#!/usr/bin/env bash
# Builds the npm package `motcua` (WebAssembly + JavaScript + TypeScript types) into
# bindings/wasm/pkg/. Installs what is missing first (Debian's wasm-capable Rust 1.96 and
# wasm-bindgen-cli 0.2.130) and skips every step already done.
#
#   bash bindings/wasm/build.sh            # release build
#   MOTCUA_WASM_SIMD=0 bash bindings/wasm/build.sh   # without the SIMD128 feature
#   MOTCUA_WASM_TARGET_DIR=DIR ...                    # another cargo target dir (default target/wasm)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
WASM_BINDGEN_VERSION=0.2.130
target_dir=${MOTCUA_WASM_TARGET_DIR:-$root/target/wasm}
step() { printf '  -- %s\n' "$*" >&2; }

# 1. Debian's rustc 1.96 ships the std sources needed to build std for wasm32, and lld.
need=()
for p in rustc-web cargo-web rust-web-src lld-22; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  step "installing ${need[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

# 2. wasm-bindgen-cli, the same version as the wasm-bindgen crate (pinned in Cargo.toml).
bindgen=""
for b in "$(command -v wasm-bindgen || true)" "$HOME/.cargo/bin/wasm-bindgen"; do
  if [ -n "$b" ] && [ -x "$b" ] && "$b" --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
    bindgen=$b
    break
  fi
done
if [ -z "$bindgen" ]; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (cargo install, a few minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  bindgen="$HOME/.cargo/bin/wasm-bindgen"
fi

# 3. The WebAssembly module: std rebuilt for wasm32 with Debian's toolchain. Panics unwind
#    (WebAssembly exception handling): were the core ever to panic, the call throws a
#    `PanicError` and the module keeps working, instead of being left unusable.
features="+exception-handling"
[ "${MOTCUA_WASM_SIMD:-1}" = 0 ] || features="+simd128,$features"
step "cargo build (wasm32-unknown-unknown, release)"
env RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc \
  CARGO_PROFILE_RELEASE_LTO=fat CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
  CARGO_PROFILE_RELEASE_DEBUG=false CARGO_PROFILE_RELEASE_OPT_LEVEL=3 \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=$features -C panic=unwind" \
  /usr/bin/cargo build --release --target wasm32-unknown-unknown \
    -Zbuild-std=std,panic_unwind,panic_abort -p motcua-wasm --target-dir "$target_dir" \
    2> >(grep -v -e 'unstable feature specified for `-Ctarget-feature`: `exception-handling`' \
                 -e 'this feature is not stably supported' -e '^  |$' -e 'generated 1 warning' >&2)
wasm="$target_dir/wasm32-unknown-unknown/release/motcua_wasm.wasm"

# 4. JavaScript glue, then the package around it.
step "wasm-bindgen"
out="$here/pkg"
gen="$target_dir/bindgen"
rm -rf "$gen"
"$bindgen" --target web --out-dir "$gen" --out-name motcua "$wasm"
rm -rf "$out"
mkdir -p "$out"
cp "$gen/motcua.js" "$gen/motcua_bg.wasm" "$out/"
cp "$here/js/"*.js "$here/js/"*.d.ts "$out/"
cp "$here/README.md" "$out/README.md"
cp "$here/js/index.d.ts" "$out/index.d.cts"
node "$here/js/make-package-json.mjs" "$root/Cargo.toml" > "$out/package.json"

# 5. The CommonJS entry (`require('motcua')`): the Node entry bundled by esbuild (pinned).
ESBUILD_VERSION=0.28.2
tools="$target_dir/js-tools"
esbuild="$tools/node_modules/.bin/esbuild"
if [ ! -x "$esbuild" ] || [ "$("$esbuild" --version)" != "$ESBUILD_VERSION" ]; then
  step "installing esbuild $ESBUILD_VERSION (npm)"
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-save --no-audit --no-fund --loglevel=error "esbuild@$ESBUILD_VERSION" >/dev/null
fi
"$esbuild" "$out/node.js" --bundle --platform=node --format=cjs --target=node20 \
  --define:import.meta.url=__motcua_url \
  --banner:js="const __motcua_url = require('node:url').pathToFileURL(__filename).href;" \
  --log-level=warning --outfile="$out/node.cjs"
step "built $out ($(du -k "$out/motcua_bg.wasm" | cut -f1) KiB of wasm)"
