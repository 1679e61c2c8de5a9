#!/usr/bin/env bash
# Lighthouse's mobile audit of the home page and a graph page (tests/bench/lighthouse/run.mjs) against the
# release build and release server: the table recorded in docs/benchmarks.md. Lighthouse is installed
# into tests/bench/lighthouse/ (pinned by its own lock file) on the first run, so the test command never
# carries it.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bash "$ROOT/scripts/setup.sh" test
cd "$ROOT"
if [ ! -d tests/bench/lighthouse/node_modules/lighthouse ]; then
  log "installing Lighthouse into tests/bench/lighthouse"
  (cd tests/bench/lighthouse && npm ci --no-audit --no-fund --loglevel=error)
fi
bash scripts/build-app.sh
cargo build --quiet --release -p server --bin algovista-server
ALGOVISTA_SERVER_BIN="$CARGO_TARGET_DIR/release/algovista-server" ALGOVISTA_DIST="$ROOT/dist" \
  node tests/bench/lighthouse/run.mjs
