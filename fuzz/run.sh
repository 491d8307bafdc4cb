#!/usr/bin/env bash
# Runs every fuzz target of build/fuzz over its committed seeds (fuzz/corpus/<target>) and
# prints executions and crashes per target. Exit 1 if any target crashed.
#   fuzz/run.sh --seconds 5          the short run of ./test
#   fuzz/run.sh --runs 10000000      the long run of bench/fuzz.sh
# New inputs go to build/fuzz/work/<target> (kept between runs, never committed); a
# crashing input goes to artifacts/fuzz/<target>-crash-<sha1> with the log beside it.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
limit=(-max_total_time=5)
case "${1:-}" in
  --seconds) limit=(-max_total_time="$2") ;;
  --runs) limit=(-runs="$2") ;;
  "") ;;
  *) echo "usage: fuzz/run.sh [--seconds N | --runs N]" >&2; exit 2 ;;
esac
mkdir -p artifacts/fuzz
crashed=0
printf '%-22s %14s %8s %8s\n' target executions crashes seconds
for source in fuzz/*_fuzz.cpp; do
  name=$(basename "$source" .cpp)
  binary=build/fuzz/$name
  [ -x "$binary" ] || { echo "$binary missing: build it (scripts/build.sh)" >&2; exit 2; }
  work=build/fuzz/work/$name
  mkdir -p "$work"
  log=artifacts/fuzz/$name.log
  start=$(date +%s)
  # -rss_limit_mb: a parser that needs more than 1 GB for one input is a finding too.
  "$binary" "${limit[@]}" -rss_limit_mb=1024 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="artifacts/fuzz/$name-" "$work" "fuzz/corpus/$name" >"$log" 2>&1
  status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  crashes=0
  if [ $status -ne 0 ]; then crashes=1; crashed=1; fi
  printf '%-22s %14s %8s %8s\n' "$name" "${runs:-?}" "$crashes" "$(( $(date +%s) - start ))"
  if [ $status -ne 0 ]; then grep -m5 -E 'ERROR|SUMMARY|Test unit written' "$log" | sed 's/^/    /'; fi
done
[ $crashed -eq 0 ]
