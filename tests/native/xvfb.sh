# Sourced by the native client tests: a private Xvfb display ($display, exported as DISPLAY),
# a work folder ($work), and cleanup of both and of every pid in $pids on exit.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
client="${CLIENT:-build/native/wasm/school-client}"
[ -x "$client" ] || { echo "no native client at $client (run scripts/build.sh)"; exit 1; }
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
# Xvfb takes a free display number itself (-displayfd), so tests started side by side never
# pick the same one.
Xvfb -displayfd 3 -screen 0 "${XVFB_SIZE:-1024x720}x24" -nolisten tcp >"$work/xvfb.log" 2>&1 3>"$work/display" &
pids+=($!)
for _ in $(seq 1 50); do [ -s "$work/display" ] && break; sleep 0.1; done
display=$(cat "$work/display")
[ -n "$display" ] || { echo "Xvfb did not start:"; cat "$work/xvfb.log"; exit 1; }
export DISPLAY=":$display"

# wait_for_hook PID PATTERN [SECONDS]: until the client's widget tree (hook file) matches,
# 20 s unless told.
wait_for_hook() {
  for _ in $(seq 1 $(( ${3:-20} * 10 ))); do
    if ! kill -0 "$1" 2>/dev/null; then echo "client exited:"; cat "$work/client.log"; return 1; fi
    if [ -f "$work/hook.json" ] && grep -q "$2" "$work/hook.json"; then return 0; fi
    sleep 0.1
  done
  return 1
}
