-- Outcomes after closure (`[outcomes]`, src/domain/outcomes). A follow-up is a round of the
-- indicators' survey to one person (survey_rounds, survey_invites: its source names their
-- application and the follow-up, so it is sent once); these tables hold what is particular
-- to outcomes.

-- Matches whose follow-ups were scheduled (the sweep schedules one that was missed).
CREATE TABLE outcome_schedules (
    match_id     BIGINT  PRIMARY KEY,
    scheduled_at BIGINT  NOT NULL
);

-- An open follow-up invite: which follow-up, the groups of its match (JSON) and the
-- person's baseline (their application's answers to the indicators, JSON). Deleted when
-- the follow-up is answered or declined, and with the person.
CREATE TABLE outcome_invites (
    invite_id    BIGINT  PRIMARY KEY REFERENCES survey_invites (id) ON DELETE CASCADE,
    follow_up    TEXT    NOT NULL,
    match_groups TEXT    NOT NULL,
    baseline     TEXT    NOT NULL
);

-- Answered follow-ups, each with its baseline beside it. For an anonymous survey there is
-- no match, person or time: only the programme, the follow-up, the role and the groups,
-- which reports show only in groups of the anonymity minimum.
CREATE TABLE outcome_responses (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    programme    TEXT    NOT NULL,
    follow_up    TEXT    NOT NULL,
    role         TEXT    NOT NULL,
    match_groups TEXT    NOT NULL,
    baseline     TEXT    NOT NULL,
    answers      TEXT    NOT NULL,
    match_id     BIGINT,
    platform     TEXT,
    user_id      TEXT,
    submitted_at BIGINT
);
CREATE INDEX outcome_responses_by_programme ON outcome_responses (programme);

-- People who asked to be sent no more follow-ups of a programme (deleted with the person).
CREATE TABLE outcome_declines (
    programme   TEXT    NOT NULL,
    platform    TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    declined_at BIGINT  NOT NULL,
    PRIMARY KEY (programme, platform, user_id)
);
