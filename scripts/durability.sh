#!/usr/bin/env bash
# Durability under SIGKILL (server/examples/durability.rs): load, kill -9 mid-load, restart, repeat; then
# check every acknowledged event and session version. Usage: bash scripts/durability.sh [rounds]
set -euo pipefail
source "$(dirname "$0")/common.sh"
bash "$ROOT/scripts/setup.sh" test
cd "$ROOT"
cargo build --quiet --release -p server --bin algovista-server --example durability
"$CARGO_TARGET_DIR/release/examples/durability" "$CARGO_TARGET_DIR/release/algovista-server" "$@"
