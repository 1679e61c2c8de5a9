-- Whether a quiz answer was right (null for events of other kinds), for accuracy on the dashboard.
alter table public.events add column correct boolean;

create or replace view public.algorithm_progress with (security_invoker = true) as
    select user_id, algorithm,
           count(*) filter (where kind = 'run_finished')::integer as runs_finished,
           count(*) filter (where kind = 'quiz_answered')::integer as quizzes_answered,
           max(at) as last_at,
           count(*) filter (where correct)::integer as quizzes_right
    from public.events group by user_id, algorithm;

create or replace function public.record_events(p_user_id text, p_events jsonb) returns jsonb
language plpgsql as $$
declare
    e jsonb;
    inserted boolean;
    stored public.events;
    answer jsonb := '[]'::jsonb;
begin
    for e in select value from jsonb_array_elements(p_events) loop
        insert into public.events (user_id, event_id, kind, algorithm, at, day, received_at, correct)
        values (p_user_id, e ->> 'event_id', e ->> 'kind', e ->> 'algorithm', (e ->> 'at')::timestamptz,
                (e ->> 'day')::date, (e ->> 'received_at')::timestamptz, (e ->> 'correct')::boolean)
        on conflict (user_id, event_id) do nothing;
        inserted := found;
        select * into stored from public.events where user_id = p_user_id and event_id = e ->> 'event_id';
        answer := answer || jsonb_build_array(jsonb_build_object(
            'new', inserted, 'event_id', stored.event_id, 'kind', stored.kind,
            'algorithm', stored.algorithm, 'at', stored.at, 'day', stored.day,
            'received_at', stored.received_at, 'correct', stored.correct));
    end loop;
    return answer;
end
$$;
revoke execute on function public.record_events from public, anon, authenticated;
grant execute on function public.record_events to service_role;

update public.meta set value = '6' where key = 'schema_version';
