-- Files sent as a report's evidence. The name and the contents are sealed with the case
-- key. While a report is being written the file is held for its sender, found by their
-- keyed tag (never their id); once on a case, the tag is cleared, so nothing links the
-- file to who sent it.
CREATE TABLE evidence_files (
    id           BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id      BIGINT  REFERENCES cases (id),
    holder_tag   TEXT,
    name_sealed  TEXT    NOT NULL,
    mime         TEXT    NOT NULL,
    size         BIGINT  NOT NULL,
    data_sealed  BYTEA   NOT NULL,
    created_at   BIGINT  NOT NULL
);
CREATE INDEX evidence_files_case ON evidence_files (case_id);
CREATE INDEX evidence_files_holder ON evidence_files (holder_tag);
