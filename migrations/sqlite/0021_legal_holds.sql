-- Safeguarding records kept after the person they are about erased their data, until
-- hold_until (the erasure's time plus `[moderation] retention_years`): a case about them
-- (kind 'case', ref_id the case), a failed or expired background check (kind
-- 'failed_check', ref_id the application, detail {"steps": [...]}; the step rows themselves are
-- kept), a suspension (kind 'suspension', ref_id the suspension). platform and user_id
-- are the person's real identity, so the hold is recognised if they apply again; detail
-- holds what ending the hold needs (for a case, the words to scrub from it).
CREATE TABLE legal_holds (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    platform    TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    ref_id      BIGINT  NOT NULL,
    detail      TEXT    NOT NULL DEFAULT '{}',
    hold_until  BIGINT  NOT NULL,
    created_at  BIGINT  NOT NULL
);
CREATE UNIQUE INDEX legal_holds_one_per_record ON legal_holds (kind, ref_id, platform, user_id);
CREATE INDEX legal_holds_by_end ON legal_holds (hold_until);
CREATE INDEX legal_holds_by_user ON legal_holds (platform, user_id);
