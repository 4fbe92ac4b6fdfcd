#!/usr/bin/env bash
# The Bearer path against the HTTP layer: starts the Release hawzu-server as its own
# process on a free 127.0.0.1 port with a demo data directory in a temporary directory,
# signs the demo owner in, creates a workspace token, then drives keep-alive connections
# with wrk (Debian's /usr/bin/wrk) against
#   GET /api/v1/health        no authentication, no database
#   GET /api/v1/workspaces    Bearer: one token verification and the workspace
# and prints requests/s, p50 and p99 latency for both and the ratio Bearer/health, then
# the in-process cost of one token verification (hawzu-bench --verification-only).
# Never fails on speed: only when the server cannot start or a request is not a 200.
#
#   bash scripts/bench.sh [--seconds N] [--threads N] [--connections N]
#                         [--verifications N] [--database URL] [--no-build]
#
# Defaults: 5 s per route, 2 wrk threads, 32 connections, 200000 verifications.
# --database URL runs the server on that (existing) PostgreSQL database instead of
# SQLite; the verification figure stays SQLite's (hawzu-bench is in-process).
# Run it on an otherwise quiet machine: wrk and the server share its cores.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

seconds=5
threads=2
connections=32
verifications=200000
database_url=
build=true
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift ;;
    --threads) threads=$2; shift ;;
    --connections) connections=$2; shift ;;
    --verifications) verifications=$2; shift ;;
    --database) database_url=$2; shift ;;
    --no-build) build=false ;;
    *) echo "bench.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

server=${HAWZU_SERVER:-build/native/server/hawzu-server}
bench=${HAWZU_BENCH:-build/native/bench/hawzu-bench}
wrk=${WRK:-/usr/bin/wrk}
if $build; then cmake --build build/native --target hawzu-server hawzu-bench >&2; fi
for tool in "$server" "$bench" "$wrk" curl jq; do
  command -v "$tool" >/dev/null || { echo "bench.sh: $tool not found" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/hawzu-bench-XXXXXX")
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

args=(--data "$work/data" --listen 127.0.0.1:0 --demo --max-connections-per-client 100000)
[ -d build/site ] && args+=(--public build/site)
[ -n "$database_url" ] && args+=(--database "$database_url")
# The access log goes to a file: its cost is part of every request, as in production.
"$server" "${args[@]}" >"$work/server.log" 2>"$work/server.err" &
pid=$!
base=
for _ in $(seq 1 200); do
  base=$(grep -o 'listening on http://[^" ]*' "$work/server.log" 2>/dev/null | head -1 | sed 's/listening on //') || true
  [ -n "$base" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
if [ -z "$base" ]; then
  echo "bench.sh: the server did not start" >&2
  cat "$work/server.log" "$work/server.err" >&2
  exit 1
fi

web=(-H 'X-Requested-With: hawzu-web' -H "Origin: $base" -H 'Content-Type: application/json')
session=$(curl -sf -c "$work/cookies" "${web[@]}" -X POST "$base/api/v1/session" \
  -d '{"email":"owner@acme.test","password":"hawzu-demo"}')
wid=$(jq -r '.workspaces[0].id' <<<"$session")
token=$(curl -sf -b "$work/cookies" "${web[@]}" -X POST "$base/api/v1/workspace/$wid/access-tokens" \
  -d '{"name":"Benchmark","access_type":"workspace","workspace_role":"workspace_viewer","expiry":{"kind":"never"}}' |
  jq -r .token)
if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$base/api/v1/workspaces")" != 200 ]; then
  echo "bench.sh: the Bearer route does not answer 200" >&2
  exit 1
fi

# One wrk run: "requests/s p50 p99 non2xx" (latencies as wrk prints them).
run_wrk() {
  local out
  out=$("$wrk" -t"$threads" -c"$connections" -d"${seconds}s" --latency "$@")
  local rps p50 p99 bad errors
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  bad=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")
  errors=$(awk '/Socket errors:/ {print}' <<<"$out")
  echo "$rps $p50 $p99 ${bad:-0} ${errors:+socket-errors}"
}

backend=sqlite
[ -n "$database_url" ] && backend=postgresql
echo "bench.sh: wrk -t$threads -c$connections -d${seconds}s, $backend, $(nproc) cores"
read -r health_rps health_p50 health_p99 health_bad _ <<<"$(run_wrk "$base/api/v1/health")"
read -r bearer_rps bearer_p50 bearer_p99 bearer_bad _ <<<"$(run_wrk -H "Authorization: Bearer $token" "$base/api/v1/workspaces")"
printf '  %-36s %10s requests/s  p50 %8s  p99 %8s\n' \
  'GET /api/v1/health (no auth)' "$health_rps" "$health_p50" "$health_p99" \
  'GET /api/v1/workspaces (Bearer)' "$bearer_rps" "$bearer_p50" "$bearer_p99"
awk -v b="$bearer_rps" -v h="$health_rps" 'BEGIN { printf "  Bearer / health ratio: %.2f\n", (h > 0 ? b / h : 0) }'

"$bench" --verification-only --verifications "$verifications" 2>&1 | sed -n 's/^ *token verification/  token verification/p; s/^ *full verification/  full verification/p; s/^ *of which/  of which/p'

if [ "$health_bad" != 0 ] || [ "$bearer_bad" != 0 ]; then
  echo "bench.sh: some answers were not 2xx (health $health_bad, Bearer $bearer_bad)" >&2
  exit 1
fi
