-- Users and their device tokens (only SHA-256 hashes are stored), pairing codes, activity events and
-- resumable sessions. Times are Unix milliseconds (UTC); days are ISO dates in the user's zone at recording.
CREATE TABLE users (
    id              TEXT PRIMARY KEY,
    time_zone       TEXT NOT NULL,
    zone_changed_at INTEGER,
    created_at      INTEGER NOT NULL
) STRICT;

CREATE TABLE tokens (
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE pairing_codes (
    code_hash  TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
) STRICT;
CREATE INDEX pairing_codes_by_user ON pairing_codes (user_id, created_at);

-- (user_id, event_id) is the idempotency key: a retried or concurrent duplicate inserts nothing.
CREATE TABLE events (
    user_id     TEXT NOT NULL REFERENCES users (id),
    event_id    TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('run_finished', 'quiz_answered')),
    algorithm   TEXT NOT NULL,
    at          INTEGER NOT NULL,
    day         TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, event_id)
) STRICT;
CREATE INDEX events_by_day ON events (user_id, day);

-- Session ids are chosen by the client and scoped to the user; `version` grows by one per write.
CREATE TABLE sessions (
    user_id           TEXT NOT NULL REFERENCES users (id),
    id                TEXT NOT NULL,
    algorithm         TEXT NOT NULL,
    algorithm_version INTEGER NOT NULL,
    input             TEXT NOT NULL,
    step              INTEGER NOT NULL CHECK (step >= 0),
    state             TEXT NOT NULL,
    state_hash        TEXT NOT NULL,
    preferences       TEXT NOT NULL,
    version           INTEGER NOT NULL CHECK (version >= 1),
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    PRIMARY KEY (user_id, id)
) STRICT;
CREATE INDEX sessions_by_recency ON sessions (user_id, updated_at DESC);
