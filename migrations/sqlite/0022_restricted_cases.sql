-- A case that may concern a member of the moderation team is restricted: only the
-- escalation contact sees and works it, by DM. `about_staff` keeps the reporter's answer
-- to the question (yes, no, rather_not_say; NULL when it was not asked).
ALTER TABLE cases ADD COLUMN restricted BIGINT NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN about_staff TEXT;

-- The people a case is about, as moderators linked them (or as the report named exactly
-- one known person): the way from a case to their applications and matches. Under legal
-- hold with the case when the person erases their data.
CREATE TABLE case_subjects (
    case_id   BIGINT  NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    platform  TEXT    NOT NULL,
    user_id   TEXT    NOT NULL,
    added_by  TEXT    NOT NULL,
    added_at  BIGINT  NOT NULL,
    PRIMARY KEY (case_id, platform, user_id)
);
CREATE INDEX case_subjects_by_person ON case_subjects (platform, user_id);
