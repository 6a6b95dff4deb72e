#!/usr/bin/env bash
# Builds what users install from PyPI into target/wheels/:
#   - the wheel: abi3 (CPython >= 3.9), manylinux2014 (glibc >= 2.17) x86_64, linked with
#     zig (maturin --zig; the `ziglang` package from PyPI) so that older servers accept it,
#     stripped of symbols and debug information;
#   - the source distribution (sdist).
# Then checks the wheel: `auditwheel show` (its platform tag and the glibc symbols it needs)
# and its size (at most 8 MB). bindings/python/test.sh installs and tests this very wheel.
#
#   bash bindings/python/build-wheel.sh
#   MOTCUA_WHEEL_TARGET=aarch64-unknown-linux-gnu bash bindings/python/build-wheel.sh  # a cross build (not in CI)
#
# Builds share target/python with the test script (CARGO_TARGET_DIR), so nothing is built twice.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
out="$root/target/wheels"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target/python}"
export PIP_DISABLE_PIP_VERSION_CHECK=1
step() { printf -- '--> wheel: %s\n' "$*"; }
MATURIN='maturin>=1.5,<2'
ZIG='ziglang==0.13.0'
AUDITWHEEL='auditwheel==6.1.0'
# at most 8,5 MB: the `wheel` profile of Cargo.toml builds the crates off the counting path for
# size; today's stripped wheel is about 8 MB and moves by tens of kB with inlining alone, so the
# guard leaves that much room and still catches what it is for (a dependency pulled in twice or
# a feature that drags in a second engine: megabytes, not kilobytes)
MAX_BYTES=$((8500 * 1000))
target=${MOTCUA_WHEEL_TARGET:-x86_64-unknown-linux-gnu}

py=${PYO3_PYTHON:-$(command -v python3)}
tools="$CARGO_TARGET_DIR/tools-venv"
[ -x "$tools/bin/python" ] || "$py" -m venv "$tools"
step "build tools ($MATURIN, $ZIG, $AUDITWHEEL) in $tools"
"$tools/bin/python" -m pip install -q "$MATURIN" "$ZIG" "$AUDITWHEEL"
# maturin finds zig as `python3 -m ziglang` of the first python on PATH
export PATH="$tools/bin:$PATH"
if ! rustup target list --installed 2>/dev/null | grep -qx "$target"; then
  rustup target add "$target"
fi

rm -rf "$out"
mkdir -p "$out"
step "manylinux2014 wheel for $target (zig, stripped)"
(cd bindings/python && "$tools/bin/maturin" build --profile wheel --strip --zig \
  --compatibility manylinux2014 --target "$target" --out "$out")
step "source distribution"
(cd bindings/python && "$tools/bin/maturin" sdist --out "$out")

wheel=$(ls "$out"/motcua-*-abi3-*.whl)
case "$wheel" in
  *manylinux2014*|*manylinux_2_17*) ;;
  *) echo "the wheel is not tagged manylinux2014: $wheel" >&2; exit 1 ;;
esac
step "auditwheel show"
# read whole before it is searched: `grep -q` stops at the first match, and auditwheel,
# still writing, would then fail on the closed pipe
shown=$("$tools/bin/auditwheel" show "$wheel")
echo "$shown"
if ! grep -Eq 'manylinux_2_17|manylinux2014' <<<"$shown"; then
  echo "auditwheel does not find the wheel consistent with manylinux2014" >&2
  exit 1
fi
size=$(stat -c %s "$wheel")
step "$(basename "$wheel"): $size bytes ($(( size / 1000 )) kB; at most $MAX_BYTES)"
if [ "$size" -gt "$MAX_BYTES" ]; then
  echo "the wheel is larger than $MAX_BYTES bytes" >&2
  exit 1
fi
ls -l "$out"
