#!/usr/bin/env bash
# Measures the README's run command: seconds from start until http://127.0.0.1:8080 serves the page, then
# stops the server. Uses a throwaway database.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
db=$(mktemp -d)/timing.db
start=$(date +%s.%N)
ALGOVISTA_DB=$db setsid bash scripts/run.sh >"${TMPDIR:-/tmp}/algovista-run.log" 2>&1 &
pid=$!
trap 'kill -TERM -- -$pid 2>/dev/null || true' EXIT
until curl -fs http://127.0.0.1:8080/ | grep -q '<title>AlgoVista'; do
  kill -0 $pid 2>/dev/null || { echo "the run command exited; see ${TMPDIR:-/tmp}/algovista-run.log" >&2; exit 1; }
  sleep 0.2
done
echo "page answered after $(echo "$(date +%s.%N) - $start" | bc) s"
