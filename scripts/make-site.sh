#!/usr/bin/env bash
# Assembles build/site from web/ and the web client, with precompressed copies.
# What index.html loads gets a content-hashed name (app.3f9c1a2b.wasm, loader.<hash>.js…),
# served as immutable (server/http/static_site.cpp): a repeat visit fetches only index.html.
# index.html, the manifest, favicon.svg, help/ and stats.* keep their names (linked from
# outside) and are revalidated instead.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
site=build/site
mkdir -p "$site"
cp -ru web/. "$site/"

keep=()
# hashed SOURCE NAME: copies SOURCE to the site as NAME with the first 8 hex digits of its
# SHA-256 before the extension (app.wasm -> app.3f9c1a2b.wasm), and prints the new name.
hashed() {
  local name="${2%.*}.$(sha256sum "$1" | cut -c1-8).${2##*.}"
  [ -f "$site/$name" ] || cp "$1" "$site/$name"
  printf '%s' "$name"
}

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp web/loader.js "$tmp/loader.js"
for f in app.js app.wasm app.data; do
  [ -f "build/web/wasm/$f" ] || continue
  name=$(hashed "build/web/wasm/$f" "$f"); keep+=("$name")
  # loader.js names the client's files in one table: `'app.wasm': 'app.wasm'`.
  sed -i "s|: '$f'|: '$name'|" "$tmp/loader.js"
done
loader=$(hashed "$tmp/loader.js" loader.js); keep+=("$loader")
style=$(hashed web/style.css style.css); keep+=("$style")
icon=$(hashed web/favicon.svg favicon.svg); keep+=("$icon")
sed -e "s|src=\"loader.js\"|src=\"$loader\"|" -e "s|href=\"style.css\"|href=\"$style\"|" \
    -e "s|href=\"favicon.svg|href=\"$icon|g" web/index.html >"$tmp/index.html"
# Rewritten only when it changed, so its ETag (and a browser's copy) stays valid.
cmp -s "$tmp/index.html" "$site/index.html" || cp "$tmp/index.html" "$site/index.html"
# Only the hashed copies of these are loaded; the plain ones would be served no-cache.
rm -f "$site"/{app.js,app.wasm,app.data,loader.js,style.css}{,.br,.gz}

# Hashed files of earlier builds: removed, so build/site does not grow with every build.
find "$site" -maxdepth 1 -type f -regextype posix-extended -regex '.*/[^/]+\.[0-9a-f]{8}\.[a-z0-9]+' |
while read -r f; do
  printf '%s\n' "${keep[@]}" | grep -qxF "$(basename "$f")" || rm -f "$f" "$f.br" "$f.gz"
done

# Precompress what is worth it; only when the source is newer than its copy (gzip and
# brotli give the copy the source's time).
find "$site" -type f \( -name '*.js' -o -name '*.wasm' -o -name '*.data' -o -name '*.html' -o -name '*.css' -o -name '*.json' -o -name '*.svg' \) |
while read -r f; do
  [ -f "$f.gz" ] && ! [ "$f" -nt "$f.gz" ] || gzip -9 -k -f "$f"
  [ -f "$f.br" ] && ! [ "$f" -nt "$f.br" ] || { brotli -q 11 -f -o "$f.br" "$f" && touch -r "$f" "$f.br"; }
done

# The first load's budget (issue 14, a slow rural line): what index.html loads, brotli.
# A warning, not a failure: bench/bundle-size.sh shows which file grew.
budget=460800
total=0
for f in index.html "${keep[@]}"; do
  case "$f" in favicon.*) continue ;; esac
  [ -f "$site/$f.br" ] && total=$((total + $(stat -c %s "$site/$f.br")))
done
if [ "$total" -gt "$budget" ]; then
  echo "BUNDLE OVER BUDGET: $total bytes brotli > $budget" >&2
fi
