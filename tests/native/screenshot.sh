#!/usr/bin/env bash
# The native client under Xvfb, with no server running: its home screen must come up
# (title, search box, a "cannot reach the server" notice with a retry button).
# Saves artifacts/native-home.png and fails if the screenshot is blank or the widgets
# are missing. CLIENT overrides the binary.
set -euo pipefail
source "$(dirname "$0")/xvfb.sh"
shot=artifacts/native-home.png
mkdir -p artifacts

# Port 9 on loopback: nothing listens there, so the server is unreachable.
SERVER_URL="http://127.0.0.1:9" SCHOOL_CLIENT_HOOK_FILE="$work/hook.json" SCHOOL_CLIENT_SETTINGS_DIR="$work" \
  "$client" >"$work/client.log" 2>&1 &
client_pid=$!
pids+=($client_pid)

# Wait until the "cannot reach the server" notice is on screen (the hook file lists its
# retry button), then let a frame settle.
ok=""
wait_for_hook "$client_pid" '"server.retry"' && ok=1
sleep 0.5
import -window root "$shot"

[ -n "$ok" ] || { echo "the unreachable-server notice never showed"; cat "$work/client.log"; exit 1; }
grep -q '"home.search"' "$work/hook.json" || { echo "no search box in the hook"; exit 1; }

# Idle: with no input, the client draws no frame (the hook file counts them).
frames() { grep -o '"frames":[0-9]*' "$work/hook.json" | cut -d: -f2; }
before=$(frames); sleep 1.5; after=$(frames)
[ "$before" = "$after" ] || { echo "frames drawn while idle: $before -> $after"; exit 1; }
[ -s "$shot" ] || { echo "no screenshot"; exit 1; }
spread=$(convert "$shot" -colorspace Gray -format '%[fx:standard_deviation]' info:)
echo "native screenshot: $shot (grey standard deviation $spread)"
awk -v s="$spread" 'BEGIN { exit !(s > 0.01) }' || { echo "the screenshot is blank"; exit 1; }
