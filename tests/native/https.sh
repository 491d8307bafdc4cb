#!/usr/bin/env bash
# The native client over HTTPS (issue 15), under Xvfb against the real server started with
# a test certificate for 127.0.0.1:
#  1. SERVER_CA_FILE names the certificate: the client's health check succeeds (the server
#     logs it) and no warning shows;
#  2. SERVER_CA_FILE names another certificate: the client refuses the server, says the
#     certificate failed (widget "server.untrusted") with a retry, and nothing reaches it;
#  3. the right certificate but another host name (localhost, not in the certificate): refused too.
# Saves artifacts/native-https-untrusted.png. CLIENT and SERVER override the binaries.
set -euo pipefail
source "$(dirname "$0")/xvfb.sh"
server="${SERVER:-build/native/server/school-server}"
mkdir -p artifacts

make_cert() {  # make_cert NAME SUBJECT_ALT_NAME
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$1" -addext "subjectAltName=$2" \
    -keyout "$work/$1.key" -out "$work/$1.pem" 2>/dev/null
}
make_cert school "IP:127.0.0.1"
make_cert stranger "IP:127.0.0.1"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
PORT=$port BIND=127.0.0.1 DATA_DIR="$work/data" TLS_CERT="$work/school.pem" TLS_KEY="$work/school.key" \
  "$server" --assets assets --mode development >"$work/server.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do curl -sf --cacert "$work/school.pem" "https://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.2; done
curl -sf --cacert "$work/school.pem" "https://127.0.0.1:$port/api/v1/health" >/dev/null || { echo "server did not start:"; cat "$work/server.log"; exit 1; }
health_count() { grep -c 'GET /api/v1/health 200' "$work/server.log" || true; }

run_client() {  # run_client URL CA_FILE: starts the client, sets $client_pid
  rm -f "$work/hook.json"
  SERVER_URL="$1" SERVER_CA_FILE="$2" SCHOOL_CLIENT_HOOK_FILE="$work/hook.json" SCHOOL_CLIENT_SETTINGS_DIR="$work" \
    "$client" >"$work/client.log" 2>&1 &
  client_pid=$!
  pids+=($client_pid)
}

# 1. Trusted: the home screen comes up, the health check reaches the server, no warning.
before=$(health_count)
run_client "https://127.0.0.1:$port" "$work/school.pem"
wait_for_hook "$client_pid" '"home.search"' || { echo "1: no home screen"; exit 1; }
for _ in $(seq 1 50); do [ "$(health_count)" -gt "$before" ] && break; sleep 0.1; done
[ "$(health_count)" -gt "$before" ] || { echo "1: the client's health check never reached the server"; cat "$work/client.log"; exit 1; }
sleep 0.5
if grep -q '"server.untrusted"\|"server.retry"' "$work/hook.json"; then echo "1: a warning shows on a trusted server"; exit 1; fi
kill "$client_pid"; wait "$client_pid" 2>/dev/null || true
echo "1. trusted certificate: health check over HTTPS reached the server, no warning"

# 2. Another certificate trusted: refused, said so, nothing reaches the server.
before=$(health_count)
run_client "https://127.0.0.1:$port" "$work/stranger.pem"
wait_for_hook "$client_pid" '"server.untrusted"' || { echo "2: no certificate warning"; cat "$work/hook.json" 2>/dev/null; exit 1; }
grep -q '"server.retry"' "$work/hook.json" || { echo "2: no retry button"; exit 1; }
grep -q 'certificate failed verification\|ใบรับรอง' "$work/hook.json" || { echo "2: the warning does not name the certificate"; exit 1; }
sleep 0.5
import -window root artifacts/native-https-untrusted.png
[ "$(health_count)" -eq "$before" ] || { echo "2: a request reached the server through an untrusted certificate"; exit 1; }
kill "$client_pid"; wait "$client_pid" 2>/dev/null || true
echo "2. another certificate: refused with the certificate warning, nothing reached the server"

# 3. The right certificate under a name it does not carry.
run_client "https://localhost:$port" "$work/school.pem"
wait_for_hook "$client_pid" '"server.untrusted"' || { echo "3: a host name mismatch was accepted"; exit 1; }
[ "$(health_count)" -eq "$before" ] || { echo "3: a request reached the server under the wrong name"; exit 1; }
echo "3. wrong host name: refused"
