#!/usr/bin/env bash
# Assembles build/site from web/ and the web client, with precompressed copies.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
site=build/site
mkdir -p "$site"
cp -ru web/. "$site/"
for f in build/web/wasm/app.js build/web/wasm/app.wasm build/web/wasm/app.data; do
  [ -f "$f" ] && cp -u "$f" "$site/"
done
# Precompress what is worth it; only when the source is newer than its copy.
find "$site" -type f \( -name '*.js' -o -name '*.wasm' -o -name '*.data' -o -name '*.html' -o -name '*.css' -o -name '*.json' -o -name '*.svg' \) |
while read -r f; do
  [ "$f.gz" -nt "$f" ] || gzip -9 -k -f "$f"
  [ "$f.br" -nt "$f" ] || brotli -q 11 -f -o "$f.br" "$f"
done
