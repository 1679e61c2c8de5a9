#!/usr/bin/env bash
# Release build of the web app into dist/ (Trunk: cargo, wasm-bindgen, wasm-opt). Expects scripts/setup.sh
# to have run.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
with_wasm_env trunk --offline=true build --release
