#!/usr/bin/env bash
# Instructions per token verification: runs hawzu-bench --cached-only under valgrind
# --tool=callgrind, collecting only inside Authenticator::authenticate_bearer, and
# prints the instructions executed per call of a busy token (its cached verdict
# re-validated; the first call, a full verification, is averaged in) (a figure that, unlike time, does not
# depend on what else the machine is doing). Keeps the profile when --keep is given,
# for callgrind_annotate.
#
#   bash bench/callgrind_verify.sh [N] [--keep]     # N verifications, default 2000
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
count=${1:-2000}
keep=false
[ "${2:-}" = --keep ] && keep=true
bench=${HAWZU_BENCH:-$repo/build/native/bench/hawzu-bench}
out=$(mktemp "${TMPDIR:-/tmp}/hawzu-callgrind-XXXXXX")
valgrind --tool=callgrind --callgrind-out-file="$out" \
  --toggle-collect='*Authenticator::authenticate_bearer*' \
  "$bench" --cached-only --verifications "$count" >/dev/null 2>&1
total=$(callgrind_annotate "$out" 2>/dev/null | awk '/PROGRAM TOTALS/ && !done { gsub(",", "", $1); print $1; done = 1 }')
awk -v t="$total" -v n="$count" 'BEGIN { printf "instructions per verification: %.0f (%s over %d)\n", t / n, t, n }'
if $keep; then echo "profile: $out (callgrind_annotate --inclusive=yes $out)"; else rm -f "$out"; fi
