-- When each member of an active pair last wrote in their pair room (never what they
-- wrote), and when the bot last nudged a silent pair or alerted the coordinators about it.
CREATE TABLE pair_activity (
    match_id         BIGINT  NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
    platform         TEXT    NOT NULL,
    user_id          TEXT    NOT NULL,
    last_message_at  BIGINT  NOT NULL,
    PRIMARY KEY (match_id, platform, user_id)
);
ALTER TABLE matches ADD COLUMN silence_nudged_at BIGINT;
ALTER TABLE matches ADD COLUMN silence_alerted_at BIGINT;

-- The silent-pair check and activity notes look matches up by their room.
CREATE INDEX matches_by_room ON matches (room);
