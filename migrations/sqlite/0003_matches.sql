-- Matches: proposals from the engine, coordinators' approvals, participants' answers,
-- and the pair room of an active match.
CREATE TABLE matches (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    programme           TEXT    NOT NULL,
    mentee_application  BIGINT  NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    mentor_application  BIGINT  NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    status              TEXT    NOT NULL,
    score               BIGINT  NOT NULL,
    reasons             TEXT    NOT NULL,
    mentee_answer       TEXT,
    mentor_answer       TEXT,
    deadline            BIGINT,
    room                TEXT,
    decided_by          TEXT,
    created_at          BIGINT  NOT NULL,
    updated_at          BIGINT  NOT NULL
);
CREATE INDEX matches_by_programme ON matches (programme, status);
CREATE INDEX matches_by_mentee ON matches (mentee_application);
CREATE INDEX matches_by_mentor ON matches (mentor_application);
