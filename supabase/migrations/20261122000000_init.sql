-- AlgoVista's schema for Supabase (PostgreSQL behind PostgREST). The server talks to it with a secret key
-- (service role, which bypasses row-level security); RLS is still enabled on every table so that a
-- browser-held key, or a misconfigured one, sees only its own rows: the JWT's `sub` is the user id.
--
-- The rules that must hold under concurrency are the database's: (user_id, event_id) is unique, a
-- session's version can only grow by exactly one per write, a pairing code is spent once.

create table public.meta (
    key   text primary key,
    value text not null
);
-- Read by the server's health check; a later migration updates it.
insert into public.meta (key, value) values ('schema_version', '1');

create table public.users (
    id              text primary key,
    time_zone       text not null,
    zone_changed_at timestamptz,
    created_at      timestamptz not null
);

create table public.tokens (
    token_hash text primary key,
    user_id    text not null references public.users (id),
    created_at timestamptz not null
);

create table public.pairing_codes (
    code_hash  text primary key,
    user_id    text not null references public.users (id),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index pairing_codes_by_user on public.pairing_codes (user_id, created_at);

create table public.events (
    user_id     text not null references public.users (id),
    event_id    text not null,
    kind        text not null check (kind in ('run_finished', 'quiz_answered')),
    algorithm   text not null,
    at          timestamptz not null,
    day         date not null,
    received_at timestamptz not null,
    primary key (user_id, event_id)
);
create index events_by_day on public.events (user_id, day);

create table public.sessions (
    user_id           text not null references public.users (id),
    id                text not null,
    algorithm         text not null,
    algorithm_version integer not null,
    input             jsonb not null,
    step              bigint not null check (step >= 0),
    state             jsonb not null,
    state_hash        text not null,
    preferences       jsonb not null,
    version           bigint not null check (version >= 1),
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    primary key (user_id, id)
);
create index sessions_by_recency on public.sessions (user_id, updated_at desc);

-- A write must name the next version: a client that skips or repeats one is refused by the database.
create function public.sessions_version_grows_by_one() returns trigger
language plpgsql as $$
begin
    if new.version <> old.version + 1 then
        raise exception 'session version must go from % to %, not %', old.version, old.version + 1, new.version
            using errcode = 'check_violation';
    end if;
    if new.user_id <> old.user_id or new.id <> old.id or new.created_at <> old.created_at then
        raise exception 'a session keeps its owner, id and creation time' using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger sessions_version_grows_by_one before update on public.sessions
    for each row execute function public.sessions_version_grows_by_one();

-- A pairing code is spent once: used_at, once set, never changes.
create function public.pairing_code_spent_once() returns trigger
language plpgsql as $$
begin
    if old.used_at is not null then
        raise exception 'pairing code already used' using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger pairing_code_spent_once before update on public.pairing_codes
    for each row execute function public.pairing_code_spent_once();

-- Conditional updates on times, as functions: the condition and the write are one statement.
create function public.redeem_pairing_code(p_code_hash text, p_now timestamptz) returns text
language sql as $$
    update public.pairing_codes set used_at = p_now
    where code_hash = p_code_hash and used_at is null and expires_at > p_now
    returning user_id
$$;
create function public.change_time_zone(
    p_user_id text, p_time_zone text, p_now timestamptz, p_not_changed_since timestamptz
) returns boolean
language sql as $$
    with changed as (
        update public.users set time_zone = p_time_zone, zone_changed_at = p_now
        where id = p_user_id and (zone_changed_at is null or zone_changed_at <= p_not_changed_since)
        returning 1
    )
    select count(*) = 1 from changed
$$;
revoke execute on function public.redeem_pairing_code, public.change_time_zone from public, anon, authenticated;
grant execute on function public.redeem_pairing_code, public.change_time_zone to service_role;

-- Aggregates for progress, read through PostgREST. security_invoker: the caller's RLS applies.
create view public.day_counts with (security_invoker = true) as
    select user_id, day, count(*)::integer as count from public.events group by user_id, day;
create view public.algorithm_progress with (security_invoker = true) as
    select user_id, algorithm,
           count(*) filter (where kind = 'run_finished')::integer as runs_finished,
           count(*) filter (where kind = 'quiz_answered')::integer as quizzes_answered,
           max(at) as last_at
    from public.events group by user_id, algorithm;

-- Row-level security everywhere. Policies exist only for what a signed-in user may do with their own rows;
-- meta, tokens and pairing codes have none, so only the service role reaches them.
alter table public.meta enable row level security;
alter table public.users enable row level security;
alter table public.tokens enable row level security;
alter table public.pairing_codes enable row level security;
alter table public.events enable row level security;
alter table public.sessions enable row level security;

create function public.request_user_id() returns text
language sql stable as $$
    select nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'
$$;

create policy users_own on public.users for select to authenticated
    using (id = public.request_user_id());
create policy events_own_read on public.events for select to authenticated
    using (user_id = public.request_user_id());
create policy events_own_write on public.events for insert to authenticated
    with check (user_id = public.request_user_id());
create policy sessions_own_read on public.sessions for select to authenticated
    using (user_id = public.request_user_id());
create policy sessions_own_insert on public.sessions for insert to authenticated
    with check (user_id = public.request_user_id());
create policy sessions_own_update on public.sessions for update to authenticated
    using (user_id = public.request_user_id())
    with check (user_id = public.request_user_id());

grant usage on schema public to anon, authenticated, service_role;
grant select on public.users, public.day_counts, public.algorithm_progress to authenticated;
grant select, insert on public.events to authenticated;
grant select, insert, update on public.sessions to authenticated;
grant all on all tables in schema public to service_role;
