-- Moderators' actions: a frozen pair room, and suspended people.
ALTER TABLE matches ADD COLUMN frozen BIGINT NOT NULL DEFAULT 0;

CREATE TABLE suspensions (
    id          BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform    TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    until       BIGINT,
    reason      TEXT    NOT NULL,
    decided_by  TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    lifted_at   BIGINT
);
CREATE INDEX suspensions_by_user ON suspensions (platform, user_id);
