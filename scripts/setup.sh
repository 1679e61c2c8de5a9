#!/usr/bin/env bash
# Installs whatever is missing to build AlgoVista (`setup.sh run`, what the run command needs) or to build
# and test it (`setup.sh test`, the default: also Chromium, PostgreSQL, postrust and Schemathesis), and nothing that is
# already there at the pinned version. Safe to run any number of times; on a warm machine it takes seconds.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"


apt_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} = 0 ] && return
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The WebAssembly target: rustup's (preferred), else Debian's compiler for the web. rustup may hang rather
# than fail when its server is unreachable, hence the timeout. ALGOVISTA_WASM_ROUTE=rustup|debian forces one.
wasm_target() {
  local route=${ALGOVISTA_WASM_ROUTE:-}
  mkdir -p "$TOOLS"
  if [ "$route" != debian ]; then
    if rustup target list --installed | grep -qx wasm32-unknown-unknown \
      || { log "adding the wasm32-unknown-unknown target"; timeout 300 rustup target add wasm32-unknown-unknown; }; then
      echo rustup >"$WASM_ROUTE_FILE"
      return
    fi
    [ "$route" = rustup ] && die "rustup could not add wasm32-unknown-unknown"
    log "rustup could not add the wasm32 target: falling back to Debian's rustc-web"
  fi
  apt_packages rustc-web rust-web-src lld-19
  echo debian >"$WASM_ROUTE_FILE"
}

# `cargo install` with a lighter profile than crates' own release settings: these tools only need to be
# correct, not maximally fast, and LTO with one codegen unit doubles their install time on two cores.
cargo_tool() {
  local crate=$1 version=$2 bin=$3; shift 3
  installed() { [ -x "$TOOLS/bin/$bin" ] && cargo install --list --root "$TOOLS" | grep -qx "$crate v$version:"; }
  installed && return
  log "installing $crate $version (once per machine; several minutes)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_DEBUG=0 \
    cargo install "$crate" --version "=$version" --root "$TOOLS" --target-dir "$ALGOVISTA_HOME/install-target" \
    --force "$@"
  installed || die "$crate $version is not in $TOOLS after installing"
}

# Node packages: wasm-opt (binaryen; Debian's wasm-opt corrupts wasm-bindgen output), esbuild (minifies the
# wasm-bindgen glue) and playwright-core, which drives Debian's Chromium for the end-to-end tests.
# Reinstalled only when package-lock.json changes.
node_packages() {
  local stamp=$ROOT/node_modules/.algovista-lock
  if [ -f "$stamp" ] && cmp -s "$stamp" "$ROOT/package-lock.json"; then return; fi
  log "installing Node packages from package-lock.json"
  (cd "$ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  cp "$ROOT/package-lock.json" "$stamp"
}

# Schemathesis from PyPI, pinned, into a virtual environment outside the checkout (Debian's Python). The
# environment counts as installed only once its stamp is written, so a failed install is tried again.
schemathesis() {
  local venv=${SCHEMATHESIS%/bin/st}
  [ -f "$venv/installed" ] && return
  log "installing Schemathesis $SCHEMATHESIS_VERSION (PyPI) into $venv"
  rm -rf "$venv"
  /usr/bin/python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
  touch "$venv/installed"
}

main() {
  local started=$SECONDS purpose=${1:-test}
  case $purpose in run | test) ;; *) die "usage: setup.sh [run|test]" ;; esac
  [ -n "$WASM_BINDGEN_VERSION" ] || die "no wasm-bindgen in Cargo.lock"
  grep -q "^wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" "$ROOT/Trunk.toml" \
    || die "Trunk.toml [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen $WASM_BINDGEN_VERSION"
  grep -q "^wasm_opt = \"version_$WASM_OPT_VERSION\"" "$ROOT/Trunk.toml" \
    || die "Trunk.toml [tools] wasm_opt must be version_$WASM_OPT_VERSION"

  wasm_target
  node_packages
  cargo_tool wasm-bindgen-cli "$WASM_BINDGEN_VERSION" wasm-bindgen
  cargo_tool trunk "$TRUNK_VERSION" trunk --locked
  if [ "$purpose" = test ]; then
    apt_packages chromium chromium-driver postgresql python3 python3-venv curl
    # A PostgREST-compatible server for testing the Supabase store (no PostgREST build reaches here).
    cargo_tool postrust-server "$POSTRUST_VERSION" postrust
    schemathesis
  fi
  (cd "$ROOT" && cargo fetch --locked --quiet)
  log "set-up for $purpose complete in $((SECONDS - started)) s"
}

main "$@"
