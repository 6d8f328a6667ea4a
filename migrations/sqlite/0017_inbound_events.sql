-- Platform events already handled (a Matrix event id, a Discord message or interaction
-- id), recorded in the transaction of the step they caused, so a redelivered event (a
-- sync replayed after a crash, a catch-up read) changes nothing and is not answered
-- twice. Only the ids: no sender, no room, no text. Kept 30 days.
CREATE TABLE inbound_events (
    platform     TEXT    NOT NULL,
    event_id     TEXT    NOT NULL,
    received_at  BIGINT  NOT NULL,
    PRIMARY KEY (platform, event_id)
);
CREATE INDEX inbound_events_age ON inbound_events (received_at);
