#!/usr/bin/env bash
# Schemathesis against the live server (the test command's "API contract" stage): the server binary on a
# free loopback port with a fresh SQLite file, one account for the authenticated operations, then every
# check and every phase (examples, coverage, fuzzing, stateful) over the served OpenAPI document, with the
# exceptions and their reasons in server/schemathesis.toml. Fails on any failure.
#   ALGOVISTA_SERVER_BIN: the server binary (default: the debug build)   CASES: examples per operation
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
server=${ALGOVISTA_SERVER_BIN:-$CARGO_TARGET_DIR/debug/algovista-server}
[ -x "$SCHEMATHESIS" ] || die "Schemathesis is not installed: run scripts/setup.sh test"
work=$(mktemp -d)
"$server" --addr 127.0.0.1:0 --db "$work/contract.db" --dist "$work" --log-format json >"$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do
  addr=$(grep -o '"addr":"[0-9.]*:[0-9]*"' "$work/server.log" | head -1 | cut -d'"' -f4 || true)
  [ -n "$addr" ] && break
  kill -0 $pid 2>/dev/null || { cat "$work/server.log"; die "the server did not start"; }
  sleep 0.1
done
[ -n "$addr" ] || die "the server did not say where it listens"
base="http://$addr"
token=$(curl -sf -X POST -H 'content-type: application/json' -d '{"time_zone":"UTC"}' "$base/api/users" \
  | sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p')
[ -n "$token" ] || die "no account for the contract run"
"$SCHEMATHESIS" --config-file "$ROOT/server/schemathesis.toml" run "$base/api/openapi.json" \
  --header "Authorization: Bearer $token" --checks all --max-examples "${CASES:-40}" --workers 1 \
  --seed 1 --no-color
