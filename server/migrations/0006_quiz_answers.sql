-- Whether a quiz answer was right (NULL for events of other kinds), for accuracy on the dashboard.
ALTER TABLE events ADD COLUMN correct INTEGER CHECK (correct IN (0, 1));
