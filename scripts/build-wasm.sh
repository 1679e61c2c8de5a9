#!/usr/bin/env bash
# The WebAssembly half of the app build, run by Trunk before it builds the HTML (a pre_build hook in
# Trunk.toml): every page module and every family's engine module, compiled in one cargo call, bound by
# wasm-bindgen for the web and shrunk by wasm-opt, each into its own folder of $WASM_STAGE. Trunk cannot
# build several modules into one page, so this step is ours; scripts/dist.mjs then places them in dist/.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

# Two cargo calls: the array families' pages and engines without the graph family (they link none of its
# code), then the pages that list or run every family, and the graph family's modules, with it.
ARRAY_MODULES=(page-visualizer page-quiz page-race engine-sorting engine-searching tools-sorting tools-searching)
GRAPH_MODULES=(page-catalogue page-plot page-progress page-graph page-graph-race engine-graphs engine-weighted
  engine-grids tools-graphs tools-weighted tools-grids)
MODULES=("${ARRAY_MODULES[@]}" "${GRAPH_MODULES[@]}")
out=$(with_wasm_env sh -c 'echo "$CARGO_TARGET_DIR"')/wasm32-unknown-unknown/wasm-release

bins() { for module in "$@"; do printf -- '--bin %s ' "$module"; done; }
# shellcheck disable=SC2046 # one word per flag
with_wasm_env cargo build --quiet --locked --profile wasm-release --target wasm32-unknown-unknown \
  -p app -p engine $(bins "${ARRAY_MODULES[@]}")
# shellcheck disable=SC2046
with_wasm_env cargo build --quiet --locked --profile wasm-release --target wasm32-unknown-unknown \
  -p app -p engine --features app/graphs,engine/graphs $(bins "${GRAPH_MODULES[@]}")
rm -rf "$WASM_STAGE"
for module in "${MODULES[@]}"; do
  dir=$WASM_STAGE/$module
  wasm-bindgen --target web --no-typescript --out-dir "$dir" --out-name "$module" "$out/$module.wasm"
  wasm-opt -Oz "$dir/${module}_bg.wasm" -o "$dir/${module}_bg.wasm"
done
