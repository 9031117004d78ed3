#!/usr/bin/env bash
# Installs what a fresh clone lacks, quickly a no-op when all is there.
# Used by `npm start` and `npm test` (--test also fetches the test server).
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.postwatch-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "postwatch: installing npm dependencies…" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
  cp package-lock.json "$stamp"
fi
gen=prisma/generated/client.ts
if [ ! -f "$gen" ] || [ prisma/schema.prisma -nt "$gen" ]; then
  # the schema engine binary is not needed to generate; pointing at /bin/false keeps prisma offline
  PRISMA_SCHEMA_ENGINE_BINARY=/bin/false npx --no-install prisma generate >/dev/null
  touch "$gen"
fi
bash scripts/build-console.sh
bash scripts/postgres-reachable.sh
if [ "${1:-}" = "--test" ]; then
  bash scripts/install-temporal.sh --test
  bash scripts/install-chromium.sh
elif [ -z "${TEMPORAL_ADDRESS:-}" ]; then
  # without the binary, start falls back to the SDK's own download where the internet is reachable
  bash scripts/install-temporal.sh || echo "postwatch: no Temporal binary installed; trying the SDK's download" >&2
fi
