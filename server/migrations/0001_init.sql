-- Server metadata; the tables for users, activity and sessions come with the API that uses them.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
INSERT INTO meta (key, value) VALUES ('created_by', 'algovista-server');
