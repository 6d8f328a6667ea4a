-- The message that starts each card's thread in a staff room (a case, an application),
-- by the card's thread key, so what follows up a card after a restart still goes into
-- its thread. Only platforms with threads (Matrix) write here. The first card posted
-- under a key is its root; a card shown again later does not move it.
CREATE TABLE card_threads (
    platform    TEXT    NOT NULL,
    room_id     TEXT    NOT NULL,
    thread_key  TEXT    NOT NULL,
    root_id     TEXT    NOT NULL,
    started_at  BIGINT  NOT NULL,
    PRIMARY KEY (platform, room_id, thread_key)
);
