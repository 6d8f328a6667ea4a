-- The outbox: what a recorded step asked the platforms to do (messages, rooms, files),
-- inserted in the step's own transaction and delivered afterwards, so a crash between
-- the commit and the send loses nothing. `act_key` is the idempotency key every delivery
-- attempt carries (stable across retries and restarts; unique, so an act enqueued twice
-- is stored once). Acts of one `lane` (one person's DMs, one room) are delivered in
-- order. A worker claims a row with a lease; a crashed worker's lease runs out.
-- `state`: pending, done, failed (for good: surfaced), stale (too late to be useful).
-- `asked_by`/`asked_in` name who asked (a moderator's freeze), to tell them of a failure.
-- `platform` is where it is carried out: only a process serving that platform claims it
-- (NULL: any process, which checks at delivery).
CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    act_key      TEXT    NOT NULL UNIQUE,
    lane         TEXT    NOT NULL,
    platform     TEXT,
    act          TEXT    NOT NULL,
    state        TEXT    NOT NULL DEFAULT 'pending',
    attempts     BIGINT  NOT NULL DEFAULT 0,
    due_at       BIGINT  NOT NULL,
    lease_until  BIGINT,
    leased_by    TEXT,
    last_error   TEXT,
    asked_by     TEXT,
    asked_in     TEXT,
    created_at   BIGINT  NOT NULL,
    stale_at     BIGINT,
    give_up_at   BIGINT  NOT NULL,
    finished_at  BIGINT
);
CREATE INDEX outbox_due ON outbox (state, due_at);
CREATE INDEX outbox_lane ON outbox (lane, state, id);
