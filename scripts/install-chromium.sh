#!/usr/bin/env bash
# Debian's Chromium for the console's browser tests (playwright-core drives it; its own browser
# download does not work offline). Idempotent: nothing happens when /usr/bin/chromium is there.
set -euo pipefail
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "postwatch: $CHROMIUM is missing; install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH" >&2
  exit 1
fi
echo "postwatch: installing chromium (Debian) for the browser tests…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends chromium >&2
[ -x "$CHROMIUM" ] || { echo "postwatch: chromium did not install at $CHROMIUM" >&2; exit 1; }
