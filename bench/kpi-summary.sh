#!/usr/bin/env bash
# KPI overview under load: one area office with 100 schools x 20 monthly KPIs x 12 periods
# of reports (24,000 reports in every lifecycle state, seeded straight into SQLite with the
# summary rows aggregated once), then GET /api/v1/kpi/{id}/summary with wrk at 64
# connections, signed in as the area's KPI controller, beside nginx serving the very same
# reply bytes from a file in the same run (issue 14: >= 0.8x nginx, p99 <= 10 ms). Also the
# size of the exports.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-18490}; dur=${BENCH_SECONDS:-10}
nginx_port=$((port+1))
tmp=$(mktemp -d); trap 'kill $srv 2>/dev/null; nginx -c "$tmp/nginx.conf" -s stop 2>/dev/null; rm -rf "$tmp"' EXIT
chmod 755 "$tmp"  # nginx's workers (nobody) read the files below it: mktemp's 0700 made every reply a 403
PORT=$port BIND=127.0.0.1 DATA_DIR=$tmp/data "${SERVER_BIN:-build/native/server/school-server}" --site build/site --assets assets >"$tmp/server.log" 2>&1 &
srv=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.2; done
db=$tmp/data/school.db
start=$(date +%s.%N)
sqlite3 "$db" <<'SQL'
PRAGMA busy_timeout = 10000;
BEGIN;
WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 20)
INSERT INTO kpis (office_code, year, number, name, description, type, criteria, owner_group, cadence, open_periods, status)
SELECT '1040000001', 2567, CAST(n AS TEXT), 'ตัวชี้วัดทดสอบประสิทธิภาพที่ ' || n, '', 'score_1_5', '[2,3,4,5]', 'กลุ่มนโยบายและแผน',
       'monthly', '["m01","m02","m03","m04","m05","m06","m07","m08","m09","m10","m11","m12"]', 'open' FROM k;
WITH RECURSIVE m(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM m WHERE n < 12),
     u(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM u WHERE n < 100)
INSERT INTO kpi_reports (kpi_id, period, unit_code, status, self_score, review_score, reporter, reviewer)
SELECT kpis.id, printf('m%02d', m.n), printf('10409%05d', u.n),
       CASE (u.n + m.n) % 5 WHEN 0 THEN 'waiting_submit' WHEN 1 THEN 'draft' WHEN 2 THEN 'waiting_review'
                            WHEN 3 THEN 'reviewed' ELSE 'returned' END,
       CASE WHEN (u.n + m.n) % 5 = 0 THEN NULL ELSE 100 + ((u.n * 37 + m.n) % 401) END,
       CASE WHEN (u.n + m.n) % 5 = 3 THEN 100 + ((u.n * 53 + m.n) % 401) ELSE NULL END,
       CASE WHEN (u.n + m.n) % 5 = 0 THEN '' ELSE 'ครูผู้รายงาน ' || u.n END,
       CASE WHEN (u.n + m.n) % 5 = 3 THEN 'ศึกษานิเทศก์' ELSE '' END
FROM kpis, m, u WHERE kpis.year = 2567;
INSERT INTO kpi_period_summary (kpi_id, period, submitted, reviewed, total, self_sum, self_count, review_sum, review_count)
SELECT kpi_id, period,
       SUM(status IN ('waiting_review', 'reviewed')), SUM(status = 'reviewed'), COUNT(*),
       SUM(CASE WHEN status IN ('waiting_review', 'reviewed') THEN self_score ELSE 0 END),
       SUM(status IN ('waiting_review', 'reviewed') AND self_score IS NOT NULL),
       SUM(CASE WHEN status = 'reviewed' THEN review_score ELSE 0 END), SUM(status = 'reviewed')
FROM kpi_reports GROUP BY kpi_id, period;
COMMIT;
SQL
echo "seeded $(sqlite3 "$db" 'SELECT COUNT(*) FROM kpi_reports') reports in $(echo "$(date +%s.%N) - $start" | bc | cut -c1-5) s"
password=$(curl -s "http://127.0.0.1:$port/api/v1/dev/accounts" | python3 -c 'import json,sys; print(next(a["password"] for a in json.load(sys.stdin) if a["username"]=="area.kpi"))')
cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"username\":\"area.kpi\",\"password\":\"$password\"}" "http://127.0.0.1:$port/api/v1/auth/login" |
  sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p')
id=$(sqlite3 "$db" "SELECT MIN(id) FROM kpis")
url="http://127.0.0.1:$port/api/v1/kpi/$id/summary"
echo "summary response: $(curl -s -H "Cookie: $cookie" "$url" | wc -c) bytes (12 periods x 100 units)"
# Bytes on the wire (issue 14: compressed, and nothing but headers while unchanged).
etag=$(curl -s -D - -o /dev/null -H "Cookie: $cookie" "$url" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: *//p')
wire() { curl -s -o /dev/null -w '%{http_code} %{size_download}' -H "Cookie: $cookie" "$@" "$url"; }
echo "on the wire (status bytes): gzip $(wire -H 'Accept-Encoding: gzip'), brotli $(wire -H 'Accept-Encoding: br')," \
     "unchanged with If-None-Match $(wire -H 'Accept-Encoding: br' -H "If-None-Match: $etag")"
# nginx: the same bytes as files (plain, and the gzip and brotli copies our server sends).
mkdir -p "$tmp/www"
curl -s -H "Cookie: $cookie" "$url" -o "$tmp/www/summary.json"
curl -s -H "Cookie: $cookie" -H 'Accept-Encoding: gzip' "$url" -o "$tmp/www/summary.json.gz"
curl -s -H "Cookie: $cookie" -H 'Accept-Encoding: br' "$url" -o "$tmp/www/summary.json.br"
cat > "$tmp/nginx.conf" <<NG
worker_processes 2; pid $tmp/nginx.pid; error_log $tmp/nginx-error.log; daemon on;
events { worker_connections 1024; }
http { access_log off; sendfile on; tcp_nopush on; default_type application/json;
       server { listen 127.0.0.1:$nginx_port; root $tmp/www; } }
NG
nginx -c "$tmp/nginx.conf"
# measure ARGS...: "req/s p99" of wrk at 64 connections.
measure() { wrk -t2 -c64 -d"${dur}s" --latency "$@" | awk '/Requests\/sec/ {r=$2} / 99%/ {p=$2} /Non-2xx/ {n=$NF} END {printf "%s %s%s\n", r, p, (n ? " NON-2xx " n : "")}'; }
echo "--- GET /api/v1/kpi/{id}/summary beside nginx serving the same bytes from a file, 64 connections, ${dur}s each"
for coding in identity gzip br; do
  file=summary.json; [ $coding = gzip ] && file=summary.json.gz; [ $coding = br ] && file=summary.json.br
  read -r ours ours_p99 rest < <(measure -H "Cookie: $cookie" -H "Accept-Encoding: $coding" "$url")
  read -r theirs theirs_p99 theirs_rest < <(measure "http://127.0.0.1:$nginx_port/$file")
  [ -z "$theirs_rest" ] || { echo "nginx answered $file with errors ($theirs_rest): not a reference"; exit 1; }
  printf '%-9s %6s bytes  ours %8.0f req/s p99 %-8s  nginx %8.0f req/s p99 %-8s = %.2fx  (goal >= 0.80x, p99 <= 10 ms) %s\n' \
    "$coding" "$(stat -c %s "$tmp/www/$file")" "$ours" "$ours_p99" "$theirs" "$theirs_p99" "$(echo "$ours / $theirs" | bc -l)" "$rest"
done
# Still live: a write moves the revision, and the next read has the new figures.
for f in "export.xlsx?year=2567" "export.csv?year=2567" "$id/export.xlsx" "$id/export.csv"; do
  t0=$(date +%s%N)
  size=$(curl -s -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/kpi/$f" | wc -c)
  echo "export /api/v1/kpi/$f: $size bytes in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
done
