-- Events per user and day, kept as events are recorded: the streak needs every active day, and counting
-- them from the events each time grew with a user's whole history.
CREATE TABLE event_days (
    user_id TEXT NOT NULL REFERENCES users (id),
    day     TEXT NOT NULL,
    count   INTEGER NOT NULL CHECK (count > 0),
    PRIMARY KEY (user_id, day)
) STRICT, WITHOUT ROWID;
INSERT INTO event_days (user_id, day, count) SELECT user_id, day, count(*) FROM events GROUP BY user_id, day;
