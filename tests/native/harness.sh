# Sourced by the native tests that drive the client like a person (kiosk.sh, walks.sh): the
# private display of xvfb.sh, the real server in development mode on a free port, and real X
# input (xdotool) at the widgets of the client's widget tree, the hook file. Set XVFB_SIZE
# before sourcing. CLIENT and SERVER override the binaries.
source "$(dirname "${BASH_SOURCE[0]}")/xvfb.sh"
server="${SERVER:-build/native/server/school-server}"
command -v xdotool >/dev/null || { echo "xdotool is missing (scripts/setup-deps.sh installs it)"; exit 1; }
mkdir -p artifacts "$work/downloads"
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

# widget ID -> "x y" of its centre on the screen, from the last frame
centre() {
  python3 - "$work/hook.json" "$1" "$origin_x" "$origin_y" <<'PY'
import json, sys
for w in json.load(open(sys.argv[1]))["widgets"]:
    if w["id"] == sys.argv[2]:
        print(int(w["x"] + w["w"] / 2) + int(sys.argv[3]), int(w["y"] + w["h"] / 2) + int(sys.argv[4])); break
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
  local at was=""
  for _ in $(seq 1 50); do
    at=$(centre "$1")
    [ -n "$at" ] && [ "$at" = "$was" ] && [ "$(value_of "$1")" != disabled ] && break
    was=$at
    sleep 0.1
  done
  xdotool mousemove $at click 1
  sleep 0.3
}
type_into() {  # type_into WIDGET_ID TEXT
  click "$1"
  xdotool type --delay 40 "$2"
  sleep 0.3
}
absent() { ! grep -q "$1" "$work/hook.json"; }
