-- Prompts with choices the bot sent on a platform, by the platform's message id, so a
-- reaction or button on one is understood after a restart. Kept 90 days.
CREATE TABLE sent_prompts (
    platform    TEXT    NOT NULL,
    message_id  TEXT    NOT NULL,
    prompt      TEXT    NOT NULL,
    sent_at     BIGINT  NOT NULL,
    PRIMARY KEY (platform, message_id)
);
CREATE INDEX sent_prompts_by_age ON sent_prompts (sent_at);
