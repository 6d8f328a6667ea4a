-- Durable jobs: milestone nudges and anything else that must happen at a time. A job is
-- unique per (kind, subject, due time) through `job_key`, so scheduling twice is harmless.
-- A worker claims due jobs by setting a lease; a job is done only after its effects were
-- carried out, and a crashed worker's lease simply runs out.
CREATE TABLE jobs (
    id           BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_key      TEXT    NOT NULL UNIQUE,
    kind         TEXT    NOT NULL,
    subject      TEXT    NOT NULL,
    due_at       BIGINT  NOT NULL,
    payload      TEXT    NOT NULL,
    status       TEXT    NOT NULL DEFAULT 'pending',
    attempts     BIGINT  NOT NULL DEFAULT 0,
    lease_until  BIGINT,
    leased_by    TEXT,
    last_error   TEXT,
    created_at   BIGINT  NOT NULL,
    finished_at  BIGINT
);
CREATE INDEX jobs_due ON jobs (status, due_at);
CREATE INDEX jobs_by_subject ON jobs (subject);

-- When an active match's milestone plan was scheduled, and a pause.
ALTER TABLE matches ADD COLUMN plan_scheduled_at BIGINT;
ALTER TABLE matches ADD COLUMN paused_until BIGINT;
