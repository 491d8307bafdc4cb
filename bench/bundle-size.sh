#!/usr/bin/env bash
# Prints the web bundle size per file and in total: raw, gzip -9, brotli -q 11, and the
# first load's brotli total against its budget (issue 14: 450 KB for a slow rural line).
set -euo pipefail
cd "$(dirname "$0")/.."
site=${1:-build/site}
budget=460800  # 450 KB brotli; scripts/make-site.sh warns when a build is over it
printf '%-24s %12s %12s %12s\n' file raw gzip brotli
tr=0; tg=0; tb=0; fb=0
for f in "$site"/index.html "$site"/*.js "$site"/*.wasm "$site"/*.data "$site"/*.css; do
  [ -f "$f" ] || continue
  r=$(stat -c %s "$f"); g=$(gzip -9 -c "$f" | wc -c); b=$(brotli -q 11 -c "$f" | wc -c)
  tr=$((tr+r)); tg=$((tg+g)); tb=$((tb+b))
  # The first load: index.html and what it names (loader.js names app.*), not stats.js.
  case "$(basename "$f")" in index.html|app.*|loader.*|style.*) fb=$((fb+b)) ;; esac
  printf '%-24s %12d %12d %12d\n' "$(basename "$f")" "$r" "$g" "$b"
done
printf '%-24s %12d %12d %12d\n' TOTAL "$tr" "$tg" "$tb"
printf '%-24s %38d   budget %d: %s %%\n' 'first load (brotli)' "$fb" "$budget" \
  "$(awk -v b="$fb" -v m="$budget" 'BEGIN { printf "%.1f", 100 * b / m }')"
