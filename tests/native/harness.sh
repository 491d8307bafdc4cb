# Sourced by the native tests that drive the client like a person (kiosk.sh, walks.sh): the
# private display of xvfb.sh, the real server in development mode on a free port, and real X
# input (xdotool) at the widgets of the client's widget tree, the hook file. Set XVFB_SIZE
# before sourcing. CLIENT and SERVER override the binaries.
source "$(dirname "${BASH_SOURCE[0]}")/xvfb.sh"
server="${SERVER:-build/native/server/school-server}"
command -v xdotool >/dev/null || { echo "xdotool is missing (scripts/setup-deps.sh installs it)"; exit 1; }
mkdir -p artifacts "$work/downloads"
# X's default keymap has no Thai, and xdotool's way around that (rebinding a spare key for
# each character as it types) races the client reading the key: characters get lost or
# swapped. So Thai is bound once, before any client starts, to keys nothing here presses
# (empty or multimedia), and text is typed as key presses by keysym (type_text).
python3 - <<'PY'
import ctypes
x = ctypes.cdll.LoadLibrary("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XGetKeyboardMapping.restype = ctypes.POINTER(ctypes.c_ulong)
x.XGetKeyboardMapping.argtypes = [ctypes.c_void_p, ctypes.c_ubyte, ctypes.c_int, ctypes.POINTER(ctypes.c_int)]
x.XChangeKeyboardMapping.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.POINTER(ctypes.c_ulong), ctypes.c_int]
x.XDisplayKeycodes.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int)]
x.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
d = x.XOpenDisplay(None)
lo, hi, per = ctypes.c_int(), ctypes.c_int(), ctypes.c_int()
x.XDisplayKeycodes(d, ctypes.byref(lo), ctypes.byref(hi))
syms = x.XGetKeyboardMapping(d, lo.value, hi.value - lo.value + 1, ctypes.byref(per))
row = lambda k: [syms[(k - lo.value) * per.value + j] for j in range(per.value)]
spare = [k for k in range(lo.value, hi.value + 1) if all(s == 0 or 0x1008ff00 <= s <= 0x1008ffff for s in row(k))]
thai = [c for c in range(0x0E01, 0x0E5C) if not 0x0E3B <= c <= 0x0E3E]
assert len(spare) >= len(thai), "not enough spare keys for Thai"
for k, c in zip(spare, thai):
    x.XChangeKeyboardMapping(d, k, 1, (ctypes.c_ulong * 1)(0x1000000 + c), 1)  # Unicode keysym
x.XSync(d, 0)
PY
# Where the client's window sits on the screen: the hook's coordinates are the window's.
origin_x=0 origin_y=0

start_server() {  # a fresh DATA_DIR ($work/data); sets $port and $url
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  url="http://127.0.0.1:$port"
  PORT=$port BIND=127.0.0.1 DATA_DIR="$work/data" "$server" --assets assets --mode development >"$work/server.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do curl -sf "$url/api/v1/health" >/dev/null && break; sleep 0.2; done
  curl -sf "$url/api/v1/health" >/dev/null || { echo "server did not start:"; cat "$work/server.log"; exit 1; }
}

# start_client [ARGS...]: against $url, writing the hook; sets $client_pid. Variables set
# before the call (KIOSK_*, ...) reach the client too.
start_client() {
  rm -f "$work/hook.json"
  SERVER_URL="$url" SCHOOL_CLIENT_HOOK_FILE="$work/hook.json" SCHOOL_CLIENT_SETTINGS_DIR="$work" \
    DOWNLOAD_DIR="$work/downloads" "$client" "$@" >"$work/client.log" 2>&1 &
  client_pid=$!
  pids+=($client_pid)
}

# centre ID [enabled]: "x y" of the widget's centre on the screen, from the last frame
# (with "enabled": nothing while it is disabled)
centre() {
  python3 - "$work/hook.json" "$1" "$origin_x" "$origin_y" "${2:-}" <<'PY'
import json, sys
for w in json.load(open(sys.argv[1]))["widgets"]:
    if w["id"] == sys.argv[2]:
        if not (sys.argv[5] and "disabled" in w["value"]):
            print(int(w["x"] + w["w"] / 2) + int(sys.argv[3]), int(w["y"] + w["h"] / 2) + int(sys.argv[4]))
        break
PY
}
value_of() {
  python3 - "$work/hook.json" "$1" <<'PY'
import json, sys
for w in json.load(open(sys.argv[1]))["widgets"]:
    if w["id"] == sys.argv[2]: print(w["value"]); break
PY
}
# click WIDGET_ID: a real pointer press and release where it is drawn, once it is enabled and
# has stopped moving (a server reply can push it down between two frames)
click() {
  wait_for_hook "$client_pid" "\"$1\"" || { echo "no widget $1 to click"; cat "$work/hook.json"; exit 1; }
  local at="" was=""
  for _ in $(seq 1 50); do
    at=$(centre "$1" enabled)
    [ -n "$at" ] && [ "$at" = "$was" ] && break
    was=$at
    sleep 0.1
  done
  [ -n "$at" ] || { echo "$1 stayed disabled"; exit 1; }
  xdotool mousemove $at click 1
  sleep 0.15
}
type_text() {  # a key press and release per character, found on the keymap by its keysym
  if [ -n "$1" ]; then
    xdotool key --delay 40 $(python3 -c 'import sys; print(" ".join("U%04X" % ord(c) for c in sys.argv[1]))' "$1")
  fi
  sleep 0.2
}
# type_into WIDGET_ID TEXT: clicked until it takes the keys (a click can fall between two
# frames while the client is busy), then typed
type_into() {
  for attempt in 1 2 3; do
    click "$1"
    wait_for_hook "$client_pid" "\"active\":true,\"h\":[0-9.]*,\"id\":\"$1\"" 3 && break
    [ "$attempt" = 3 ] && { echo "$1 never took the keys"; exit 1; }
  done
  type_text "$2"
}
field_of() {  # field_of ID FIELD: "kind", "label"... of the widget in the last frame
  python3 - "$work/hook.json" "$1" "$2" <<'PY'
import json, sys
for w in json.load(open(sys.argv[1]))["widgets"]:
    if w["id"] == sys.argv[2]: print(w[sys.argv[3]]); break
PY
}
absent() { ! grep -q "$1" "$work/hook.json"; }
# otp_for PHONE: the 6-digit code of the newest SMS to PHONE in the development outbox
# (10 s at most); empty when none came.
otp_for() {
  local code=""
  for _ in $(seq 1 100); do
    code=$(curl -sf "$url/api/v1/dev/outbox?phone=$1" | jq -r '.[0].text // ""' | grep -oE '[0-9]{6}' | head -1 || true)
    [ -n "$code" ] && break; sleep 0.1
  done
  echo "$code"
}
