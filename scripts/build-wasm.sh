#!/usr/bin/env bash
# The WebAssembly half of the app build, run by Trunk before it builds the HTML (a pre_build hook in
# Trunk.toml): every page, editor, engine and tools module, compiled, bound by wasm-bindgen for the web
# and shrunk by wasm-opt, each into its own folder of $WASM_STAGE. Trunk cannot build several modules
# into one page, so this step is ours; scripts/dist.mjs then places them in dist/.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

# The modules are the `[[bin]]` targets of app/ and engine/, each built with exactly its required features
# (scripts/modules.mjs reads them through cargo metadata): one cargo call per set of features, so a module
# links only the families it draws or runs. Within a call the features are one set for every module.
out=$(with_wasm_env sh -c 'echo "$CARGO_TARGET_DIR"')/wasm32-unknown-unknown/wasm-release
groups=$(node scripts/modules.mjs groups)
MODULES=()
while read -r features modules; do
  read -ra names <<< "$modules"
  flags=(--quiet --locked --profile wasm-release --target wasm32-unknown-unknown -p app -p engine)
  [ "$features" = - ] || flags+=(--features "$features")
  for module in "${names[@]}"; do flags+=(--bin "$module"); done
  with_wasm_env cargo build "${flags[@]}" < /dev/null
  MODULES+=("${names[@]}")
done <<< "$groups"
rm -rf "$WASM_STAGE"
for module in "${MODULES[@]}"; do
  dir=$WASM_STAGE/$module
  wasm-bindgen --target web --no-typescript --out-dir "$dir" --out-name "$module" "$out/$module.wasm"
  # The producers and target-features sections are for linkers, not browsers.
  wasm-opt -Oz --strip-producers --strip-target-features "$dir/${module}_bg.wasm" -o "$dir/${module}_bg.wasm"
  # The glue and its snippets minified (names inside it shortened; exports and import keys stay).
  find "$dir" -name '*.js' -exec esbuild --minify --format=esm --log-level=warning --allow-overwrite {} --outfile={} \;
done
