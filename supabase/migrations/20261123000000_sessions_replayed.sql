-- A session keeps what determines the view (algorithm, version, input, step, preferences) and the hash of
-- the snapshot at that step, which the server computes by replaying the run; it no longer keeps a state
-- sent by the client, which proved nothing and could be forged.
alter table public.sessions drop column state;
alter table public.sessions rename column state_hash to snapshot_hash;
update public.meta set value = '2' where key = 'schema_version';
