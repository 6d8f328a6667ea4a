-- Meeting times. A person's weekly availability: their time zone and the windows of
-- their local week they are free (JSON), deleted with their data.
CREATE TABLE availability (
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    zone TEXT NOT NULL,
    windows TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (platform, user_id)
);
-- The times `meet` last proposed to a pair (JSON list of starts), until one is booked.
CREATE TABLE meeting_offers (
    match_id BIGINT PRIMARY KEY REFERENCES matches (id) ON DELETE CASCADE,
    slots TEXT NOT NULL,
    minutes BIGINT NOT NULL,
    offered_at BIGINT NOT NULL
);
-- A pair's meetings: booked with `meet` (state booked, then held, missed or cancelled),
-- or logged afterwards with `met` (held). `held_minutes` is how long they said they met;
-- `zones` the members' zones as booked (mentee's, a line break, mentor's), for the
-- reminder.
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    match_id BIGINT NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
    starts_at BIGINT NOT NULL,
    minutes BIGINT NOT NULL,
    state TEXT NOT NULL,
    held_minutes BIGINT,
    zones TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    logged_at BIGINT
);
CREATE INDEX meetings_by_match ON meetings (match_id, starts_at);
