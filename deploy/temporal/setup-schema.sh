#!/bin/sh
# One-shot (temporalio/admin-tools): create or upgrade Temporal's SQL schemas in the
# `temporal` and `temporal_visibility` databases. Idempotent: setup-schema keeps an
# existing version, update-schema applies only the missing versioned steps.
# The databases and the `temporal` role are created by deploy/postgres/initdb.
# Connection settings come from SQL_HOST, SQL_PORT, SQL_USER, SQL_PASSWORD, SQL_PLUGIN.
set -eu

: "${SQL_HOST:?}" "${SQL_USER:?}" "${SQL_PASSWORD:?}"
export SQL_PLUGIN="${SQL_PLUGIN:-postgres12}"
export SQL_PORT="${SQL_PORT:-5432}"
SCHEMA_ROOT="${SCHEMA_ROOT:-/etc/temporal/schema/postgresql/v12}"

schema() { # <database> <schema kind: temporal|visibility>
  echo "temporal-schema: $1 ($2)"
  temporal-sql-tool --db "$1" setup-schema -v 0.0
  temporal-sql-tool --db "$1" update-schema -d "${SCHEMA_ROOT}/$2/versioned"
}

schema "${DBNAME:-temporal}" temporal
schema "${VISIBILITY_DBNAME:-temporal_visibility}" visibility
echo "temporal-schema: done"
