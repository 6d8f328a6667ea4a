-- Privileged commands refused: who asked (a person, pseudonymised when they erase their
-- data), what, when and why, recorded in the step's transaction. Read by operators and
-- safeguarding leads; a refusal changes nothing else.
CREATE TABLE audit_log (
    id        BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        BIGINT  NOT NULL,
    platform  TEXT    NOT NULL,
    user_id   TEXT    NOT NULL,
    action    TEXT    NOT NULL,
    outcome   TEXT    NOT NULL,
    reason    TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);
