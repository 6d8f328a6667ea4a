-- Conversations in progress: one per person, the flow state as JSON, and a version that
-- every write checks, so two messages handled at once cannot both apply.
CREATE TABLE conversations (
    id          BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform    TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    state       TEXT    NOT NULL,
    version     BIGINT  NOT NULL,
    created_at  BIGINT  NOT NULL, -- epoch milliseconds, UTC
    updated_at  BIGINT  NOT NULL,
    UNIQUE (platform, user_id)
);

-- Submitted applications. A person has at most one active application per programme.
CREATE TABLE applications (
    id            BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme     TEXT    NOT NULL,
    role          TEXT    NOT NULL,
    platform      TEXT    NOT NULL,
    user_id       TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    submitted_at  BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL
);
CREATE UNIQUE INDEX applications_one_active
    ON applications (programme, platform, user_id) WHERE status <> 'withdrawn';
CREATE INDEX applications_by_user ON applications (platform, user_id);

-- One row per answered question, in form order; the answer is JSON (domain::Answer).
CREATE TABLE application_answers (
    application_id  BIGINT  NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    position        BIGINT  NOT NULL,
    question_id     TEXT    NOT NULL,
    answer          TEXT    NOT NULL,
    PRIMARY KEY (application_id, question_id)
);
