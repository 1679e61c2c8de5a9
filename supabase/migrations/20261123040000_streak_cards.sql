-- A learner's public streak card: off (null) until they turn it on; a new id each time it is turned on.
-- Only the server reads and writes it (browser keys write nothing; see the previous migration).
alter table public.users add column card_id text unique;
update public.meta set value = '5' where key = 'schema_version';
