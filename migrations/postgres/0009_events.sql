-- Group events: one row per session (a series shares `series`, the first session's id).
CREATE TABLE events (
    id                BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    series            BIGINT,
    title             TEXT    NOT NULL,
    description       TEXT    NOT NULL,
    starts_at         BIGINT  NOT NULL,
    zone              TEXT    NOT NULL,
    duration_minutes  BIGINT  NOT NULL,
    room_platform     TEXT    NOT NULL,
    room_id           TEXT    NOT NULL,
    capacity          BIGINT,
    created_by        TEXT    NOT NULL,
    created_at        BIGINT  NOT NULL,
    cancelled_at      BIGINT,
    cancel_reason     TEXT,
    -- The platform's own copy (a Discord scheduled event), if one was made.
    external_id       TEXT
);
CREATE INDEX events_by_start ON events (starts_at);

-- Who answered what; one answer per person and session, the latest wins.
CREATE TABLE rsvps (
    event_id  BIGINT  NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    platform  TEXT    NOT NULL,
    user_id   TEXT    NOT NULL,
    answer    TEXT    NOT NULL,
    at        BIGINT  NOT NULL,
    PRIMARY KEY (event_id, platform, user_id)
);
