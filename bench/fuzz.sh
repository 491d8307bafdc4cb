#!/usr/bin/env bash
# The long fuzzing run: every target of fuzz/ for FUZZ_RUNS executions (10 M by default),
# printing executions and crashes per target. Builds build/fuzz first if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
CC=clang CXX=clang++ cmake -S fuzz -B build/fuzz -G Ninja >/dev/null
cmake --build build/fuzz -j "$(nproc)" >/dev/null
bash fuzz/run.sh --runs "${FUZZ_RUNS:-10000000}"
