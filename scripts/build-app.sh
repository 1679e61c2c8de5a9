#!/usr/bin/env bash
# Release build of the web app into dist/: Trunk builds the HTML, the stylesheet and the static files, and
# its hooks build the WebAssembly modules (scripts/build-wasm.sh) and place them (scripts/dist.mjs).
# Expects scripts/setup.sh to have run.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
with_wasm_env trunk --offline=true build --release
