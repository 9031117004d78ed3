#!/usr/bin/env bash
# Builds the console (console/ → console/dist) with Vite, offline; a no-op when the build is newer
# than every source it is made of. `--force` builds anyway.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=console/dist/.built
if [ "${1:-}" != "--force" ] && [ -f "$stamp" ] &&
  [ -z "$(find console domain package-lock.json -newer "$stamp" -type f -not -path 'console/dist/*' -print -quit)" ]; then
  exit 0
fi
echo "postwatch: building the console…" >&2
started=$(date +%s%N)
node_modules/.bin/vite build --config console/vite.config.ts --logLevel warn >&2
touch "$stamp"
echo "postwatch: console built in $((($(date +%s%N) - started) / 1000000)) ms (console/dist)" >&2
