#!/usr/bin/env bash
# The long fuzzing run: every target of fuzz/ for FUZZ_RUNS executions (10 M by default),
# printing executions and crashes per target. Builds build/fuzz first if needed. Long: the
# parsers of small values run 5-20 k executions/s per core, the register imports (CSV,
# XLSX: whole tables checked per input) a few hundred to a few thousand, i.e. hours for
# 10 M; FUZZ_RUNS=1000000 for a quicker pass.
set -euo pipefail
cd "$(dirname "$0")/.."
CC=clang CXX=clang++ cmake -S fuzz -B build/fuzz -G Ninja >/dev/null
cmake --build build/fuzz -j "$(nproc)" >/dev/null
bash fuzz/run.sh --runs "${FUZZ_RUNS:-10000000}"
