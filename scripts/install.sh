#!/usr/bin/env bash
# Installs everything the project needs on Debian 12, as root:
#   - Debian packages (compilers, Emscripten, libraries, fonts, Chromium and Firefox ESR
#     with Xvfb for browser tests)
#   - Dear ImGui and cpp-httplib sources from Debian 13 source packages (see README)
#   - npm packages pinned in package-lock.json (Playwright's and Puppeteer's driver
#     libraries, axe-core, Swagger UI)
# Idempotent: when nothing changed it does no network work and finishes in about a second.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cache="$repo/.cache"
third_party="$cache/third_party"
mkdir -p "$third_party"

debian_packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates dpkg-dev debian-archive-keyring
  emscripten
  nlohmann-json3-dev libsqlite3-dev libsodium-dev catch2 libssl-dev zlib1g-dev
  clang lld libclang-rt-14-dev clang-format sqlite3 wrk ccache
  postgresql libpq-dev
  fonts-inter fonts-jetbrains-mono fonts-font-awesome fonttools
  chromium firefox-esr xvfb xauth
)

log() { printf 'install: %s\n' "$*"; }

# ---------------------------------------------------------------------------
# Debian packages: ask dpkg first so a second run never touches the network.
missing_packages() {
  local p
  for p in "${debian_packages[@]}"; do
    dpkg-query -W -f='${db:Status-Status}\n' "$p" 2>/dev/null | grep -qx installed || printf '%s\n' "$p"
  done
}

missing=$(missing_packages)
# Node.js and npm may come from elsewhere (a NodeSource build bundles npm and conflicts
# with Debian's npm package); install Debian's only when there is none.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  missing="$missing nodejs npm"
fi
missing=$(echo $missing)
if [ -n "$missing" ]; then
  log "installing Debian packages: $missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# ---------------------------------------------------------------------------
# Dear ImGui and cpp-httplib from Debian 13 source packages, without touching the
# system's apt configuration. apt verifies the files against the signed index.
version_at_least() { # $1 >= $2 ?
  dpkg --compare-versions "$1" ge "$2"
}

fetch_trixie_sources() {
  local work keyring opts
  work=$(mktemp -d)
  chmod 755 "$work" # apt's download user must be able to write there
  mkdir -p "$work/lists/partial"
  keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  printf '%s\n' \
    "deb-src [signed-by=$keyring] http://deb.debian.org/debian trixie main" \
    "deb-src [signed-by=$keyring] http://deb.debian.org/debian-security trixie-security main" \
    > "$work/src.list"
  opts=(-o "Dir::Etc::SourceList=$work/src.list" -o Dir::Etc::SourceParts=/dev/null
        -o "Dir::State::Lists=$work/lists")
  apt-get "${opts[@]}" update -qq
  (cd "$work" && apt-get "${opts[@]}" source -qq --download-only "$@" >/dev/null)
  local pkg dsc version
  for pkg in "$@"; do
    dsc=$(ls "$work/${pkg}"_*.dsc | sort -V | tail -n 1)
    version=$(basename "$dsc" .dsc); version=${version#"${pkg}_"}
    rm -rf "${third_party:?}/$pkg.tmp"
    # The .dsc's uploader signature cannot be checked without the Debian keyring of
    # developers; apt has already checked every file against the signed index.
    dpkg-source -q -x "$dsc" "$third_party/$pkg.tmp" >/dev/null 2>&1 ||
      { echo "install: could not unpack $dsc" >&2; exit 1; }
    echo "$version" > "$third_party/$pkg.tmp/.debian-version"
    rm -rf "${third_party:?}/$pkg"
    mv "$third_party/$pkg.tmp" "$third_party/$pkg"
    log "unpacked $pkg $version"
  done
  rm -rf "$work" "$third_party"/*.orig.tar.*
}

need_sources=()
[ -f "$third_party/imgui/.debian-version" ] || need_sources+=(imgui)
[ -f "$third_party/cpp-httplib/.debian-version" ] || need_sources+=(cpp-httplib)
if [ ${#need_sources[@]} -gt 0 ]; then
  log "fetching Debian 13 sources: ${need_sources[*]}"
  fetch_trixie_sources "${need_sources[@]}"
fi
version_at_least "$(cat "$third_party/imgui/.debian-version")" 1.90.1 ||
  { echo "install: imgui >= 1.90.1 required" >&2; exit 1; }
version_at_least "$(cat "$third_party/cpp-httplib/.debian-version")" 0.18.7 ||
  { echo "install: cpp-httplib >= 0.18.7 required" >&2; exit 1; }

# ---------------------------------------------------------------------------
# npm packages, exactly as locked. Skipped while node_modules matches the lock file.
stamp="$repo/node_modules/.hawzu-lock.sha256"
lock_sum=$(sha256sum "$repo/package-lock.json" | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  log "installing npm packages from package-lock.json"
  (cd "$repo" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$lock_sum" > "$stamp"
fi
