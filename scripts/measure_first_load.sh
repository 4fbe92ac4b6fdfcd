#!/usr/bin/env bash
# First-load figures of the web app: builds what changed, then runs
# tests/browser/measure_first_load.js (headless Chromium, real server, cold cache,
# signed in): bytes transferred before the first signed-in frame and the time to it.
# Extra arguments go to the script (the number of runs, default 5).
# Assumes scripts/install.sh has run. Run it on a quiet machine for stable times.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

bash scripts/build.sh >/dev/null
export HAWZU_SERVER="$repo/build/native/server/hawzu-server"
export HAWZU_SITE_DIR="$repo/build/site"
exec node tests/browser/measure_first_load.js "$@"
