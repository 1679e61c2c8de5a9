# Shared environment for scripts/*.sh. Sourced, never executed.
#
# Everything the scripts install lives under $ALGOVISTA_HOME (default ~/.cache/algovista), outside the
# checkout, so a fresh clone on a warm machine reuses tools and compiled dependencies.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ALGOVISTA_HOME=${ALGOVISTA_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/algovista}
TOOLS=$ALGOVISTA_HOME/tools
# One target dir per compiler, shared by every checkout on this machine.
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ALGOVISTA_HOME/target}
export PATH="$ROOT/node_modules/.bin:$TOOLS/bin:$HOME/.cargo/bin:$PATH"

# Pinned tool versions. wasm-bindgen's comes from Cargo.lock so the CLI can never drift from the crate.
TRUNK_VERSION=0.21.14
POSTRUST_VERSION=3.1.0
WASM_OPT_VERSION=132
SCHEMATHESIS_VERSION=4.32.5
# Schemathesis lives in a virtual environment of its own, outside the checkout.
SCHEMATHESIS=$TOOLS/schemathesis-$SCHEMATHESIS_VERSION/bin/st
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")

# Where scripts/build-wasm.sh leaves the bound and optimised modules for scripts/dist.mjs.
export WASM_STAGE=$CARGO_TARGET_DIR/wasm-modules

export TRUNK_TOOLS_WASM_BINDGEN=$WASM_BINDGEN_VERSION
export TRUNK_TOOLS_WASM_OPT=version_$WASM_OPT_VERSION
export TRUNK_OFFLINE=true
export TRUNK_SKIP_VERSION_CHECK=true

# How wasm32 code is compiled, as scripts/setup.sh chose: "rustup" (the toolchain's own target, preferred)
# or "debian" (Debian's rustc-web, std rebuilt from source; for machines where rustup cannot download).
WASM_ROUTE_FILE=$TOOLS/wasm-route

# Runs a command in the environment of the chosen WebAssembly route. The Debian route's settings stay in
# this one command's environment: in a config file they would leak into host builds.
with_wasm_env() {
  if [ "$(cat "$WASM_ROUTE_FILE" 2>/dev/null)" = debian ]; then
    RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-19 CARGO_TARGET_DIR="$ALGOVISTA_HOME/target-debian-wasm" \
      "$@"
  else
    "$@"
  fi
}

log() { printf '\033[1m[algovista]\033[0m %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
