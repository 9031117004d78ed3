#!/usr/bin/env bash
# Fuzzes the running API against its own OpenAPI document with Schemathesis: a real server
# (`scripts/start.ts`: embedded PostgreSQL + Temporal dev server, data in a temporary folder),
# one pass per role (admin, carrier, officer, manager; then key revocation alone) with that role's
# key, and a few real cases so the action endpoints also meet cases they can act on. Fails on any
# 5xx, any answer that does not match the document (status, content type, headers, body), and when
# fewer than ST_MIN_REQUESTS requests were made in total.
#
#   ST_MAX_EXAMPLES  test cases per operation and pass (default 12)
#   ST_SEED          Hypothesis seed (default 20261124: reproducible CI runs)
#   ST_MIN_REQUESTS  least number of requests in total (default 1000)
#   ST_KEEP=1        keep the temporary folder (server log, HAR files) for inspection
#   ST_LOG_LEVEL     the server's LOG_LEVEL (default warn)
#   ST_JUNIT_DIR     also write each pass's JUnit XML report here (CI sums them up)
#
# Schemathesis comes from PyPI, pinned, into .tools/schemathesis (a venv): once installed, runs offline.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
ST_VERSION=4.32.5
MAX_EXAMPLES=${ST_MAX_EXAMPLES:-12}
SEED=${ST_SEED:-20261124}
MIN_REQUESTS=${ST_MIN_REQUESTS:-1000}
VENV=.tools/schemathesis
log() { echo "schemathesis: $*" >&2; }

# a venv when Python has one; else (e.g. Debian without python3-venv) a plain `pip --target` folder
st() {
  if [ -x "$ROOT/$VENV/bin/st" ]; then "$ROOT/$VENV/bin/st" "$@"
  else PYTHONPATH="$ROOT/$VENV/lib" python3 -m schemathesis.cli "$@"; fi
}
if ! st --version 2>/dev/null | grep -qF "$ST_VERSION"; then
  log "installing schemathesis==$ST_VERSION into $VENV…"
  rm -rf "$VENV"
  if python3 -m venv "$VENV" >/dev/null 2>&1; then
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$ST_VERSION" >&2
  else
    rm -rf "$VENV"
    python3 -m pip install --quiet --disable-pip-version-check --target "$VENV/lib" "schemathesis==$ST_VERSION" >&2
  fi
  st --version >/dev/null || { log "schemathesis did not install"; exit 1; }
fi

started_at=$(date +%s)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/postwatch-fuzz-XXXXXX")
chmod 755 "$WORK" # as root, embedded PostgreSQL runs as `postgres`, which must enter this folder
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
ADMIN_TOKEN="pw_fuzz_$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')"

SERVER_PID=
cleanup() {
  local rc=$?
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    log "stopping the server"
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$SERVER_PID" 2>/dev/null && { log "server did not stop in 30 s; killing it"; kill -KILL "$SERVER_PID" 2>/dev/null || true; }
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ "${ST_KEEP:-}" = 1 ] || [ $rc -ne 0 ]; then
    log "kept $WORK (server.log, *.har)"
  else
    rm -rf "$WORK"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "starting Postwatch on $BASE (data in $WORK)"
# the rate limit and the failed-authentication throttle are off for the fuzzing run
# (RATE_LIMIT_PER_MINUTE=0, AUTH_FAILURES_PER_MINUTE=0): their 429 paths have their own tests
DATA_DIR="$WORK/data" PORT=$PORT HOST=127.0.0.1 TEMPORAL_PORT=$(free_port) TEMPORAL_UI_PORT=$(free_port) \
  ADMIN_TOKEN="$ADMIN_TOKEN" LOG_LEVEL=${ST_LOG_LEVEL:-warn} RATE_LIMIT_PER_MINUTE=0 AUTH_FAILURES_PER_MINUTE=0 WEBHOOKS_DELIVERY=off \
  DATABASE_URL= TEMPORAL_ADDRESS= METRICS_TOKEN= \
  node_modules/.bin/tsx scripts/start.ts >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for i in $(seq 1 240); do
  grep -q 'Postwatch is ready.' "$WORK/server.log" 2>/dev/null && break
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    log "the server exited during start:"; tail -40 "$WORK/server.log" >&2; exit 1
  fi
  [ "$i" = 240 ] && { log "the server was not ready in 120 s:"; tail -40 "$WORK/server.log" >&2; exit 1; }
  sleep 0.5
done
log "server ready after $(($(date +%s) - started_at)) s"

# --- credentials and a few cases -------------------------------------------------------------
api() { # method path token [json] → prints the body; fails on a non-2xx answer
  local out status
  out=$(curl -sS -w '\n%{http_code}' -X "$1" "$BASE$2" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' ${5:+-H "Idempotency-Key: $5"} ${4:+--data "$4"})
  status=${out##*$'\n'}
  out=${out%$'\n'*}
  case $status in 2*) printf '%s' "$out" ;; *) log "$1 $2 answered $status: $out"; return 1 ;; esac
}
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {'d': d}))" "$1"; }

api POST /v1/carriers "$ADMIN_TOKEN" '{"id":"VNP","name":"Tổng công ty Bưu điện Việt Nam"}' >/dev/null
CARRIER_TOKEN=$(api POST /v1/principals "$ADMIN_TOKEN" '{"name":"fuzz carrier","role":"carrier","carrierId":"VNP"}' | json "d['key']['token']")
OFFICER_TOKEN=$(api POST /v1/principals "$ADMIN_TOKEN" '{"name":"fuzz officer","role":"officer","agencyId":"TH-QLTT","provinceCode":"TH","title":"DEPARTMENT_HEAD"}' | json "d['key']['token']")
MANAGER_TOKEN=$(api POST /v1/principals "$ADMIN_TOKEN" '{"name":"fuzz manager","role":"manager"}' | json "d['key']['token']")
CASES=()
for n in 1 2 3; do
  body="{\"carrierRef\":\"FUZZ-$n\",\"trackingNumber\":\"EE00000000${n}VN\",\"servicePoint\":\"Bưu cục Hoằng Hóa\",\"provinceCode\":\"TH\",\"stage\":\"ACCEPTANCE\",\"categoryCode\":\"COUNTERFEIT\",\"description\":\"fuzz case $n\"}"
  resp=$(api POST /v1/cases "$CARRIER_TOKEN" "$body" "fuzz-case-000$n")
  CASES+=("$(printf '%s' "$resp" | json "d['id']")" "$(printf '%s' "$resp" | json "d['number']")")
done
# the officer acknowledges one case so that more of its actions are open
api POST "/v1/cases/${CASES[0]}/acknowledgement" "$OFFICER_TOKEN" '{}' fuzz-ack-0001 >/dev/null
log "cases: ${CASES[*]}"

# Half of the generated {id} path parameters are a real case id or number (the rest are random).
{
  echo '[dictionaries.cases]'
  printf 'values = ['; printf '"%s",' "${CASES[@]}"; echo ']'
  echo '[parameters]'
  echo '"path.id" = { dictionary = "cases", probability = 0.5 }'
} >"$WORK/schemathesis.toml"

# --- the passes ------------------------------------------------------------------------------
CHECKS=not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance
failed=()
total=0
# pass name, key, extra arguments. The admin pass leaves out DELETE /v1/keys/{id}: its stateful
# phase finds key ids in GET /v1/principals and would revoke its own key, leaving only 401s; the
# admin-revoke pass fuzzes that operation alone, without the stateful phase.
PASSES=(
  "admin|$ADMIN_TOKEN|--exclude-operation-id revokeKey"
  "carrier|$CARRIER_TOKEN|"
  "officer|$OFFICER_TOKEN|"
  "manager|$MANAGER_TOKEN|"
  "admin-revoke|$ADMIN_TOKEN|--include-operation-id revokeKey --phases examples,coverage,fuzzing"
)
for pass in "${PASSES[@]}"; do
  IFS='|' read -r name token extra <<<"$pass"
  log "pass: $name (max $MAX_EXAMPLES examples per operation, seed $SEED)"
  set +e
  # from .tools: Schemathesis keeps its crash cache (replayed first next time) in ./.schemathesis
  # shellcheck disable=SC2086 # $extra is a list of arguments
  (cd .tools && st --config-file "$WORK/schemathesis.toml" run "$BASE/v1/openapi.json" \
    --header "Authorization: Bearer $token" \
    --checks "$CHECKS" \
    --max-examples "$MAX_EXAMPLES" \
    --seed "$SEED" \
    --workers 1 \
    --request-timeout 30 \
    --generation-database none \
    --no-color \
    --report har,junit --report-har-path "$WORK/$name.har" --report-junit-path "$WORK/$name.junit.xml" \
    --report-dir "$WORK/report" \
    $extra \
    >"$WORK/$name.out" 2>&1)
  rc=$?
  set -e
  n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["log"]["entries"]))' "$WORK/$name.har" 2>/dev/null || echo 0)
  total=$((total + n))
  [ -n "${ST_JUNIT_DIR:-}" ] && [ -f "$WORK/$name.junit.xml" ] && cp "$WORK/$name.junit.xml" "$ST_JUNIT_DIR/schemathesis-$name.xml"
  if [ $rc -ne 0 ]; then
    failed+=("$name")
    cut -c1-600 "$WORK/$name.out" >&2
  else
    tail -n 8 "$WORK/$name.out" >&2
  fi
  log "pass $name: $n requests, exit $rc"
done

elapsed=$(($(date +%s) - started_at))
echo "schemathesis: $total requests in $elapsed s over ${#PASSES[@]} passes (admin, carrier, officer, manager, admin-revoke); failed passes: ${failed[*]:-none}"
grep -E '"level":(50|60)' "$WORK/server.log" | head -20 >&2 || true
[ ${#failed[@]} -eq 0 ] || { log "FAILED: ${failed[*]}"; exit 1; }
[ "$total" -ge "$MIN_REQUESTS" ] || { log "only $total requests (fewer than $MIN_REQUESTS): raise ST_MAX_EXAMPLES"; exit 1; }
