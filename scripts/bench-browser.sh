#!/usr/bin/env bash
# The visualizer's browser benchmark (tests/bench/render.mjs) against the release build and release server.
set -euo pipefail
source "$(dirname "$0")/common.sh"
bash "$ROOT/scripts/setup.sh" test
cd "$ROOT"
bash scripts/build-app.sh
cargo build --quiet --release -p server --bin algovista-server
ALGOVISTA_SERVER_BIN="$CARGO_TARGET_DIR/release/algovista-server" ALGOVISTA_DIST="$ROOT/dist" node tests/bench/render.mjs
