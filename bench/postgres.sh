#!/usr/bin/env bash
# The same server on SQLite and on PostgreSQL, side by side in one run (issue 13): one process
# on SQLite (the reference), then one, two and three processes on one PostgreSQL database
# (two and three behind nginx). Each gets, with wrk:
#   read      GET /api/v1/institutions?code=...                 32 connections
#   write     POST a comment to a KPI report (one transaction)   32 connections, signed in
#   summary   GET /api/v1/kpi/{id}/summary: 100 schools x 12 periods of reports, 64 connections
#   progress  GET /api/v1/lec/{year}/progress?org=<province>    64 connections
#   sign-in   POST /api/v1/auth/login, right password (Argon2id) 4 connections
# Every line prints req/s, p99 and the non-2xx count (a figure made of refusals is worthless).
#   bash bench/postgres.sh        (BENCH_SECONDS=10 per figure)
set -euo pipefail
cd "$(dirname "$0")/.."
dur=${BENCH_SECONDS:-10}; base=${BENCH_PORT:-18520}
bin=build/native/server/school-server
[ -x "$bin" ] || { echo "build first: bash scripts/build.sh"; exit 1; }
tmp=$(mktemp -d); pids=()
eval "$(bash scripts/postgres.sh start)"
psql_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql"
cleanup() {
  kill "${pids[@]}" 2>/dev/null || true
  for c in "$tmp"/nginx-*.conf; do [ -e "$c" ] && nginx -c "$c" -s stop 2>/dev/null; done
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

balance() {  # balance PORT UPSTREAM_PORT...: nginx on PORT over the servers
  local port=$1 servers=""; shift
  for p in "$@"; do servers+="server 127.0.0.1:$p; "; done
  cat >"$tmp/nginx-$port.conf" <<NG
worker_processes 1; pid $tmp/nginx-$port.pid; error_log $tmp/nginx-$port-error.log; daemon on;
events { worker_connections 1024; }
http { access_log off; client_body_temp_path $tmp/body-$port; proxy_temp_path $tmp/proxy-$port;
  upstream school { $servers keepalive 32; }
  server { listen 127.0.0.1:$port;
    location / { proxy_pass http://school; proxy_http_version 1.1; proxy_set_header Connection "";
                 proxy_set_header Host \$host; proxy_set_header X-Forwarded-For \$remote_addr; } } }
NG
  nginx -c "$tmp/nginx-$port.conf"
}

# 100 schools x 12 monthly periods of one KPI, in every state, with their summary rows: the
# same SQL on both engines.
seed_sql() {
  cat <<'SQL'
BEGIN;
INSERT INTO kpis (office_code, year, number, name, description, type, criteria, owner_group, cadence, open_periods, status)
VALUES ('1040000001', 2567, 'B1', 'ตัวชี้วัดวัดความเร็ว', '', 'score_1_5', '[2,3,4,5]', 'กลุ่มนโยบายและแผน', 'monthly',
        '["m01","m02","m03","m04","m05","m06","m07","m08","m09","m10","m11","m12"]', 'open');
WITH RECURSIVE m(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM m WHERE n < 12),
     u(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM u WHERE n < 100)
INSERT INTO kpi_reports (kpi_id, period, unit_code, status, self_score, review_score, reporter, reviewer)
SELECT kpis.id, CASE WHEN m.n < 10 THEN 'm0' ELSE 'm' END || CAST(m.n AS TEXT), CAST(1040900000 + u.n AS TEXT),
       CASE (u.n + m.n) % 4 WHEN 0 THEN 'waiting_submit' WHEN 1 THEN 'draft' WHEN 2 THEN 'waiting_review' ELSE 'reviewed' END,
       CASE WHEN (u.n + m.n) % 4 = 0 THEN NULL ELSE 100 + (u.n * 37 + m.n) % 401 END,
       CASE WHEN (u.n + m.n) % 4 = 3 THEN 100 + (u.n * 53 + m.n) % 401 ELSE NULL END,
       'ครูผู้รายงาน', ''
FROM kpis, m, u WHERE kpis.number = 'B1';
-- A demo school of the area, assigned to the first period: its report takes the comments.
INSERT INTO kpi_reports (kpi_id, period, unit_code, status, reporter, reviewer)
SELECT id, 'm01', '1040010001', 'waiting_submit', '', '' FROM kpis WHERE number = 'B1';
INSERT INTO kpi_period_summary (kpi_id, period, submitted, reviewed, total, self_sum, self_count, review_sum, review_count)
SELECT kpi_id, period, SUM(CASE WHEN status IN ('waiting_review', 'reviewed') THEN 1 ELSE 0 END),
       SUM(CASE WHEN status = 'reviewed' THEN 1 ELSE 0 END), COUNT(*),
       SUM(CASE WHEN status IN ('waiting_review', 'reviewed') THEN self_score ELSE 0 END),
       SUM(CASE WHEN status IN ('waiting_review', 'reviewed') AND self_score IS NOT NULL THEN 1 ELSE 0 END),
       SUM(CASE WHEN status = 'reviewed' THEN review_score ELSE 0 END), SUM(CASE WHEN status = 'reviewed' THEN 1 ELSE 0 END)
FROM kpi_reports GROUP BY kpi_id, period;
COMMIT;
SQL
}
query() {  # query SQLITE_FILE|PG_URL SQL
  if [[ $1 == postgresql* ]]; then "$psql_bin" "$1" -qAtc "$2"; else sqlite3 -cmd '.timeout 10000' "$1" "$2"; fi
}

printf '%-44s %10s %9s %8s\n' "" "req/s" "p99" "non-2xx"
run() {  # run LABEL WRK_ARGS...
  printf '  %-42s' "$1"; shift
  wrk -t2 -d"${dur}s" --latency "$@" |
    awk '/Requests\/sec/{r=$2} / 99%/{p=$2} /Non-2xx/{e=$NF} END{printf "%10s %9s %8s\n", r, p, e+0}'
}

measure() {  # measure LABEL PORT DATABASE
  local url=http://127.0.0.1:$2 db=$3 password cookie csrf kpi year
  account() { curl -s "$url/api/v1/dev/accounts" | python3 -c "import json,sys; print(next(a['password'] for a in json.load(sys.stdin) if a['username']=='$1'))"; }
  login() {  # login USER: sets cookie and csrf
    local body; body=$(curl -s -D "$tmp/h" -H 'Content-Type: application/json' \
      -d "{\"username\":\"$1\",\"password\":\"$(account "$1")\"}" "$url/api/v1/auth/login")
    cookie=$(sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' "$tmp/h")
    csrf=$(echo "$body" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
  }
  kpi=$(query "$db" "SELECT id FROM kpis WHERE number = 'B1'")
  year=$(query "$db" "SELECT MAX(year) FROM lec_rounds")
  echo "--- $1"
  run "read      GET institutions?code=" -c32 "$url/api/v1/institutions?code=1010720001"
  login area.kpi
  cat >"$tmp/comment.lua" <<LUA
wrk.method = "POST"
wrk.headers["Cookie"] = "$cookie"
wrk.headers["X-CSRF-Token"] = "$csrf"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"body":"ความเห็นวัดความเร็ว"}'
LUA
  run "write     POST .../comments" -c32 -s "$tmp/comment.lua" "$url/api/v1/kpi/$kpi/periods/m01/reports/1040010001/comments"
  run "summary   GET kpi/{id}/summary" -c64 -H "Cookie: $cookie" "$url/api/v1/kpi/$kpi/summary"
  login province.officer
  run "progress  GET lec/{year}/progress" -c64 -H "Cookie: $cookie" "$url/api/v1/lec/$year/progress?org=5011000000"
  cat >"$tmp/login.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"username":"area.admin","password":"$(account area.admin)"}'
LUA
  run "sign-in   POST auth/login" -c4 -s "$tmp/login.lua" "$url/api/v1/auth/login"
}

start $base "$tmp/sqlite"
seed_sql | sqlite3 -cmd '.timeout 10000' "$tmp/sqlite/school.db"
measure "1 server on SQLite (the reference)" $base "$tmp/sqlite/school.db"

"$psql_bin" "$(pg_url postgres)" -qc "CREATE DATABASE bench"
for i in 1 2 3; do start $((base+i)) "$tmp/pg" "$(pg_url bench)"; done
seed_sql | "$psql_bin" "$(pg_url bench)" -q
measure "1 server on PostgreSQL" $((base+1)) "$(pg_url bench)"
balance $((base+4)) $((base+1)) $((base+2))
measure "2 servers on PostgreSQL behind nginx" $((base+4)) "$(pg_url bench)"
balance $((base+5)) $((base+1)) $((base+2)) $((base+3))
measure "3 servers on PostgreSQL behind nginx (all on this machine's $(nproc) cores)" $((base+5)) "$(pg_url bench)"
