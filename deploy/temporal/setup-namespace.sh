#!/bin/sh
# One-shot (temporalio/admin-tools): wait for the Temporal frontend, create the namespace if
# missing, and register Postwatch's custom search attributes. Idempotent: existing
# attributes are skipped by the server. Retries internally, so the service needs no
# restart policy (docker-compose treats a non-zero exit as a failed dependency at once).
set -eu

ADDR="${TEMPORAL_ADDRESS:-temporal:7233}"
NS="${TEMPORAL_NAMESPACE:-default}"
RETENTION="${TEMPORAL_NAMESPACE_RETENTION:-720h}"
ATTEMPTS="${SETUP_MAX_ATTEMPTS:-60}"
SLEEP="${SETUP_SLEEP_SECONDS:-2}"

retry() {
  what="$1"; shift
  n=1
  until "$@"; do
    if [ "$n" -ge "$ATTEMPTS" ]; then
      echo "temporal-setup: gave up: ${what} (after ${n} attempts)" >&2
      return 1
    fi
    n=$((n + 1))
    sleep "$SLEEP"
  done
}

echo "temporal-setup: waiting for ${ADDR}"
retry "cluster health" temporal operator cluster health --address "$ADDR" >/dev/null

ensure_namespace() {
  temporal operator namespace describe --address "$ADDR" --namespace "$NS" >/dev/null 2>&1 && return 0
  temporal operator namespace create --address "$ADDR" --namespace "$NS" --retention "$RETENTION"
}
retry "namespace ${NS}" ensure_namespace
echo "temporal-setup: namespace ${NS} ready"

# name:type pairs; must match SEARCH_ATTRIBUTES in workflows/definitions.ts
# (test/deploy/compose.test.ts checks that they agree).
SEARCH_ATTRIBUTES="CaseStatus:Keyword CaseProvince:Keyword CaseLeadAgency:Keyword CaseCategory:Keyword CaseOverdue:Bool CaseNextDeadline:Datetime"

create_search_attributes() {
  set --
  for spec in $SEARCH_ATTRIBUTES; do
    set -- "$@" --name "${spec%%:*}" --type "${spec#*:}"
  done
  temporal operator search-attribute create --address "$ADDR" --namespace "$NS" "$@"
}
retry "search attributes" create_search_attributes

list="$(temporal operator search-attribute list --address "$ADDR" --namespace "$NS")"
for spec in $SEARCH_ATTRIBUTES; do
  name="${spec%%:*}"
  type="${spec#*:}"
  # an attribute that already exists with another type is refused: report it clearly
  if ! printf '%s\n' "$list" | grep -w "$name" | grep -qw "$type"; then
    echo "temporal-setup: search attribute ${name} is not registered as ${type} in ${NS}" >&2
    exit 1
  fi
done
echo "temporal-setup: search attributes registered in ${NS}"
