#!/usr/bin/env bash
# Quick start (2): install what is missing, build what changed, and run every test, in two
# stages that both always run:
#   1. build/native (g++): Catch2 unit tests, HTTP tests against the real server, and
#      browser tests (Playwright + Debian Chromium) against the real server and the real
#      WASM build.
#   2. build/sanitize (clang, scripts/sanitize.sh): the unit and HTTP tests again against
#      an AddressSanitizer + UndefinedBehaviorSanitizer build, then each libFuzzer target
#      for HAWZU_FUZZ_SECONDS (default 30). Its build also compiles the server library
#      once without unity batches (build/nounity), so a missing include fails.
# Stage 2's build runs in the background, at the lowest CPU priority, during stage 1's
# tests. Fails when either stage fails, and ends with both CTest summaries. Extra
# arguments go to both ctest runs (e.g. -R '^shared:', -L http, --rerun-failed).
# HAWZU_SKIP_SANITIZE=1 skips stage 2 while iterating locally; the summary then says the
# run was incomplete. CI (.ci/run) never skips it.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
took() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

t0=$SECONDS
bash scripts/install.sh
bash scripts/build.sh
t_build=$((SECONDS - t0))

skip=${HAWZU_SKIP_SANITIZE:-0}
# Stage 2's build runs behind stage 1's tests at the lowest CPU priority: the browser
# tests run one at a time and leave a core partly idle, which the build takes.
if [ "$skip" != 1 ]; then
  nice -n 19 bash scripts/sanitize.sh --build-only >"$logs/sanitize-build" 2>&1 &
  sanitize_build=$!
fi

t0=$SECONDS
native=0
ctest --test-dir build/native --output-on-failure --timeout 600 -j "$(nproc)" "$@" |
  tee "$logs/native" || native=$?
t_native=$((SECONDS - t0))

t0=$SECONDS
sanitize=0
if [ "$skip" = 1 ]; then
  sanitize=skipped
else
  echo "== Sanitizer stage (build/sanitize)"
  wait "$sanitize_build" || sanitize=$?
  if [ "$sanitize" = 0 ]; then
    tail -n 1 "$logs/sanitize-build"
    bash scripts/sanitize.sh --no-build "$@" 2>&1 | tee "$logs/sanitize" || sanitize=$?
  else
    cat "$logs/sanitize-build"
    : >"$logs/sanitize"
  fi
fi
t_sanitize=$((SECONDS - t0))

# The last CTest summary line of a stage, or why there is none.
counts() {
  grep -E '^[0-9]+% tests passed' "$1" | tail -n 1 ||
    echo "no tests ran (configure or build failed, see above)"
}

echo
echo "== Summary"
echo "build (install, native, web): $(took "$t_build")"
echo "native   build/native    $(counts "$logs/native")   [$(took "$t_native")]"
if [ "$sanitize" = skipped ]; then
  echo "sanitize build/sanitize  SKIPPED (HAWZU_SKIP_SANITIZE=1): not a complete run"
else
  echo "sanitize build/sanitize  $(counts "$logs/sanitize")   [$(took "$t_sanitize") after stage 1]"
  # libFuzzer's final statistics, from the full output CTest keeps.
  if grep -q 'fuzz: ' "$logs/sanitize"; then
    awk '/^[0-9]+\/[0-9]+ Testing: fuzz: / { name = $NF }
         name && /^stat::number_of_executed_units:/ { runs[name] = $2 }
         name && /^stat::average_exec_per_sec:/ { rate[name] = $2 }
         name && /DONE +cov:/ { for (i = 1; i < NF; i++) if ($i == "cov:") cov[name] = $(i + 1) }
         name && /^stat::peak_rss_mb:/ {
           printf "  fuzz %-22s %d runs, %d/s, %s coverage edges\n", name, runs[name],
                  rate[name], cov[name]; name = "" }' \
      build/sanitize/Testing/Temporary/LastTest.log 2>/dev/null || true
  fi
fi

if [ "$native" != 0 ] || { [ "$sanitize" != 0 ] && [ "$sanitize" != skipped ]; }; then
  echo "FAILED: native stage exit $native, sanitizer stage exit $sanitize"
  exit 1
fi
