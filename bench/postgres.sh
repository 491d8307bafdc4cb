#!/usr/bin/env bash
# The same server on SQLite and on PostgreSQL, side by side in one run: one process on
# SQLite (the reference), one on PostgreSQL, and three on PostgreSQL behind nginx. Each gets
# a read (GET /api/v1/institutions?code=...) and a write (POST a comment to a KPI report's
# thread, signed in, one transaction each) with wrk at 32 connections.
#   bash bench/postgres.sh        (BENCH_SECONDS=10 per figure)
set -euo pipefail
cd "$(dirname "$0")/.."
dur=${BENCH_SECONDS:-10}; base=${BENCH_PORT:-18520}
bin=build/native/server/school-server
[ -x "$bin" ] || { echo "build first: bash scripts/build.sh"; exit 1; }
tmp=$(mktemp -d); pids=()
eval "$(bash scripts/postgres.sh start)"
cleanup() {
  kill "${pids[@]}" 2>/dev/null || true
  nginx -c "$tmp/nginx.conf" -s stop 2>/dev/null || true
  bash scripts/postgres.sh stop "$TEST_POSTGRES_DIR"
  rm -rf "$tmp"
}
trap cleanup EXIT
pg_url() { echo "postgresql:///$1?host=$TEST_POSTGRES_DIR&user=school"; }

start() {  # start PORT DATA_DIR [DATABASE_URL]
  PORT=$1 BIND=127.0.0.1 DATA_DIR=$2 DATABASE_URL=${3:-} TRUSTED_PROXY=127.0.0.1 \
    "$bin" --assets assets --mode development >>"$2.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 150); do curl -sf "http://127.0.0.1:$1/api/v1/health" >/dev/null && return; sleep 0.2; done
  echo "server on port $1 did not start:"; cat "$2.log"; exit 1
}

measure() {  # measure LABEL PORT
  local port=$2 password cookie csrf kpi
  password=$(curl -s "http://127.0.0.1:$port/api/v1/dev/accounts" |
    python3 -c 'import json,sys; print(next(a["password"] for a in json.load(sys.stdin) if a["username"]=="area.kpi"))')
  local login; login=$(curl -s -D "$tmp/h" -H 'Content-Type: application/json' \
    -d "{\"username\":\"area.kpi\",\"password\":\"$password\"}" "http://127.0.0.1:$port/api/v1/auth/login")
  cookie=$(sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' "$tmp/h")
  csrf=$(echo "$login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
  post() { curl -s -X "$1" -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -d "$3" \
             "http://127.0.0.1:$port$2"; }
  kpi=$(post POST /api/v1/kpi '{"year":2567,"number":"'$RANDOM'","name":"ตัวชี้วัดวัดความเร็ว","type":"score_1_5","criteria":[2,3,4,5],"cadence":"once","open_periods":["once"],"status":"open"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  post PUT "/api/v1/kpi/$kpi/periods/once/units" '{"unit_codes":["1040010001"]}' >/dev/null
  cat >"$tmp/comment.lua" <<LUA
wrk.method = "POST"
wrk.headers["Cookie"] = "$cookie"
wrk.headers["X-CSRF-Token"] = "$csrf"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"body":"ความเห็นวัดความเร็ว"}'
LUA
  echo "--- $1"
  printf '  read  GET institutions?code=   '
  wrk -t2 -c32 -d"${dur}s" --latency "http://127.0.0.1:$port/api/v1/institutions?code=1010720001" |
    awk '/Requests\/sec/{r=$2} / 99%/{p=$2} /Non-2xx/{e=$NF} END{printf "%9s req/s  p99 %-8s non-2xx %s\n", r, p, e+0}'
  printf '  write POST .../comments         '
  wrk -t2 -c32 -d"${dur}s" --latency -s "$tmp/comment.lua" "http://127.0.0.1:$port/api/v1/kpi/$kpi/periods/once/reports/1040010001/comments" |
    awk '/Requests\/sec/{r=$2} / 99%/{p=$2} /Non-2xx/{e=$NF} END{printf "%9s req/s  p99 %-8s non-2xx %s\n", r, p, e+0}'
}

start $base "$tmp/sqlite"
measure "1 server on SQLite (the reference)" $base

createdb() { "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql" "$(pg_url postgres)" -qc "CREATE DATABASE $1"; }
createdb one; start $((base+1)) "$tmp/pg-one" "$(pg_url one)"
measure "1 server on PostgreSQL" $((base+1))

createdb three
for i in 2 3 4; do start $((base+i)) "$tmp/pg-three" "$(pg_url three)"; done
cat >"$tmp/nginx.conf" <<NG
worker_processes 1; pid $tmp/nginx.pid; error_log $tmp/nginx-error.log; daemon on;
events { worker_connections 1024; }
http { access_log off; client_body_temp_path $tmp/body; proxy_temp_path $tmp/proxy;
  upstream school { server 127.0.0.1:$((base+2)); server 127.0.0.1:$((base+3)); server 127.0.0.1:$((base+4)); keepalive 32; }
  server { listen 127.0.0.1:$((base+5));
    location / { proxy_pass http://school; proxy_http_version 1.1; proxy_set_header Connection "";
                 proxy_set_header Host \$host; proxy_set_header X-Forwarded-For \$remote_addr; } } }
NG
nginx -c "$tmp/nginx.conf"
measure "3 servers on PostgreSQL behind nginx (on this machine's $(nproc) cores)" $((base+5))
