#!/usr/bin/env bash
# The sanitizer build: the whole native tree (shared, server, unit tests) compiled with
# clang + AddressSanitizer + UndefinedBehaviorSanitizer in build/sanitize, plus the
# libFuzzer targets. Runs the unit and HTTP tests against the sanitized server, and
# each fuzz target for HAWZU_FUZZ_SECONDS (default 30). Extra arguments go to ctest.
# Assumes scripts/install.sh has run; scripts/test.sh calls this.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

fuzz_seconds=${HAWZU_FUZZ_SECONDS:-30}
if [ ! -f build/sanitize/build.ninja ]; then
  CC=clang CXX=clang++ cmake -S . -B build/sanitize -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DHAWZU_FUZZ=ON -DHAWZU_FUZZ_SECONDS="$fuzz_seconds" >/dev/null
else
  cmake -S . -B build/sanitize -DHAWZU_FUZZ_SECONDS="$fuzz_seconds" >/dev/null
fi
cmake --build build/sanitize

# Leaks fail the run; UBSan reports abort (-fno-sanitize-recover) with a stack.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build/sanitize --output-on-failure --timeout 900 -j "$(nproc)" -LE browser "$@"
