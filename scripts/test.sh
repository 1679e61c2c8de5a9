#!/usr/bin/env bash
# Every test AlgoVista has: native unit and property tests (the Supabase store against a throwaway
# PostgreSQL and PostgREST-compatible server), WebAssembly tests under Node and in headless
# Chromium, and end-to-end tests driving the release build through the real server in headless Chromium.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bash "$ROOT/scripts/setup.sh" test
cd "$ROOT"

started=$SECONDS
stage() { log "── $* ($((SECONDS - started)) s)"; }

stage "format and lints"
cargo fmt --all --check
# The families are features of the app (`arrays`, `graphs`, `grids`, `trees`: each page module has the ones
# it draws) and the engine: every combination the build uses.
cargo clippy --quiet --all-targets --features engine/arrays,engine/graphs,engine/grids,engine/trees -- -D warnings
if [ "$(cat "$WASM_ROUTE_FILE")" = rustup ]; then
  for features in arrays graphs grids trees graphs,grids graphs,grids,trees arrays,trees; do
    cargo clippy --quiet -p app --all-targets --features "$features" --target wasm32-unknown-unknown -- -D warnings
  done
else
  log "skipping clippy for wasm32: the Debian route has no clippy of its compiler version"
fi

stage "native tests (with PostgreSQL and postrust for the Supabase store)"
source "$ROOT/scripts/postgrest-env.sh"
trap stop_postgrest_env EXIT
start_postgrest_env
cargo test --quiet --features engine/graphs,engine/grids,engine/trees
cargo test --quiet -p app --lib --features arrays,graphs,grids,trees
stop_postgrest_env

stage "WebAssembly tests under Node"
with_wasm_env cargo test -p algorithms --target wasm32-unknown-unknown --test '*'

stage "WebAssembly tests in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver with_wasm_env cargo test -p app --features arrays,trees --target wasm32-unknown-unknown --test '*'

stage "release build of the app"
bash "$ROOT/scripts/build-app.sh"
cargo build --quiet -p server --bin algovista-server

stage "API contract: Schemathesis against the live server"
bash "$ROOT/scripts/api-contract.sh"

stage "end-to-end tests in headless Chromium"
ALGOVISTA_SERVER_BIN="$CARGO_TARGET_DIR/debug/algovista-server" ALGOVISTA_DIST="$ROOT/dist" \
  node --test --test-concurrency=1 tests/e2e/

stage "all tests passed"
