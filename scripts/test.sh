#!/usr/bin/env bash
# Quick start (2): install what is missing, build what changed, and run every test:
# Catch2 unit tests, HTTP tests against the real server, and browser tests
# (Playwright + Debian Chromium) against the real server and the real WASM build.
# Extra arguments go to ctest (e.g. -R browser, -L http, --rerun-failed).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
bash scripts/install.sh
bash scripts/build.sh
ctest --test-dir build/native --output-on-failure --timeout 600 -j "$(nproc)" "$@"
