# Sourced by scripts/test.sh: a throwaway PostgreSQL cluster and a PostgREST-compatible server (postrust)
# on free loopback ports, with Supabase's roles and supabase/migrations applied, for the Supabase store's
# tests. Exports ALGOVISTA_TEST_POSTGREST_URL, ALGOVISTA_TEST_POSTGREST_KEY (a service_role JWT) and
# ALGOVISTA_TEST_DATABASE_URL; `stop_postgrest_env` removes everything.

PG_BIN=/usr/lib/postgresql/15/bin

# initdb and postgres refuse to run as root.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'
}

# HS256 JWT for {"role": "service_role"}, signed with the secret postrust verifies.
service_role_jwt() {
  SECRET=$1 node -e '
    const crypto = require("crypto");
    const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const head = b64({ alg: "HS256", typ: "JWT" }) + "." + b64({ role: "service_role", exp: 4102444800 });
    const sig = crypto.createHmac("sha256", process.env.SECRET).update(head).digest("base64url");
    console.log(head + "." + sig);'
}

start_postgrest_env() {
  PG_TMP=$(mktemp -d /tmp/algovista-pg.XXXXXX)
  chmod 755 "$PG_TMP"; as_root chown postgres "$PG_TMP"
  local pg_port rest_port secret password
  pg_port=$(free_port)
  rest_port=$(free_port)
  password=$(node -e 'console.log(require("crypto").randomBytes(16).toString("hex"))')
  secret=$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')
  as_postgres "$PG_BIN/initdb" -D "$PG_TMP/data" -A trust -U postgres >"$PG_TMP/initdb.log" \
    || die "initdb failed: $(cat "$PG_TMP/initdb.log")"
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/postgres.log" -w \
    -o "-p $pg_port -k $PG_TMP -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
    || die "PostgreSQL did not start: $(cat "$PG_TMP/postgres.log")"
  ALGOVISTA_TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$pg_port/postgres"
  local sql
  for sql in "$ROOT/supabase/local-roles.sql" "$ROOT"/supabase/migrations/*.sql; do
    psql -q -v ON_ERROR_STOP=1 "$ALGOVISTA_TEST_DATABASE_URL" -f "$sql" >/dev/null || die "applying $sql failed"
  done
  psql -q "$ALGOVISTA_TEST_DATABASE_URL" -c "alter role authenticator password '$password'" >/dev/null

  DATABASE_URL="postgresql://authenticator:$password@127.0.0.1:$pg_port/postgres" \
    PGRST_DB_ANON_ROLE=anon PGRST_JWT_SECRET="$secret" PGRST_COMPAT_MODE=true \
    PGRST_SERVER_HOST=127.0.0.1 PGRST_SERVER_PORT="$rest_port" RUST_LOG=warn \
    "$TOOLS/bin/postrust" >"$PG_TMP/postrust.log" 2>&1 &
  POSTRUST_PID=$!
  ALGOVISTA_TEST_POSTGREST_URL="http://127.0.0.1:$rest_port"
  ALGOVISTA_TEST_POSTGREST_KEY=$(service_role_jwt "$secret")
  local tries=0
  until node -e 'fetch(process.argv[1]).then(() => process.exit(0), () => process.exit(1))' \
    "$ALGOVISTA_TEST_POSTGREST_URL/meta"; do
    tries=$((tries + 1))
    [ $tries -lt 100 ] || die "postrust did not answer: $(cat "$PG_TMP/postrust.log")"
    kill -0 "$POSTRUST_PID" 2>/dev/null || die "postrust exited: $(cat "$PG_TMP/postrust.log")"
    sleep 0.1
  done
  export ALGOVISTA_TEST_POSTGREST_URL ALGOVISTA_TEST_POSTGREST_KEY ALGOVISTA_TEST_DATABASE_URL
}

stop_postgrest_env() {
  [ -n "${POSTRUST_PID:-}" ] && kill "$POSTRUST_PID" 2>/dev/null
  [ -n "${PG_TMP:-}" ] && as_postgres "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate stop >/dev/null 2>&1
  [ -n "${PG_TMP:-}" ] && rm -rf "$PG_TMP"
  POSTRUST_PID= PG_TMP=
}
