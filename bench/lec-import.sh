#!/usr/bin/env bash
# The register import at scale: a generated 20,000-row Thai CSV register (B.E. dates, Thai
# level names) posted to POST /api/v1/lec/{year}/institutions/{code}/children/import as the
# demo school, first as a dry run, then for real (one transaction), then again (all
# unchanged). Prints the time of each and rows per second.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-18491}; rows=${BENCH_ROWS:-20000}; school=5110405002
tmp=$(mktemp -d); trap 'kill $srv 2>/dev/null; rm -rf "$tmp"' EXIT
site=build/site
if [ ! -d "$site" ]; then  # no web build: the API alone is measured
  site=$tmp/site; mkdir -p "$site"; echo '<!doctype html><title>bench</title>' >"$site/index.html"
  : >"$site/app.wasm"; brotli -c "$site/app.wasm" >"$site/app.wasm.br" 2>/dev/null || : >"$site/app.wasm.br"
fi
PORT=$port BIND=127.0.0.1 DATA_DIR=$tmp/data build/native/server/school-server --site "$site" --assets assets \
  >"$tmp/server.log" 2>&1 &
srv=$!
base="http://127.0.0.1:$port"
for _ in $(seq 100); do curl -sf "$base/api/v1/health" >/dev/null && break; sleep 0.2; done
year=$(python3 - "$rows" "$tmp/register.csv" <<'PY'
import datetime, sys
n, out = int(sys.argv[1]), sys.argv[2]
now = datetime.datetime.utcnow() + datetime.timedelta(hours=7)
start = now.year if (now.month, now.day) >= (5, 16) else now.year - 1   # C.E. year the academic year starts in
levels = [("อ.1", 3), ("อ.2", 4), ("อ.3", 5)] + [("ป.%d" % i, 5 + i) for i in range(1, 7)] + [("ม.%d" % i, 11 + i) for i in range(1, 7)]
with open(out, "w", encoding="utf-8") as f:
    f.write("\ufeffลำดับ,เลขประจำตัวประชาชน,คำนำหน้า,ชื่อ,นามสกุล,เพศ,วันเกิด,ระดับชั้น,ห้อง\r\n")
    for i in range(n):
        d = "1" + "%011d" % (700000000 + i)
        d = d + str((11 - sum(int(c) * (13 - k) for k, c in enumerate(d)) % 11) % 10)
        name, age = levels[i % len(levels)]
        girl = i % 2
        born = "%d/%d/%d" % (1 + i % 28, 9, start - age - 1 + 543)
        f.write("%d,%s,%s,%s,ทดสอบ%d,%s,%s,%s,%d\r\n" % (i + 1, d, "ด.ญ." if girl else "ด.ช.",
                "ธัญชนก" if girl else "ภูมิใจ", i, "หญิง" if girl else "ชาย", born, name, 1 + i % 10))
print(start + 543)
PY
)
password=$(curl -s "$base/api/v1/dev/accounts" | python3 -c "import json,sys; print(next(a['password'] for a in json.load(sys.stdin) if a['username']=='$school'))")
login=$(curl -s -D "$tmp/h" -H 'Content-Type: application/json' -d "{\"username\":\"$school\",\"password\":\"$password\"}" "$base/api/v1/auth/login")
cookie=$(sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' "$tmp/h" | head -1)
csrf=$(echo "$login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
echo "register: $rows rows, $(stat -c %s "$tmp/register.csv") bytes of CSV"
run() {  # $1 = dry_run
  curl -s -o "$tmp/out.json" -w '%{time_total}' -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" \
    -F "dry_run=$1" -F "file=@$tmp/register.csv;type=text/csv" "$base/api/v1/lec/$year/institutions/$school/children/import"
}
for pass in "dry run:true" "write:false" "re-import (unchanged):false"; do
  t=$(run "${pass##*:}")
  summary=$(python3 -c "import json; r=json.load(open('$tmp/out.json')); print('added %s updated %s unchanged %s errors %d written %s' % (r['added'], r['updated'], r['unchanged'], len(r['errors']), r['written']))")
  printf '%-22s %6.2f s  %8.0f rows/s  (%s)\n' "${pass%%:*}" "$t" "$(echo "$rows / $t" | bc -l)" "$summary"
done
