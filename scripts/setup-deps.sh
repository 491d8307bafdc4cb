#!/usr/bin/env bash
# Installs what the build and the tests need, only what is missing.
# Idempotent: a second run does nothing but a few quick checks.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

DEBS=(
  build-essential cmake pkg-config ninja-build clang libclang-rt-14-dev
  emscripten
  libsdl2-dev libimgui-dev nlohmann-json3-dev libboost1.81-dev catch2
  libsqlite3-dev sqlite3 libsodium-dev libssl-dev
  libthai-dev libthai-data libcairo2-dev libpango1.0-dev libqrencode-dev
  fonts-thai-tlwg fonttools
  chromium xvfb libgl1-mesa-dri imagemagick xdotool
  poppler-utils qpdf wrk nginx-light brotli zbar-tools
  libxlsxwriter-dev libjpeg62-turbo-dev libpng-dev libexif-dev libqpdf-dev libpoppler-glib-dev
  dpkg-dev curl ccache libcurl4-openssl-dev libjwt-dev
  libzip-dev libexpat1-dev
  libpq-dev postgresql-15
  libbrotli-dev zlib1g-dev
  cups cups-client printer-driver-cups-pdf xdg-utils
  zenity  # the native client's file dialog (the walks choose files in it)
)

missing=()
for p in "${DEBS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

src_list=/etc/apt/sources.list.d/debian-src.sources
need_update=0
if [ ! -f "$src_list" ]; then
  echo "[setup] adding deb-src for bookworm (ImGui and SDL2 sources for the web build)"
  cat > "$src_list" <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  need_update=1
fi

if [ ${#missing[@]} -gt 0 ] || [ $need_update = 1 ]; then
  echo "[setup] apt-get update"
  apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "[setup] installing: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Sources for the WebAssembly build: Debian's Emscripten cache is frozen (no ports).
third=build/third_party
mkdir -p "$third"
if ! ls -d "$third"/imgui-1.86 >/dev/null 2>&1; then
  echo "[setup] fetching Debian source of imgui"
  (cd "$third" && apt-get source -qq --download-only imgui >/dev/null 2>&1 || { apt-get update -qq && apt-get source -qq --download-only imgui; } ; dpkg-source -x --no-check imgui_*.dsc imgui-1.86 >/dev/null)
fi
if ! ls -d "$third"/libsdl2-src >/dev/null 2>&1; then
  echo "[setup] fetching Debian source of libsdl2"
  (cd "$third" && apt-get source -qq --download-only libsdl2 >/dev/null && dpkg-source -x --no-check libsdl2_*.dsc libsdl2-src >/dev/null)
fi

# npm packages for browser tests and benchmarks
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/oidc-provider ]; then
  echo "[setup] npm install"
  npm install --no-audit --no-fund --loglevel=error >/dev/null
fi
echo "[setup] dependencies ready"
