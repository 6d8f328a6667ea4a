-- Check-ins: each member's answer to each check-in milestone. Unique per match, occurrence
-- and person, so a retried job never asks twice.
CREATE TABLE check_ins (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    match_id    BIGINT  NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
    seq         BIGINT  NOT NULL,
    platform    TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    answer      TEXT,
    asked_at    BIGINT  NOT NULL,
    answered_at BIGINT,
    UNIQUE (match_id, seq, platform, user_id)
);
