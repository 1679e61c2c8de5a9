#!/usr/bin/env bash
# The WebAssembly half of the app build, run by Trunk before it builds the HTML (a pre_build hook in
# Trunk.toml): every page module and every family's engine module, compiled in one cargo call, bound by
# wasm-bindgen for the web and shrunk by wasm-opt, each into its own folder of $WASM_STAGE. Trunk cannot
# build several modules into one page, so this step is ours; scripts/dist.mjs then places them in dist/.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

# Four cargo calls, one per set of features, so a page links only the families it draws: the array
# families' pages and engines with no feature; the pages that list every family (catalogue, plot,
# progress) and the engines and tools of the graph and grid families with both; the graph pages with
# `graphs` alone; the grid pages with `grids` alone. Within a call the features are one set for every bin.
ARRAY_MODULES=(page-visualizer page-quiz page-race engine-sorting engine-searching tools-sorting tools-searching)
ALL_MODULES=(page-catalogue page-plot page-progress engine-graphs engine-weighted engine-grids tools-graphs
  tools-weighted tools-grids)
GRAPH_MODULES=(page-graph page-graph-race)
GRID_MODULES=(page-grid page-grid-race)
MODULES=("${ARRAY_MODULES[@]}" "${ALL_MODULES[@]}" "${GRAPH_MODULES[@]}" "${GRID_MODULES[@]}")
out=$(with_wasm_env sh -c 'echo "$CARGO_TARGET_DIR"')/wasm32-unknown-unknown/wasm-release

bins() { for module in "$@"; do printf -- '--bin %s ' "$module"; done; }
build() {
  local features=$1
  shift
  # shellcheck disable=SC2046 # one word per flag
  with_wasm_env cargo build --quiet --locked --profile wasm-release --target wasm32-unknown-unknown \
    -p app -p engine ${features:+--features "$features"} $(bins "$@")
}
build "" "${ARRAY_MODULES[@]}"
build app/graphs,app/grids,engine/graphs,engine/grids "${ALL_MODULES[@]}"
build app/graphs "${GRAPH_MODULES[@]}"
build app/grids "${GRID_MODULES[@]}"
rm -rf "$WASM_STAGE"
for module in "${MODULES[@]}"; do
  dir=$WASM_STAGE/$module
  wasm-bindgen --target web --no-typescript --out-dir "$dir" --out-name "$module" "$out/$module.wasm"
  wasm-opt -Oz "$dir/${module}_bg.wasm" -o "$dir/${module}_bg.wasm"
done
