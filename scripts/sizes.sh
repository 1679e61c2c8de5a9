#!/usr/bin/env bash
# What each route loads before its first frame, against the budgets (tests/bench/sizes.mjs): builds the
# release app and server, then prints the table recorded in docs/benchmarks.md.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bash "$ROOT/scripts/setup.sh" test
cd "$ROOT"
bash scripts/build-app.sh
cargo build --quiet --release -p server --bin algovista-server
ALGOVISTA_SERVER_BIN="$CARGO_TARGET_DIR/release/algovista-server" ALGOVISTA_DIST="$ROOT/dist" node tests/bench/sizes.mjs
