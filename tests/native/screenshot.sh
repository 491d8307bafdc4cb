#!/usr/bin/env bash
# The native client under Xvfb, with no server running: its home screen must come up
# (title, search box, a "cannot reach the server" notice with a retry button).
# Saves artifacts/native-home.png and fails if the screenshot is blank or the widgets
# are missing. CLIENT overrides the binary.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
client="${CLIENT:-build/native/wasm/school-client}"
shot=artifacts/native-home.png
mkdir -p artifacts
[ -x "$client" ] || { echo "no native client at $client (run scripts/build.sh)"; exit 1; }

# A free X display number.
display=""
for n in $(seq 99 160); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=$n; break; fi
done
[ -n "$display" ] || { echo "no free X display"; exit 1; }

work="$(mktemp -d)"
xvfb_pid=""; client_pid=""
cleanup() {
  [ -n "$client_pid" ] && kill "$client_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

Xvfb ":$display" -screen 0 1024x720x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done

# Port 9 on loopback: nothing listens there, so the server is unreachable.
DISPLAY=":$display" SERVER_URL="http://127.0.0.1:9" SCHOOL_CLIENT_HOOK_FILE="$work/hook.json" SCHOOL_CLIENT_SETTINGS_DIR="$work" \
  "$client" >"$work/client.log" 2>&1 &
client_pid=$!

# Wait until the "cannot reach the server" notice is on screen (the hook file lists its
# retry button), then let a frame settle.
ok=""
for _ in $(seq 1 200); do
  if ! kill -0 "$client_pid" 2>/dev/null; then echo "client exited:"; cat "$work/client.log"; exit 1; fi
  if [ -f "$work/hook.json" ] && grep -q '"server.retry"' "$work/hook.json"; then ok=1; break; fi
  sleep 0.1
done
sleep 0.5
DISPLAY=":$display" import -window root "$shot"

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
