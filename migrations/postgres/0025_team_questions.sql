-- A participant's question to the programme team (`ask the team`), relayed to the
-- coordinators' room and answered there with `reply Q<id>`. `programme`: the person's
-- newest application's, if any (its coordinators answer it; none: any coordinator).
-- `asked_as`: how the card names the person ("Amina (A1, mentee, Pathways)").
CREATE TABLE team_questions (
    id           BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme    TEXT,
    platform     TEXT    NOT NULL,
    user_id      TEXT    NOT NULL,
    asked_as     TEXT    NOT NULL,
    text         TEXT    NOT NULL,
    asked_at     BIGINT  NOT NULL,
    answered_at  BIGINT,
    answered_by  TEXT
);
CREATE INDEX team_questions_by_person ON team_questions (platform, user_id);
