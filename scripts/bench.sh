#!/usr/bin/env bash
# The trace core's benchmarks (docs/benchmarks.md): criterion natively, the seek benchmark in wasm32 under
# Node, then the ratios of each pair criterion measured in this run. Arguments go to criterion (a filter).
set -euo pipefail
source "$(dirname "$0")/common.sh"
bash "$ROOT/scripts/setup.sh" test
cd "$ROOT"

cargo bench -p algorithms --bench trace -- "$@"
with_wasm_env cargo test --release -p algorithms --target wasm32-unknown-unknown \
  --test seek_latency_wasm -- --include-ignored --nocapture
node scripts/bench-ratios.mjs "$CARGO_TARGET_DIR/criterion"
