#!/usr/bin/env bash
# Quick start (1): install what is missing, build what changed, and run the server on
# http://127.0.0.1:8080 with its SQLite database in ./data. Extra arguments go to
# hawzu-server (e.g. --demo, --listen 0.0.0.0:8080, --admin-email you@example.com).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
bash scripts/install.sh
bash scripts/build.sh
exec build/native/server/hawzu-server --data ./data --listen 127.0.0.1:8080 \
  --public build/site "$@"
