-- Mentee choice: a participant's public profile (which of their answers, and a short bio,
-- the other side may see when choosing), and where a match came from (the engine's
-- proposal, or a mentee's request to a mentor) with the introduction the mentor was shown.
CREATE TABLE profiles (
    application_id BIGINT PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
    questions TEXT NOT NULL,
    bio TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
ALTER TABLE matches ADD COLUMN origin TEXT NOT NULL DEFAULT 'engine';
ALTER TABLE matches ADD COLUMN introduction TEXT;
