-- People who do not want the coordinators' broadcasts (`mute announcements`); a row a
-- person, gone when they unmute or are erased.
CREATE TABLE announcement_mutes (
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    muted_at BIGINT NOT NULL,
    PRIMARY KEY (platform, user_id)
);
