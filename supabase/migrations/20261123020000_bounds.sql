-- Bounds that must hold under concurrent requests, creating a user with their token, and removing a user
-- with everything they have. Each runs as one transaction; the server calls them with the service role.

-- A pairing code, unless the user already has p_limit created after p_since. The user's row is locked
-- first, so two concurrent calls for one user run one after the other and cannot both pass the count.
create function public.create_pairing_code(
    p_code_hash text, p_user_id text, p_now timestamptz, p_expires_at timestamptz,
    p_since timestamptz, p_limit integer
) returns boolean
language plpgsql as $$
begin
    perform 1 from public.users where id = p_user_id for update;
    if (select count(*) from public.pairing_codes
        where user_id = p_user_id and created_at > p_since) >= p_limit then
        return false;
    end if;
    insert into public.pairing_codes (code_hash, user_id, created_at, expires_at)
    values (p_code_hash, p_user_id, p_now, p_expires_at);
    return true;
end
$$;

-- The user and all their rows; answers how many of each were removed.
create function public.delete_user(p_user_id text) returns json
language plpgsql as $$
declare
    n_events bigint; n_sessions bigint; n_codes bigint; n_tokens bigint;
begin
    delete from public.events where user_id = p_user_id;
    get diagnostics n_events = row_count;
    delete from public.sessions where user_id = p_user_id;
    get diagnostics n_sessions = row_count;
    delete from public.pairing_codes where user_id = p_user_id;
    get diagnostics n_codes = row_count;
    delete from public.tokens where user_id = p_user_id;
    get diagnostics n_tokens = row_count;
    delete from public.users where id = p_user_id;
    return json_build_object('events', n_events, 'sessions', n_sessions,
                             'pairing_codes', n_codes, 'tokens', n_tokens);
end
$$;

-- At most 100 sessions per user (server/src/store/mod.rs, MAX_SESSIONS_PER_USER, says the same). The
-- user's row is locked first, so concurrent inserts for one user are counted one after the other.
create function public.sessions_per_user_limit() returns trigger
language plpgsql as $$
begin
    perform 1 from public.users where id = new.user_id for update;
    -- An id the user already has is a version conflict (the unique key answers it), not a new session.
    if exists (select 1 from public.sessions where user_id = new.user_id and id = new.id) then
        return new;
    end if;
    if (select count(*) from public.sessions where user_id = new.user_id) >= 100 then
        raise exception 'session_limit';
    end if;
    return new;
end
$$;
create trigger sessions_per_user_limit before insert on public.sessions
    for each row execute function public.sessions_per_user_limit();

-- A user and their first token together, or neither (a unique key taken by either fails both).
create function public.create_user(
    p_id text, p_time_zone text, p_created_at timestamptz, p_token_hash text,
    p_zone_changed_at timestamptz default null
) returns void
language sql as $$
    insert into public.users (id, time_zone, zone_changed_at, created_at)
    values (p_id, p_time_zone, p_zone_changed_at, p_created_at);
    insert into public.tokens (token_hash, user_id, created_at) values (p_token_hash, p_id, p_created_at);
$$;

revoke execute on function public.create_pairing_code, public.delete_user, public.create_user
    from public, anon, authenticated;
grant execute on function public.create_pairing_code, public.delete_user, public.create_user to service_role;

update public.meta set value = '3' where key = 'schema_version';
