#!/usr/bin/env bash
# Builds what is not built: native server, native client and tests (build/native),
# SDL2 for the web (build/sdl2-web, cached), the web client (build/web) and the
# static site (build/site). A second run only rebuilds what changed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash scripts/setup-deps.sh
jobs=$(nproc)

echo "[build] native: server, native client, tests"
cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j "$jobs"

echo "[build] fuzz targets (clang, libFuzzer + ASan/UBSan; build/fuzz)"
CC=clang CXX=clang++ cmake -S fuzz -B build/fuzz -G Ninja >/dev/null
cmake --build build/fuzz -j "$jobs"

# Debian's emscripten needs this to find 'acorn' (docs/toolchain.md).
export NODE_PATH=/usr/share/nodejs
export EM_CACHE="$root/build/em-cache"
if [ ! -d build/em-cache ]; then cp -r /usr/share/emscripten/cache build/em-cache 2>/dev/null || mkdir -p build/em-cache; fi

sdl_prefix="$root/build/sdl2-web/install"
if [ ! -f "$sdl_prefix/lib/libSDL2.a" ]; then
  echo "[build] SDL2 for the web (once, about 3 minutes; cached in build/sdl2-web)"
  emcmake cmake -S build/third_party/libsdl2-src -B build/sdl2-web/build -G Ninja \
    -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$sdl_prefix" >/dev/null
  cmake --build build/sdl2-web/build -j "$jobs" >/dev/null
  cmake --install build/sdl2-web/build >/dev/null
fi

echo "[build] web client (WebAssembly)"
emcmake cmake -S . -B build/web -G Ninja -DCMAKE_BUILD_TYPE=MinSizeRel \
  -DSDL2_WEB_PREFIX="$sdl_prefix" >/dev/null
cmake --build build/web -j "$jobs"

echo "[build] static site"
bash scripts/make-site.sh
