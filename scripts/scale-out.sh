#!/usr/bin/env bash
# Scale-out check (server/examples/scale_out.rs): PostgreSQL and postrust on loopback, two release server
# replicas on them, load over both, cross-replica checks, one replica SIGKILLed mid-load.
# Usage: bash scripts/scale-out.sh [seconds of load]
set -euo pipefail
source "$(dirname "$0")/common.sh"
bash "$ROOT/scripts/setup.sh" test
cd "$ROOT"
cargo build --quiet --release -p server --bin algovista-server --example scale_out
source "$ROOT/scripts/postgrest-env.sh"
trap stop_postgrest_env EXIT
start_postgrest_env
"$CARGO_TARGET_DIR/release/examples/scale_out" "$CARGO_TARGET_DIR/release/algovista-server" \
  "$ALGOVISTA_TEST_POSTGREST_URL" "$ALGOVISTA_TEST_POSTGREST_KEY" "$@"
