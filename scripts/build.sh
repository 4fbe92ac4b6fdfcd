#!/usr/bin/env bash
# Builds both halves of the project, incrementally:
#   build/native  hawzu-server, the shared library, the tests   (g++)
#   build/web     app.js + app.wasm, assembled with public/ and fonts into build/site   (Emscripten)
# Assumes scripts/install.sh has run. Fast when nothing changed (ninja does no work).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

# Emscripten 3.1.6 on Debian needs Debian's node modules (acorn) on NODE_PATH.
export NODE_PATH=/usr/share/nodejs
# ccache (when installed) shares objects between checkouts: hash paths relative to the repo.
export CCACHE_BASEDIR="$repo"

build_type=${HAWZU_BUILD_TYPE:-Release}

# The build type a tree was configured with, from its cache ("" when not configured).
configured_type() {
  sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$1/CMakeCache.txt" 2>/dev/null || true
}

# Configures a tree that is new or was configured for another HAWZU_BUILD_TYPE.
if [ ! -f build/native/build.ninja ] || [ "$(configured_type build/native)" != "$build_type" ]; then
  cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE="$build_type" >/dev/null
fi
cmake --build build/native

if [ ! -f build/web/build.ninja ] || [ "$(configured_type build/web)" != "$build_type" ]; then
  emcmake cmake -S . -B build/web -G Ninja -DCMAKE_BUILD_TYPE="$build_type" >/dev/null
fi
cmake --build build/web
