#!/usr/bin/env bash
# The load run: builds what changed in build/native, then runs hawzu-load for 60 s: the
# real hawzu-server as its own process on a free 127.0.0.1 port with a temporary data
# directory, Bearer reads and writes from keep-alive clients and token creations by a
# signed-in owner. Loopback only. Fails on any 5xx or failed request, never on speed.
# Extra arguments go to hawzu-load (e.g. --seconds 10 --clients 16).
# Assumes scripts/install.sh has run. Run it on an otherwise quiet machine: client and
# server share its cores.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

if [ ! -f build/native/build.ninja ]; then
  bash scripts/build.sh
else
  cmake --build build/native --target hawzu-load hawzu-server
fi
exec build/native/bench/hawzu-load --seconds 60 "$@"
