#!/usr/bin/env bash
# The appointment letter and the signed upload: PDF size, time to generate it on the
# server, and upload throughput (a scanned-size JPEG, checked, re-encoded and stored).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-18490}; n=${BENCH_UPLOADS:-8}
tmp=$(mktemp -d); trap 'kill $srv 2>/dev/null; rm -rf "$tmp"' EXIT
PORT=$port BIND=127.0.0.1 DATA_DIR=$tmp/data build/native/server/school-server --site build/site --assets assets \
  >"$tmp/server.log" 2>&1 &
srv=$!
base="http://127.0.0.1:$port"
for _ in $(seq 50); do curl -sf "$base/api/v1/health" >/dev/null && break; sleep 0.2; done
post() { curl -sf -H 'Content-Type: application/json' -d "$2" "$base$1"; }
# One registration per phone (the OTP limits are per phone): prints "<id> <token>".
register() {
  local phone=$1 school=$2
  local otp_id code token
  otp_id=$(post /api/v1/otp "{\"phone\":\"$phone\",\"purpose\":\"registration\"}" | sed 's/.*"otp_id":"\([0-9a-f]*\)".*/\1/')
  code=$(curl -sf "$base/api/v1/dev/outbox?phone=$phone" | grep -o 'คือ [0-9]\{6\}' | head -1 | grep -o '[0-9]\{6\}')
  token=$(post /api/v1/otp/verify "{\"otp_id\":\"$otp_id\",\"code\":\"$code\"}" | sed 's/.*"otp_token":"\([0-9a-f]*\)".*/\1/')
  post /api/v1/registrations "{\"affiliation\":\"obec\",\"institution_code\":\"$school\",\"otp_token\":\"$token\",
    \"officer\":{\"title\":\"นางสาว\",\"first_name\":\"สมหญิง\",\"last_name\":\"ใจดี\",\"national_id\":\"1101700203450\",
    \"position\":\"ครู\",\"phone\":\"$phone\"}}" |
    sed 's/.*"registration_id":\([0-9]*\).*"registration_token":"\([0-9a-f]*\)".*/\1 \2/'; echo
}
read -r id tok < <(register 0810000000 1010720001)
auth="Authorization: Bearer $tok"
curl -sf -H "$auth" -o "$tmp/letter.pdf" "$base/api/v1/registrations/$id/letter.pdf"
echo "letter PDF size: $(stat -c %s "$tmp/letter.pdf") bytes (qpdf --check: $(qpdf --check "$tmp/letter.pdf" >/dev/null 2>&1 && echo ok || echo FAILED))"
total=0
for i in $(seq 10); do
  t=$(curl -sf -H "$auth" -o /dev/null -w '%{time_total}' "$base/api/v1/registrations/$id/letter.pdf")
  total=$(echo "$total + $t" | bc -l)
done
printf 'letter generation: %.1f ms per PDF (mean of 10 requests, loopback)\n' "$(echo "$total * 100" | bc -l)"

convert -size 2480x3508 plasma:fractal -quality 92 "$tmp/scan.jpg"  # an A4 page at 300 dpi, busy content
size=$(stat -c %s "$tmp/scan.jpg")
mapfile -t schools < <(awk -F, '$3=="obec" {print $1}' assets/directory/institutions.csv | sed -n "2,$((n + 1))p")
regs=()
for i in $(seq "$n"); do regs+=("$(register "08100000$((10 + i))" "${schools[$((i - 1))]}") ${schools[$((i - 1))]}"); done
start=$(date +%s.%N)
for r in "${regs[@]}"; do
  read -r rid rtok rcode <<<"$r"
  curl -sf -o /dev/null -H "Authorization: Bearer $rtok" -F "username=$rcode" -F "national_id=1101700203450" \
    -F "file=@$tmp/scan.jpg;filename=scan.jpg" "$base/api/v1/registrations/$rid/signed-letter" || echo "upload $rid failed"
done
secs=$(echo "$(date +%s.%N) - $start" | bc -l)
printf 'upload: %d JPEGs of %.1f MB (2480x3508) in %.2f s: %.2f uploads/s, %.1f MB/s (decode + re-encode + store)\n' \
  "$n" "$(echo "$size / 1000000" | bc -l)" "$secs" "$(echo "$n / $secs" | bc -l)" "$(echo "$n * $size / 1000000 / $secs" | bc -l)"
