-- The roles a Supabase project has built in, for a plain PostgreSQL used in tests (scripts/postgrest-env.sh).
-- Supabase creates these itself; never apply this file to a Supabase project.
do $$
begin
    if not exists (select from pg_roles where rolname = 'anon') then
        create role anon nologin noinherit;
    end if;
    if not exists (select from pg_roles where rolname = 'authenticated') then
        create role authenticated nologin noinherit;
    end if;
    if not exists (select from pg_roles where rolname = 'service_role') then
        create role service_role nologin noinherit bypassrls;
    end if;
    if not exists (select from pg_roles where rolname = 'authenticator') then
        create role authenticator login noinherit;
    end if;
end $$;
grant anon, authenticated, service_role to authenticator;
