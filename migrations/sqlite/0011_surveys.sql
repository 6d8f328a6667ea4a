-- Surveys. A round is one sending (a coordinator's `survey send`, or one pair's
-- milestone); an invite is one person asked in it.
CREATE TABLE survey_rounds (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    programme   TEXT    NOT NULL,
    survey      TEXT    NOT NULL,
    audience    TEXT    NOT NULL,
    match_id    BIGINT,
    sent_by     TEXT    NOT NULL,
    -- What sent it (a milestone job's key, or the command's step): sent once.
    source      TEXT    NOT NULL UNIQUE,
    opened_at   BIGINT  NOT NULL,
    closes_at   BIGINT  NOT NULL
);

-- For an anonymous survey the invite keeps only that the person answered (no time), to
-- stop reminders; the draft (answers saved half-way) is cleared when they submit.
CREATE TABLE survey_invites (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    round_id    BIGINT  NOT NULL REFERENCES survey_rounds (id) ON DELETE CASCADE,
    platform    TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    role        TEXT    NOT NULL,
    invited_at  BIGINT  NOT NULL,
    reminded_at BIGINT,
    answered    BIGINT  NOT NULL DEFAULT 0,
    draft       TEXT,
    UNIQUE (round_id, platform, user_id)
);
CREATE INDEX survey_invites_by_user ON survey_invites (platform, user_id);

-- Submitted answers. Anonymous ones have no round, person or time: only the programme,
-- the survey and the role, which reports show only in groups of the anonymity minimum.
CREATE TABLE survey_responses (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    programme    TEXT    NOT NULL,
    survey       TEXT    NOT NULL,
    role         TEXT    NOT NULL,
    answers      TEXT    NOT NULL,
    round_id     BIGINT,
    platform     TEXT,
    user_id      TEXT,
    submitted_at BIGINT
);
CREATE INDEX survey_responses_by_survey ON survey_responses (programme, survey);
