#!/usr/bin/env bash
# All benchmarks; each prints its own figures. Needs a build (./test or scripts/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== web bundle size (bytes)"; bash bench/bundle-size.sh
echo "== time to first frame in headless Chromium (goal: <= 1 s loopback, <= 4 s rural line)"; node bench/first-frame.mjs; node bench/first-frame.mjs --rural --warm --runs 3
echo "== static files beside nginx (goal: >= 0.8x nginx on app.wasm)"; bash bench/static-throughput.sh
echo "== API throughput"; bash bench/api-throughput.sh
echo "== SQLite beside PostgreSQL, one server and three behind nginx"; bash bench/postgres.sh
echo "== sign-in throughput (Argon2id)"; bash bench/sign-in.sh
echo "== KPI summary under load, exports"; bash bench/kpi-summary.sh
echo "== appointment letter and signed upload"; bash bench/letter.sh
echo "== LEC register import (20,000 rows)"; bash bench/lec-import.sh
echo "== native client as a kiosk: start-up, a minute idle, the idle reset"; bash bench/kiosk.sh
echo "== KPI overview frame time (native, 1,000 units)"; build/native/bench/kpi-overview-frames 1000
echo "== fuzzers (10 M executions per target; long)"; bash bench/fuzz.sh
