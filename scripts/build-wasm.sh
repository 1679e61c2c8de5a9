#!/usr/bin/env bash
# The WebAssembly half of the app build, run by Trunk before it builds the HTML (a pre_build hook in
# Trunk.toml): every page module and every family's engine module, compiled in one cargo call, bound by
# wasm-bindgen for the web and shrunk by wasm-opt, each into its own folder of $WASM_STAGE. Trunk cannot
# build several modules into one page, so this step is ours; scripts/dist.mjs then places them in dist/.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

MODULES=(page-catalogue page-visualizer page-quiz page-race page-plot page-progress engine-sorting engine-searching
  tools-sorting tools-searching)
out=$(with_wasm_env sh -c 'echo "$CARGO_TARGET_DIR"')/wasm32-unknown-unknown/wasm-release

with_wasm_env cargo build --quiet --locked --profile wasm-release --target wasm32-unknown-unknown \
  -p app -p engine --bins
rm -rf "$WASM_STAGE"
for module in "${MODULES[@]}"; do
  dir=$WASM_STAGE/$module
  wasm-bindgen --target web --no-typescript --out-dir "$dir" --out-name "$module" "$out/$module.wasm"
  wasm-opt -Oz "$dir/${module}_bg.wasm" -o "$dir/${module}_bg.wasm"
done
