-- A programme's pair-room safety policy (`[safety]`, src/domain/safety): one row for
-- each finding in a pair-room message or a relayed DM. No message text is kept but
-- `excerpt`, a few words either side of what was found (empty for a night message).
-- status: open, dismissed, noted or case (then case_id is the moderation case made of
-- it); note, decided_by (platform:id) and decided_at: the coordinator's decision.
CREATE TABLE safety_flags (
    id              BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme       TEXT    NOT NULL,
    match_id        BIGINT  NOT NULL,
    sender_platform TEXT    NOT NULL,
    sender_id       TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    excerpt         TEXT    NOT NULL,
    sent_at         BIGINT  NOT NULL,
    status          TEXT    NOT NULL,
    case_id         BIGINT,
    note            TEXT,
    decided_by      TEXT,
    decided_at      BIGINT
);
CREATE INDEX safety_flags_by_programme ON safety_flags (programme, status);
CREATE INDEX safety_flags_by_match ON safety_flags (match_id, sent_at);
CREATE INDEX safety_flags_by_sender ON safety_flags (sender_platform, sender_id);

-- The kind reminders sent: one a sender, kind and day (the sender's local date), so a
-- sender hears of a kind at most once a day. Kept a few days, erased with the person.
CREATE TABLE safety_reminders (
    platform TEXT   NOT NULL,
    user_id  TEXT   NOT NULL,
    kind     TEXT   NOT NULL,
    day      TEXT   NOT NULL,
    sent_at  BIGINT NOT NULL,
    PRIMARY KEY (platform, user_id, kind, day)
);
