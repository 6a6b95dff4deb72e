#!/usr/bin/env bash
# Tests of the Python package: builds the abi3 wheel once with maturin, installs it in a
# fresh virtual environment with its extras, and runs the pytest suite (which cross-checks
# against the `motcua` CLI), the tutorial notebook (nbclient) and the stub type check.
# Also checks that the wheel works without pandas, polars and pyarrow installed.
#
# Everything it makes goes under target/python (CARGO_TARGET_DIR too, so that these builds
# do not wait on other cargo runs). Safe to run again: tools already installed are kept.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
out="$root/target/python"
export CARGO_TARGET_DIR="$out"
export PIP_DISABLE_PIP_VERSION_CHECK=1
mkdir -p "$out"
step() { printf '\n--> python: %s\n' "$*"; }

py=""
for c in python3.13 python3.12 python3.11 python3.10 python3.9 python3; do
  if command -v "$c" >/dev/null 2>&1 && "$c" -c 'import sys; sys.exit(sys.version_info < (3, 9))' 2>/dev/null; then
    py=$(command -v "$c"); break
  fi
done
[ -n "$py" ] || { echo "python >= 3.9 is needed" >&2; exit 1; }
if ! "$py" -c 'import venv, ensurepip' 2>/dev/null; then
  step "installing python3-venv"
  apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
fi
echo "using $py ($("$py" --version))"
# The same interpreter for every build, so that pyo3 is not rebuilt between them.
export PYO3_PYTHON="$py"

step "build tools (maturin) in $out/tools-venv"
tools="$out/tools-venv"
[ -x "$tools/bin/python" ] || "$py" -m venv "$tools"
"$tools/bin/python" -m pip install -q "maturin>=1.5,<2"

step "the motcua CLI, for the cross-checks"
if [ -n "${MOTCUA_CLI:-}" ] && [ -x "$MOTCUA_CLI" ]; then
  cli="$MOTCUA_CLI"            # built once by scripts/test-all.sh
else
  cargo build --release --bin motcua
  cli="$out/release/motcua"
fi
echo "$cli"

step "the wheel we ship (abi3, Python >= 3.9, manylinux2014), built once, and the sdist"
bash bindings/python/build-wheel.sh
wheel=$(ls "$root"/target/wheels/motcua-*-abi3-*.whl)
echo "$wheel"

step "a fresh venv with the wheel and its extras"
venv="$out/test-venv"
"$py" -m venv --clear "$venv"
"$venv/bin/python" -m pip install -q "${wheel}[all]" pytest hypothesis==6.170.17 nbclient nbformat ipykernel mypy openpyxl
export PATH="$venv/bin:$PATH"

step "the wheel alone: pandas, polars and pyarrow are optional"
bare="$out/bare-venv"
"$py" -m venv --clear "$bare"
"$bare/bin/python" -m pip install -q "$wheel"
(cd "$out" && "$bare/bin/python" - "$cli" <<'PY'
import json, subprocess, sys, tempfile, os
import motcua
for mod in ("pyarrow", "polars", "pandas"):
    assert mod not in sys.modules, mod
cli = sys.argv[1]
d = tempfile.mkdtemp()
csv = os.path.join(d, "s.csv")
subprocess.run([cli, "generate", "--profile", "soc-trang-2021", "--output", csv], check=True)
rep = motcua.report(motcua.read(csv), "2021-Q3")
assert rep.to_dict() == json.loads(subprocess.run([cli, "report", "--input", csv, "--period", "2021-Q3", "--format", "json"], check=True, capture_output=True).stdout)
assert "95,49 %" in rep._repr_html_()
try:
    rep.to_arrow()
except ImportError as e:
    assert "motcua[arrow]" in str(e), e
else:
    raise AssertionError("to_arrow without pyarrow")
print("ok: the wheel works without pyarrow, polars and pandas")
PY
)

step "the notebook, executed with nbclient"
executed="$out/quarterly_report.executed.ipynb"
(cd "$out" && "$venv/bin/python" "$root/bindings/python/tests/run_notebook.py" \
   "$root/examples/notebooks/quarterly_report.ipynb" "$executed")

step "the stubs: mypy --strict on a typed usage file"
(cd "$out" && "$venv/bin/python" -m mypy --strict --no-incremental "$root/bindings/python/tests/typing_usage.py")

step "pytest"
set +e
(cd "$out" && MOTCUA_REQUIRE_ALL=1 MOTCUA_CLI="$cli" MOTCUA_NOTEBOOK_EXECUTED="$executed" \
   "$venv/bin/python" -m pytest -q -p no:cacheprovider "$root/bindings/python/tests")
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
  echo "pytest collected no tests" >&2
  exit 1
fi
[ "$rc" -eq 0 ] || exit "$rc"

step "the binding's Rust unit tests (the Arrow reader)"
libdir=$("$py" -c 'import sysconfig; print(sysconfig.get_config_var("LIBDIR") or "")')
if ls "$libdir"/libpython3*.so* >/dev/null 2>&1; then
  LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" cargo test --release -p motcua-python --lib
else
  echo "skipped: $py has no shared libpython to link the test binary with (the pytest suite covers the reader)"
fi
