#!/usr/bin/env bash
# Runs the suites against what scripts/build.sh built and prints one closing line.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mkdir -p artifacts
passed=0; failed=0; failed_logs=()
# suite NAME COMMAND...: a suite passes when its command exits 0. Its output is also kept in
# artifacts/suites/, so a failure is printed again at the end, where a cut CI log still shows it.
suite() {
  local name=$1; shift
  local log; log="artifacts/suites/$(printf '%02d' $((passed + failed + 1)))-$(printf %s "$name" | tr -c 'A-Za-z0-9._-' '_' | cut -c1-60).log"
  echo "=== $name"
  if "$@" 2>&1 | tee "$log"; then passed=$((passed+1)); echo "=== $name: ok"
  else failed=$((failed+1)); failed_logs+=("$name|$log"); echo "=== $name: FAILED"; fi
}
rm -rf artifacts/suites; mkdir -p artifacts/suites

# The server suite runs a second time on PostgreSQL, in a private cluster of its own.
pg_env=$(bash scripts/postgres.sh start fast) || { echo "could not start a PostgreSQL cluster for the tests"; exit 1; }
eval "$pg_env"
trap 'bash scripts/postgres.sh stop "$TEST_POSTGRES_DIR"' EXIT
suite "unit and integration (ctest)" ctest --test-dir build/native --output-on-failure -j "$(nproc)"
suite "fuzzers, 5 s per target over fuzz/corpus" bash fuzz/run.sh --seconds 5
suite "native client under Xvfb" bash tests/native/screenshot.sh
suite "native client over HTTPS under Xvfb" bash tests/native/https.sh
suite "native client as a kiosk under Xvfb" bash tests/native/kiosk.sh
suite "native client walks (registration, KPI report) under Xvfb" bash tests/native/walks.sh
suite "native kiosk on a 1920x1080 screen (scale, field above the keys) under Xvfb" bash tests/native/kiosk_scale.sh
suite "native kiosk: a registration by taps and on-screen keys, its letter printed on a CUPS printer, under Xvfb" bash tests/native/kiosk_walk.sh
for t in tests/browser/*.test.mjs; do
  [ -e "$t" ] || continue
  suite "browser: $(basename "$t")" node --test --test-reporter=spec "$t"
done

# The server as an OpenID Connect relying party, against a real provider (tests/oidc/provider.mjs).
for t in tests/oidc/*.test.mjs; do
  [ -e "$t" ] || continue
  suite "oidc: $(basename "$t")" node --test --test-reporter=spec "$t"
done

for f in "${failed_logs[@]}"; do
  echo "=== FAILED: ${f%%|*} (the end of its output; all of it in ${f#*|})"
  tail -n 80 "${f#*|}"
done
echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
