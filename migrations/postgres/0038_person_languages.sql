-- The language each person chose (`language`), by BCP 47 tag (`es`). A person without a
-- row is written to in the deployment's language.
CREATE TABLE person_languages (
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    locale TEXT NOT NULL,
    set_at BIGINT NOT NULL,
    PRIMARY KEY (platform, user_id)
);
