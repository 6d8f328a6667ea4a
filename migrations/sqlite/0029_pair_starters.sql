-- Conversation starters given to a pair (`idea`, a quiet pair's nudge), by their text, so
-- that a pair never gets the same one twice.
CREATE TABLE pair_starters (
    match_id BIGINT NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    given_at BIGINT NOT NULL,
    PRIMARY KEY (match_id, text)
);
