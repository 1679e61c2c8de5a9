#!/usr/bin/env bash
# The WebAssembly half of the app build, run by Trunk before it builds the HTML (a pre_build hook in
# Trunk.toml): every page module and every family's engine module, compiled in one cargo call, bound by
# wasm-bindgen for the web and shrunk by wasm-opt, each into its own folder of $WASM_STAGE. Trunk cannot
# build several modules into one page, so this step is ours; scripts/dist.mjs then places them in dist/.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

# Four cargo calls, one per set of features, so a module links only the families it draws or runs: the
# array families' pages, engines and tools with `arrays`; the pages that list every family (catalogue,
# plot, progress) with `graphs` and `grids`, which draw no frame; the graph pages, editor, engines and
# tools with `graphs` alone; the grid ones with `grids` alone. Within a call the features are one set for
# every bin.
ARRAY_MODULES=(page-visualizer page-quiz page-race engine-sorting engine-searching tools-sorting tools-searching)
ALL_MODULES=(page-catalogue page-plot page-progress)
GRAPH_MODULES=(page-graph page-graph-race editor-graph engine-traversal engine-connectivity engine-paths
  engine-trees engine-graphs tools-traversal tools-connectivity tools-paths tools-trees)
GRID_MODULES=(page-grid page-grid-race editor-grid engine-grids tools-grids)
MODULES=("${ARRAY_MODULES[@]}" "${ALL_MODULES[@]}" "${GRAPH_MODULES[@]}" "${GRID_MODULES[@]}")
out=$(with_wasm_env sh -c 'echo "$CARGO_TARGET_DIR"')/wasm32-unknown-unknown/wasm-release

bins() { for module in "$@"; do printf -- '--bin %s ' "$module"; done; }
build() {
  local features=$1
  shift
  # shellcheck disable=SC2046 # one word per flag
  with_wasm_env cargo build --quiet --locked --profile wasm-release --target wasm32-unknown-unknown \
    -p app -p engine --features "$features" $(bins "$@")
}
build app/arrays "${ARRAY_MODULES[@]}"
build app/graphs,app/grids "${ALL_MODULES[@]}"
build app/graphs,engine/graphs "${GRAPH_MODULES[@]}"
build app/grids,engine/grids "${GRID_MODULES[@]}"
rm -rf "$WASM_STAGE"
for module in "${MODULES[@]}"; do
  dir=$WASM_STAGE/$module
  wasm-bindgen --target web --no-typescript --out-dir "$dir" --out-name "$module" "$out/$module.wasm"
  # The producers and target-features sections are for linkers, not browsers.
  wasm-opt -Oz --strip-producers --strip-target-features "$dir/${module}_bg.wasm" -o "$dir/${module}_bg.wasm"
  # The glue and its snippets minified (names inside it shortened; exports and import keys stay).
  find "$dir" -name '*.js' -exec esbuild --minify --format=esm --log-level=warning --allow-overwrite {} --outfile={} \;
done
