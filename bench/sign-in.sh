#!/usr/bin/env bash
# Sign-in throughput: logins/s against a real server (Argon2id as configured in
# server/auth/crypto.hpp), with 4 clients in parallel over loopback, plus the cost of
# one hash measured alone.
#   bash bench/sign-in.sh [logins]     (default 200)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
n="${1:-200}"
server_bin=build/native/server/school-server
[ -x "$server_bin" ] || { echo "build first: bash scripts/build.sh"; exit 1; }
data="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT
PORT=0 BIND=127.0.0.1 DATA_DIR="$data" "$server_bin" --assets assets --mode development > "$data/log" 2>&1 &
pid=$!
for _ in $(seq 100); do grep -q "Serving" "$data/log" && break; sleep 0.1; done
port="$(sed -n 's/.*Serving http:\/\/localhost:\([0-9]*\).*/\1/p' "$data/log")"
[ -n "$port" ] || { cat "$data/log"; exit 1; }

node - "$port" "$n" <<'JS'
const [port, n] = [process.argv[2], Number(process.argv[3])];
const body = JSON.stringify({ username: "area.admin", password: "Som-Tam-Thai-Pla-Ra-3" });
async function login() {
  const r = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, { method: "POST", body,
    headers: { "Content-Type": "application/json" } });
  if (r.status !== 200) throw new Error(`login: ${r.status} ${await r.text()}`);
  await r.arrayBuffer();
}
(async () => {
  await login();  // warm up
  for (const clients of [1, 4]) {
    let left = n;
    const started = performance.now();
    const latencies = [];
    await Promise.all(Array.from({ length: clients }, async () => {
      while (left-- > 0) { const t = performance.now(); await login(); latencies.push(performance.now() - t); }
    }));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    console.log(`sign-in: ${clients} client(s): ${(n / seconds).toFixed(1)} logins/s, ` +
                `median ${latencies[latencies.length >> 1].toFixed(1)} ms, p95 ${latencies[Math.floor(latencies.length * 0.95)].toFixed(1)} ms`);
  }
})().catch((e) => { console.error(e.message); process.exit(1); });
JS
echo "sign-in: Argon2id m=19 MiB, t=2, p=1 (libsodium crypto_pwhash), $(nproc) cores"
