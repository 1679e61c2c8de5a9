#!/usr/bin/env bash
# Load benchmark (docs/benchmarks.md): wrk on loopback against the release server with the embedded store,
# POST /api/events (one new event per request, each a durable SQLite commit) against GET /api/health in
# the same run. Usage: bash scripts/load.sh [seconds per endpoint] [connections]
set -euo pipefail
source "$(dirname "$0")/common.sh"
bash "$ROOT/scripts/setup.sh" test
command -v wrk >/dev/null || { log "installing wrk"; as_root apt-get install -y -qq wrk >/dev/null; }
cd "$ROOT"
seconds=${1:-15}
connections=${2:-32}
cargo build --quiet --release -p server --bin algovista-server

work=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
NO_COLOR=1 "$CARGO_TARGET_DIR/release/algovista-server" --addr 127.0.0.1:0 --db "$work/load.db" --dist "$work" \
  >"$work/server.log" 2>&1 &
server=$!
until addr=$(grep -o 'listening addr=[0-9.:]*' "$work/server.log" | cut -d= -f2) && [ -n "$addr" ]; do sleep 0.1; done
base="http://$addr"
ALGOVISTA_TOKEN=$(node -e '
  fetch(process.argv[1] + "/api/users", { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ time_zone: "UTC" }) }).then((r) => r.json()).then((b) => console.log(b.token));' "$base")
export ALGOVISTA_TOKEN

run() { wrk --threads 2 --connections "$connections" --duration "${seconds}s" --latency "$@"; }
summary() { # requests/s and p99 from wrk's report
  awk '/Requests\/sec/ { rps = $2 } / 99%/ { p99 = $2 } END { print rps, p99 }'
}
log "GET /api/health, ${seconds} s, $connections connections"
health=$(run "$base/api/health" | tee "$work/health.txt" | summary)
log "POST /api/events, ${seconds} s, $connections connections"
events=$(run --script "$ROOT/scripts/load-events.lua" "$base/api/events" | tee "$work/events.txt" | summary)
cat "$work/health.txt" "$work/events.txt"
read -r health_rps health_p99 <<<"$health"
read -r events_rps events_p99 <<<"$events"
node -e '
  const [hr, hp, er, ep] = process.argv.slice(1);
  const ms = (t) => t.endsWith("us") ? parseFloat(t) / 1000 : t.endsWith("ms") ? parseFloat(t) : parseFloat(t) * 1000;
  console.log("\n| endpoint | requests/s | p99 |\n|---|---|---|");
  console.log(`| GET /api/health | ${hr} | ${hp} |`);
  console.log(`| POST /api/events | ${er} | ${ep} |`);
  console.log(`| events ÷ health | ${(er / hr).toFixed(3)}× | ${(ms(ep) / ms(hp)).toFixed(1)}× |`);
' "$health_rps" "$health_p99" "$events_rps" "$events_p99"
