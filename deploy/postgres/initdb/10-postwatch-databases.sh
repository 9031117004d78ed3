#!/usr/bin/env bash
# Runs once, when the postgres container initialises an EMPTY data volume
# (docker-entrypoint-initdb.d). Creates one login role per consumer:
#   postwatch -> database postwatch            (the application's system of record)
#   temporal  -> databases temporal, temporal_visibility (Temporal persistence + visibility)
# Passwords come from the container environment (see docker-compose.yml). Changing them
# later has no effect on an existing volume: use ALTER ROLE, or `docker-compose down -v`.
set -euo pipefail

: "${POSTWATCH_DB_PASSWORD:?POSTWATCH_DB_PASSWORD must be set}"
: "${TEMPORAL_DB_PASSWORD:?TEMPORAL_DB_PASSWORD must be set}"

# psql variables (:'name') quote the values safely; they are interpolated from stdin only.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-$POSTGRES_USER}" \
  -v postwatch_pw="$POSTWATCH_DB_PASSWORD" -v temporal_pw="$TEMPORAL_DB_PASSWORD" <<'SQL'
CREATE ROLE postwatch LOGIN PASSWORD :'postwatch_pw';
CREATE DATABASE postwatch OWNER postwatch;
REVOKE ALL ON DATABASE postwatch FROM PUBLIC;

CREATE ROLE temporal LOGIN PASSWORD :'temporal_pw';
CREATE DATABASE temporal OWNER temporal;
CREATE DATABASE temporal_visibility OWNER temporal;
REVOKE ALL ON DATABASE temporal FROM PUBLIC;
REVOKE ALL ON DATABASE temporal_visibility FROM PUBLIC;
SQL

# PostgreSQL 15+ no longer lets every role create objects in `public`: make each owner own it.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postwatch -c 'ALTER SCHEMA public OWNER TO postwatch;'
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname temporal -c 'ALTER SCHEMA public OWNER TO temporal;'
# Temporal's visibility schema needs btree_gin; create it here so the `temporal` role
# needs no extra privilege (its schema tool skips the step when the extension exists).
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname temporal_visibility \
  -c 'ALTER SCHEMA public OWNER TO temporal;' -c 'CREATE EXTENSION IF NOT EXISTS btree_gin;'
