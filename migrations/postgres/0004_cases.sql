-- Moderation cases. The reporter is always stored sealed (encrypted with the case key,
-- which only the running bot holds); reporter_plain is set only when they chose to be
-- named; reporter_tag is a keyed hash, to count reports per person without knowing them.
CREATE TABLE cases (
    id               BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    anonymous        BIGINT  NOT NULL,
    reporter_sealed  TEXT    NOT NULL,
    reporter_plain   TEXT,
    reporter_tag     TEXT    NOT NULL,
    category         TEXT    NOT NULL,
    severity         TEXT    NOT NULL,
    concerns         TEXT,
    body             TEXT    NOT NULL,
    evidence         TEXT,
    room             TEXT,
    status           TEXT    NOT NULL,
    claimed_by       TEXT,
    outcome          TEXT,
    created_at       BIGINT  NOT NULL,
    updated_at       BIGINT  NOT NULL
);
CREATE INDEX cases_by_status ON cases (status);
CREATE INDEX cases_by_reporter ON cases (reporter_tag, created_at);

-- The audit log: every event on a case, with who (a moderator's platform:id, `tandem`,
-- or `reporter` — never the reporter's identity) and when.
CREATE TABLE case_events (
    id       BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id  BIGINT  NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    at       BIGINT  NOT NULL,
    actor    TEXT    NOT NULL,
    kind     TEXT    NOT NULL,
    detail   TEXT    NOT NULL
);
CREATE INDEX case_events_by_case ON case_events (case_id, id);
