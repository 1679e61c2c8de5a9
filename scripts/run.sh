#!/usr/bin/env bash
# Sets up what is missing, builds the app, and serves it with the API on http://127.0.0.1:8080 over the
# embedded SQLite store. Flags after the command go to the server (see `--help`); ALGOVISTA_DB moves the store.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bash "$ROOT/scripts/setup.sh" run
bash "$ROOT/scripts/build-app.sh"
cd "$ROOT"
cargo build --quiet --release -p server --bin algovista-server
exec "$CARGO_TARGET_DIR/release/algovista-server" --dist "$ROOT/dist" "$@"
