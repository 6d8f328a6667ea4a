-- A pair whose members are on different platforms meets in a relayed pair room: `room`
-- on the mentee's platform and `relay_room` on the mentor's, each message copied to the
-- other by the bot. NULL for a pair on one platform.
ALTER TABLE matches ADD COLUMN relay_room TEXT;
-- The bot's copies in a relayed pair room, by the message they copy (never its text): a
-- transcript leaves copies out, and an edit or deletion of the original finds its copies
-- (`part` 0: the text, which an edit replaces; n: the message's nth file).
CREATE TABLE relay_copies (
    match_id BIGINT NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
    source_platform TEXT NOT NULL,
    source_id TEXT,
    room TEXT NOT NULL,
    copy_id TEXT NOT NULL,
    part BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (room, copy_id)
);
CREATE INDEX relay_copies_by_match ON relay_copies (match_id);
CREATE INDEX relay_copies_by_source ON relay_copies (source_platform, source_id);
