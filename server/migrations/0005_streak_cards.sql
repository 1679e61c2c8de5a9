-- A learner's public streak card: off (null) until they turn it on; a new id each time it is turned on.
ALTER TABLE users ADD COLUMN card_id TEXT;
CREATE UNIQUE INDEX users_by_card ON users (card_id) WHERE card_id IS NOT NULL;
