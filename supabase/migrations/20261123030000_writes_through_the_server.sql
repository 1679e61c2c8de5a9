-- Every write goes through the server, which applies the rules (the day an event counts for, replayed
-- sessions): a browser holding a user's JWT may read that user's rows and write none. Before this, the
-- policies let such a JWT insert events with any day and write sessions directly.
drop policy events_own_write on public.events;
drop policy sessions_own_insert on public.sessions;
drop policy sessions_own_update on public.sessions;
revoke insert, update, delete on public.events, public.sessions, public.users from authenticated;
revoke all on all tables in schema public from anon;

-- Events in one call and one transaction: each is inserted unless the user already has its id, and the
-- stored copy is answered with whether it is new. Only the (user, event id) key means "duplicate": a
-- foreign-key or check violation fails the whole call.
create function public.record_events(p_user_id text, p_events jsonb) returns jsonb
language plpgsql as $$
declare
    e jsonb;
    inserted boolean;
    stored public.events;
    answer jsonb := '[]'::jsonb;
begin
    for e in select value from jsonb_array_elements(p_events) loop
        insert into public.events (user_id, event_id, kind, algorithm, at, day, received_at)
        values (p_user_id, e ->> 'event_id', e ->> 'kind', e ->> 'algorithm', (e ->> 'at')::timestamptz,
                (e ->> 'day')::date, (e ->> 'received_at')::timestamptz)
        on conflict (user_id, event_id) do nothing;
        inserted := found;
        select * into stored from public.events where user_id = p_user_id and event_id = e ->> 'event_id';
        answer := answer || jsonb_build_array(jsonb_build_object(
            'new', inserted, 'event_id', stored.event_id, 'kind', stored.kind,
            'algorithm', stored.algorithm, 'at', stored.at, 'day', stored.day,
            'received_at', stored.received_at));
    end loop;
    return answer;
end
$$;
revoke execute on function public.record_events from public, anon, authenticated;
grant execute on function public.record_events to service_role;

update public.meta set value = '4' where key = 'schema_version';
