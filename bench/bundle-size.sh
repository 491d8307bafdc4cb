#!/usr/bin/env bash
# Prints the web bundle size per file and in total: raw, gzip -9, brotli -q 11.
set -euo pipefail
cd "$(dirname "$0")/.."
site=build/site
printf '%-24s %12s %12s %12s\n' file raw gzip brotli
tr=0; tg=0; tb=0
for f in "$site"/index.html "$site"/*.js "$site"/*.wasm "$site"/*.data "$site"/*.css; do
  [ -f "$f" ] || continue
  r=$(stat -c %s "$f"); g=$(gzip -9 -c "$f" | wc -c); b=$(brotli -q 11 -c "$f" | wc -c)
  tr=$((tr+r)); tg=$((tg+g)); tb=$((tb+b))
  printf '%-24s %12d %12d %12d\n' "$(basename "$f")" "$r" "$g" "$b"
done
printf '%-24s %12d %12d %12d\n' TOTAL "$tr" "$tg" "$tb"
