#!/usr/bin/env bash
# Issue 15: prove that the suite does not depend on the machine's speed.
# Keeps every core busy with a spinning process (one per core, stopped by pid on exit) and runs
# `npm test` RUNS times in a row (default 3). Exit 0 only if every run is green.
# Usage: scripts/busy-test.sh [RUNS]   (logs in busy-test-N.log)
set -u
runs="${1:-3}"
cores="$(nproc)"
pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; }
trap stop EXIT INT TERM
for _ in $(seq "$cores"); do
  node -e 'for (;;) {}' &
  pids+=("$!")
done
echo "busy-test: ${cores} spinners (pids ${pids[*]}), ${runs} runs of npm test"
failed=0
for i in $(seq "$runs"); do
  start=$(date +%s)
  if npm test >"busy-test-$i.log" 2>&1; then result=green; else result=RED; failed=1; fi
  echo "busy-test: run $i $result in $(( $(date +%s) - start )) s ($(grep -E 'passed|failed' "busy-test-$i.log" | tail -1))"
done
exit "$failed"
