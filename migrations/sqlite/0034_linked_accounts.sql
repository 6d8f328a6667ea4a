-- Linked accounts: one person on Matrix and on Discord. Their data is kept under the
-- account that gave the code (`person_*`); the account that typed it (`platform`,
-- `user_id`) is read as that person from then on. `dm_here`: the person's DMs go to
-- this account rather than to the person's own.
CREATE TABLE linked_accounts (
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    person_platform TEXT NOT NULL,
    person_id TEXT NOT NULL,
    dm_here BIGINT NOT NULL DEFAULT 1,
    linked_at BIGINT NOT NULL,
    PRIMARY KEY (platform, user_id)
);
CREATE UNIQUE INDEX linked_accounts_by_person ON linked_accounts (person_platform, person_id, platform);
-- One-time codes that link an account, by a hash of the code (never the code itself):
-- one per account at a time, valid until `expires_at`.
CREATE TABLE link_codes (
    code_hash TEXT PRIMARY KEY,
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX link_codes_by_account ON link_codes (platform, user_id);
