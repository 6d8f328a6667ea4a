-- How a match ended: when, how (planned, early, disciplinary), why and by whom.
ALTER TABLE matches ADD COLUMN closed_at BIGINT;
ALTER TABLE matches ADD COLUMN closure_kind TEXT;
ALTER TABLE matches ADD COLUMN closure_reason TEXT;
ALTER TABLE matches ADD COLUMN closed_by TEXT;

-- What each member would like next (keep in touch, a new match, a break).
CREATE TABLE match_next (
    match_id  BIGINT  NOT NULL,
    platform  TEXT    NOT NULL,
    user_id   TEXT    NOT NULL,
    choice    TEXT    NOT NULL,
    at        BIGINT  NOT NULL,
    PRIMARY KEY (match_id, platform, user_id)
);
