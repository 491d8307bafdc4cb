#!/usr/bin/env bash
# Throughput of GET /api/v1/institutions with wrk, next to nginx serving a static file of
# the same size on the same machine (loopback only, bounded duration).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-18480}; nginx_port=$((port+1)); dur=${BENCH_SECONDS:-10}
tmp=$(mktemp -d); trap 'kill $srv 2>/dev/null; nginx -c "$tmp/nginx.conf" -s stop 2>/dev/null; rm -rf "$tmp"' EXIT
chmod 755 "$tmp"  # nginx's workers (nobody) read the files below it: mktemp's 0700 made every reply a 403
PORT=$port BIND=127.0.0.1 DATA_DIR=$tmp/data build/native/server/school-server --site build/site --assets assets >"$tmp/server.log" 2>&1 &
srv=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.2; done
url_q="/api/v1/institutions?q=%E0%B8%AB%E0%B8%99%E0%B8%AD%E0%B8%87%E0%B8%9A%E0%B8%B1%E0%B8%A7&limit=20"  # q=หนองบัว
url_code="/api/v1/institutions?code=1010720001"
mkdir -p "$tmp/www"; curl -s "http://127.0.0.1:$port$url_q" > "$tmp/www/same.json"
echo "response size for q=หนองบัว: $(stat -c %s "$tmp/www/same.json") bytes"
cat > "$tmp/nginx.conf" <<NG
worker_processes 2; pid $tmp/nginx.pid; error_log $tmp/nginx-error.log; daemon on;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:$nginx_port; root $tmp/www; } }
NG
nginx -c "$tmp/nginx.conf"
run() { echo "--- $1"; wrk -t2 -c64 -d"${dur}s" --latency "$2" | grep -E 'Requests/sec|Latency|99%|Non-2xx'; }
run "school-server GET /api/v1/institutions?code=... (64 connections)" "http://127.0.0.1:$port$url_code"
run "school-server GET /api/v1/institutions?q=หนองบัว (64 connections)" "http://127.0.0.1:$port$url_q"
run "nginx static file of the same bytes (64 connections)" "http://127.0.0.1:$nginx_port/same.json"
