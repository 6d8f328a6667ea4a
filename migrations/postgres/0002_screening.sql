-- Screening: the rules' evaluation on each application, reviewers' decisions, questions
-- asked of applicants, screening steps, and prompts waiting to be delivered to a person.
ALTER TABLE applications ADD COLUMN evaluation TEXT;
ALTER TABLE applications ADD COLUMN reminded_at BIGINT;
CREATE INDEX applications_by_programme_status ON applications (programme, status);

CREATE TABLE application_decisions (
    id              BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id  BIGINT  NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    from_status     TEXT    NOT NULL,
    to_status       TEXT    NOT NULL,
    decided_by      TEXT    NOT NULL,
    reason          TEXT    NOT NULL,
    decided_at      BIGINT  NOT NULL
);
CREATE INDEX application_decisions_by_application ON application_decisions (application_id);

CREATE TABLE review_questions (
    id              BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id  BIGINT  NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    question        TEXT    NOT NULL,
    asked_by        TEXT    NOT NULL,
    asked_at        BIGINT  NOT NULL,
    answer          TEXT,
    answered_at     BIGINT
);
CREATE INDEX review_questions_by_application ON review_questions (application_id);

-- expires_on is YYYY-MM-DD (sorts as text) for cleared checks, so expiry is one query.
CREATE TABLE screening_steps (
    application_id  BIGINT  NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    step_id         TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    expires_on      TEXT,
    updated_by      TEXT    NOT NULL,
    updated_at      BIGINT  NOT NULL,
    PRIMARY KEY (application_id, step_id)
);
CREATE INDEX screening_steps_by_expiry ON screening_steps (expires_on);

-- A prompt (a reviewer's question, an orientation to acknowledge) waits here until the
-- person has no other conversation in progress; delivering it deletes the row and starts
-- the conversation in one transaction.
CREATE TABLE pending_prompts (
    id          BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform    TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    prompt      TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL
);
CREATE INDEX pending_prompts_by_user ON pending_prompts (platform, user_id, id);
