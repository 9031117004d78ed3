#!/usr/bin/env bash
# Make sure the `docker-compose` command exists (used to validate docker-compose.yml).
# Installs Debian's docker-compose (1.29.2 on bookworm) with apt-get when it is missing.
# Idempotent; prints nothing when docker-compose is already present.
set -euo pipefail

if command -v docker-compose >/dev/null 2>&1; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-docker-compose: docker-compose is missing and apt-get is unavailable; install docker-compose (v1.29+) or Docker Compose v2 yourself" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo -n"
  else
    echo "ensure-docker-compose: docker-compose is missing and installing it needs root (or sudo)" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends docker-compose; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "ensure-docker-compose: apt-get install docker-compose failed" >&2
  exit 1
fi

if ! command -v docker-compose >/dev/null 2>&1; then
  echo "ensure-docker-compose: docker-compose still not on PATH after installing" >&2
  exit 1
fi
