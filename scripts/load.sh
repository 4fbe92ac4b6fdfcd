#!/usr/bin/env bash
# The load run: builds what changed in build/native, then runs hawzu-load for 60 s: the
# real hawzu-server as its own process on a free 127.0.0.1 port with a temporary data
# directory, Bearer reads and writes from keep-alive clients and token creations by a
# signed-in owner. Loopback only. Fails on any 5xx or failed request, never on speed.
# Extra arguments go to hawzu-load (e.g. --seconds 10 --clients 16).
#
#   bash scripts/load.sh [ARGS...]                  # SQLite, one server
#   bash scripts/load.sh --database [ARGS...]       # SQLite, then two servers on PostgreSQL
#   bash scripts/load.sh --database URL [ARGS...]   # the same on an existing, empty database
#
# With --database the run is made twice with the same arguments, first against SQLite
# (the default), then against two hawzu-server processes sharing one PostgreSQL database
# and the token-hashing key, with the clients spread across both, so that both sets of
# figures come from the same machine at the same time. Without a URL it starts a
# throwaway cluster (scripts/pg_cluster.sh, loopback only), creates the database in it,
# and stops it at the end, on failure too.
# Assumes scripts/install.sh has run. Run it on an otherwise quiet machine: client and
# server share its cores.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

postgres=false
database_url=
args=()
while [ $# -gt 0 ]; do
  if [ "$1" = --database ]; then
    postgres=true
    if [ $# -gt 1 ] && [[ "$2" == postgres://* || "$2" == postgresql://* ]]; then
      database_url=$2
      shift
    fi
  else
    args+=("$1")
  fi
  shift
done

if [ ! -f build/native/build.ninja ]; then
  bash scripts/build.sh
else
  cmake --build build/native --target hawzu-load hawzu-server
fi
load=build/native/bench/hawzu-load
$postgres || exec "$load" --seconds 60 "${args[@]}"

state=
cleanup() {
  if [ -n "$state" ]; then bash scripts/pg_cluster.sh stop "$state" >&2 || true; fi
}
trap cleanup EXIT
if [ -z "$database_url" ]; then
  state=$(mktemp /tmp/hawzu-load-pg-XXXXXX)
  bash scripts/pg_cluster.sh start "$state" >&2
  # shellcheck disable=SC1090
  . "$state"
  psql "$PGURL/postgres" -XqAt -v ON_ERROR_STOP=1 -c "CREATE DATABASE hawzu_load"
  database_url=$PGURL/hawzu_load
fi

echo "load.sh: SQLite, one server" >&2
sqlite_status=0
"$load" --seconds 60 "${args[@]}" || sqlite_status=$?
echo "load.sh: PostgreSQL, two servers" >&2
pg_status=0
"$load" --seconds 60 "${args[@]}" --database "$database_url" --servers 2 || pg_status=$?
echo "load.sh: SQLite $([ $sqlite_status = 0 ] && echo PASS || echo FAIL)," \
  "PostgreSQL $([ $pg_status = 0 ] && echo PASS || echo FAIL)" >&2
[ $sqlite_status = 0 ] && [ $pg_status = 0 ]
