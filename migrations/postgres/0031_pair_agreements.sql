-- Who of a pair has accepted the mentoring agreement their kickoff proposed (its goals,
-- how often to meet, the ground rules): one row a member, deleted with their data.
CREATE TABLE pair_agreements (
    match_id BIGINT NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    agreed_at BIGINT NOT NULL,
    PRIMARY KEY (match_id, platform, user_id)
);
