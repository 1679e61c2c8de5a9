-- A session keeps what determines the view (algorithm, version, input, step, preferences) and the hash of
-- the snapshot at that step, which the server computes by replaying the run; it no longer keeps a state
-- sent by the client, which proved nothing and could be forged.
ALTER TABLE sessions DROP COLUMN state;
ALTER TABLE sessions RENAME COLUMN state_hash TO snapshot_hash;
