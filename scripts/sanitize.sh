#!/usr/bin/env bash
# The sanitizer stage of scripts/test.sh (also runs on its own): the whole native tree
# compiled with clang + AddressSanitizer + UndefinedBehaviorSanitizer in build/sanitize,
# plus the libFuzzer targets, and the server library once more without unity batches in
# build/nounity (so a file that leans on an include of its batch mates fails). Runs every test but the browser tests against it (unit,
# HTTP, the short load run), then each fuzz target for HAWZU_FUZZ_SECONDS (default 30).
# Extra arguments go to ctest.
#   --build-only   configure and build, run nothing
#   --no-build     run the tests of the tree as it is
# Assumes scripts/install.sh has run. Incremental: a second run only builds what changed.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
export CCACHE_BASEDIR="$repo"
# Line tables name source paths, so ccache would hash the build directory too and never
# share objects between two checkouts (CI builds a fresh clone each time). Debug paths are
# written relative to the repository instead, and the directory is left out of the hash.
export CCACHE_NOHASHDIR=1

build=1 test=1
case "${1:-}" in
  --build-only) test=0; shift ;;
  --no-build) build=0; shift ;;
esac

if [ "$build" = 1 ]; then
  # -O1 with line tables only: the sanitizers check every access as at -O2 and stacks
  # still name file:line, for far less compile time than RelWithDebInfo's -O2 -g. The
  # server library builds in unity batches (HAWZU_UNITY_BUILD); lld links. No -DNDEBUG:
  # the asserts that back the REQUIRES: contracts stay on here.
  flags="-O1 -gline-tables-only -fdebug-prefix-map=$repo=."
  # Every setting on every run, so an older tree picks up a change of them.
  CC=clang CXX=clang++ cmake -S . -B build/sanitize -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_FLAGS_RELWITHDEBINFO="$flags" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$flags" \
    -DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld -DHAWZU_UNITY_BUILD=ON \
    -DHAWZU_FUZZ=ON -DHAWZU_FUZZ_SECONDS="${HAWZU_FUZZ_SECONDS:-30}" \
    >/dev/null
  cmake --build build/sanitize
  # Each server file compiled on its own: only the library, -O0 without debug info, no
  # tests; with ccache a rerun compiles only the files that changed.
  CC=clang CXX=clang++ cmake -S . -B build/nounity -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_C_FLAGS_DEBUG=-O0 -DCMAKE_CXX_FLAGS_DEBUG=-O0 -DHAWZU_UNITY_BUILD=OFF >/dev/null
  cmake --build build/nounity --target hawzu_server_core
fi

if [ "$test" = 1 ]; then
  # Leaks fail the run; UBSan reports abort (-fno-sanitize-recover) with a stack.
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  # The PostgreSQL runs of the HTTP files (label pg) stay in stage 1 only: on two cores
  # they would double this stage's time, and they exercise the same request code.
  ctest --test-dir build/sanitize --output-on-failure --timeout 900 -j "$(nproc)" \
    -LE 'browser|pg' "$@"
fi
