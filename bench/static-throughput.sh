#!/usr/bin/env bash
# Static files: school-server next to nginx serving the very same files of build/site, in
# the same run (wrk, 32 connections, loopback). Goal (issue 14): >= 0.8x nginx on app.wasm.
# SERVER_BIN=... measures another build of the server (say, the one before a change).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-18500}; nginx_port=$((port+1)); dur=${BENCH_SECONDS:-10}
server=${SERVER_BIN:-build/native/server/school-server}
site=$(realpath "${SITE:-build/site}")
wasm=$(cd "$site" && ls app.*.wasm 2>/dev/null | head -1 || true); wasm=${wasm:-app.wasm}
[ -f "$site/$wasm" ] || { echo "no $site/$wasm: build the site first (scripts/build.sh)"; exit 1; }
tmp=$(mktemp -d)
trap 'kill $srv 2>/dev/null; nginx -c "$tmp/nginx.conf" -s stop 2>/dev/null; rm -rf "$tmp"' EXIT
PORT=$port BIND=127.0.0.1 DATA_DIR=$tmp/data "$server" --site "$site" --assets assets >"$tmp/server.log" 2>&1 &
srv=$!
cat > "$tmp/nginx.conf" <<NG
worker_processes 2; pid $tmp/nginx.pid; error_log $tmp/nginx-error.log; daemon on;
events { worker_connections 1024; }
http { access_log off; sendfile on; tcp_nopush on;
       types { application/wasm wasm; text/html html; }
       server { listen 127.0.0.1:$nginx_port; root $site; } }
NG
nginx -c "$tmp/nginx.conf"
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.2; done

rps() { wrk -t2 -c32 -d"${dur}s" "${@}" | awk '/Requests\/sec/ {print $2}'; }
# compare LABEL OUR_URL NGINX_URL [wrk header args]: one line, ours beside nginx and the goal.
compare() {
  local label=$1 ours=$2 theirs=$3; shift 3
  local a b; a=$(rps "$@" "http://127.0.0.1:$port$ours"); b=$(rps "http://127.0.0.1:$nginx_port$theirs")
  printf '%-48s %10.0f req/s  nginx %10.0f req/s  = %.2fx  (goal >= 0.80x)\n' "$label" "$a" "$b" "$(echo "$a / $b" | bc -l)"
}
echo "$wasm: $(stat -c %s "$site/$wasm") bytes, brotli $(stat -c %s "$site/$wasm.br" 2>/dev/null || echo -) bytes; wrk 32 connections, ${dur}s each"
compare "$wasm (identity)" "/$wasm" "/$wasm"
[ -f "$site/$wasm.br" ] && compare "$wasm (brotli, as browsers get it)" "/$wasm" "/$wasm.br" -H 'Accept-Encoding: br'
compare "index.html" "/index.html" "/index.html"
