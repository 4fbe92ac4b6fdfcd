#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks: initdb into a new temporary
# folder, a free loopback port, trust authentication on loopback only, started and
# stopped with pg_ctl. PostgreSQL refuses to run as root, so as root the cluster runs as
# the `postgres` user (Debian's package creates it); as anyone else, as that user.
#
#   bash scripts/pg_cluster.sh start STATE_FILE   # writes PGDIR, PGPORT, PGURL to STATE_FILE
#   bash scripts/pg_cluster.sh stop STATE_FILE    # stops the cluster, deletes its folder
#   bash scripts/pg_cluster.sh restart STATE_FILE # immediate stop, then start on the same port
#   bash scripts/pg_cluster.sh down STATE_FILE    # immediate stop, keeping folder and port
#   bash scripts/pg_cluster.sh up STATE_FILE      # start again after `down`
#   bash scripts/pg_cluster.sh standby STATE_FILE PRIMARY_STATE_FILE
#                                                 # a hot standby of a running cluster
#   bash scripts/pg_cluster.sh promote STATE_FILE # a standby becomes a primary
#
# A cluster made by `start` can serve as a primary: wal_level is replica (the default,
# set explicitly here) and initdb's pg_hba.conf already has `host replication all
# 127.0.0.1/32 trust`. `standby` copies it with pg_basebackup -R (which writes
# primary_conninfo and standby.signal) into a new folder and starts the copy on a
# port of its own, streaming from the primary; `stop` removes either.
#
# Nothing here touches a system-wide PostgreSQL service. Never use trust authentication
# outside tests (docs/operations.md shows a production set-up).
set -euo pipefail

action=${1:?start, stop, restart, down, up, standby or promote}
state=${2:?a state file}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bindir/pg_ctl" ] || { echo "pg_cluster: PostgreSQL server binaries not found (scripts/install.sh installs them)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })"
}

start_server() { # $1 dir, $2 port
  # fsync off: a test cluster never outlives a power loss, and fsyncs would dominate the
  # tests' time. Killing the postmaster still exercises crash recovery.
  as_owner "$bindir/pg_ctl" -D "$1/db" -l "$1/log" -w -t 30 \
    -o "-p $2 -k $1 -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c wal_level=replica" \
    start >/dev/null
}

new_dir() {
  dir=$(mktemp -d /tmp/hawzu-pg-XXXXXX)
  chmod 755 "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
}

write_state() { # $1 dir, $2 port
  printf 'PGDIR=%s\nPGPORT=%s\nPGURL=postgresql://postgres@127.0.0.1:%s\n' "$1" "$2" "$2" >"$state"
}

case "$action" in
  start)
    new_dir
    as_owner "$bindir/initdb" -D "$dir/db" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
    port=$(free_port)
    start_server "$dir" "$port"
    write_state "$dir" "$port"
    echo "pg_cluster: PostgreSQL on 127.0.0.1:$port in $dir"
    ;;
  standby)
    primary=${3:?a state file of the primary}
    # shellcheck disable=SC1090
    . "$primary"
    new_dir
    as_owner "$bindir/pg_basebackup" -h 127.0.0.1 -p "$PGPORT" -U postgres -D "$dir/db" -R -X stream -c fast
    port=$(free_port)
    # -w returns once the standby accepts (read-only) connections.
    start_server "$dir" "$port"
    write_state "$dir" "$port"
    echo "pg_cluster: standby of 127.0.0.1:$PGPORT on 127.0.0.1:$port in $dir"
    ;;
  promote)
    # shellcheck disable=SC1090
    . "$state"
    as_owner "$bindir/pg_ctl" -D "$PGDIR/db" -w -t 30 promote >/dev/null
    ;;
  stop)
    [ -f "$state" ] || exit 0
    # shellcheck disable=SC1090
    . "$state"
    as_owner "$bindir/pg_ctl" -D "$PGDIR/db" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PGDIR" "$state" "$state.databases"
    echo "pg_cluster: stopped"
    ;;
  restart)
    # shellcheck disable=SC1090
    . "$state"
    as_owner "$bindir/pg_ctl" -D "$PGDIR/db" -m immediate -w stop >/dev/null
    start_server "$PGDIR" "$PGPORT"
    ;;
  down)
    # shellcheck disable=SC1090
    . "$state"
    as_owner "$bindir/pg_ctl" -D "$PGDIR/db" -m immediate -w stop >/dev/null
    ;;
  up)
    # shellcheck disable=SC1090
    . "$state"
    start_server "$PGDIR" "$PGPORT"
    ;;
  *)
    echo "pg_cluster: unknown action $action" >&2
    exit 2
    ;;
esac
