# Sourced by the native client tests: a private Xvfb display ($display, exported as DISPLAY),
# a work folder ($work), and cleanup of both and of every pid in $pids on exit.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
client="${CLIENT:-build/native/wasm/school-client}"
[ -x "$client" ] || { echo "no native client at $client (run scripts/build.sh)"; exit 1; }
display=""
for n in $(seq 99 160); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=$n; break; fi
done
[ -n "$display" ] || { echo "no free X display"; exit 1; }
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
Xvfb ":$display" -screen 0 "${XVFB_SIZE:-1024x720}x24" -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
export DISPLAY=":$display"

# wait_for_hook PID PATTERN: until the client's widget tree (hook file) matches, 20 s at most.
wait_for_hook() {
  for _ in $(seq 1 200); do
    if ! kill -0 "$1" 2>/dev/null; then echo "client exited:"; cat "$work/client.log"; return 1; fi
    if [ -f "$work/hook.json" ] && grep -q "$2" "$work/hook.json"; then return 0; fi
    sleep 0.1
  done
  return 1
}
