-- Coordinators' private notes on an application: never sent to the applicant, shown on the
-- card, exported with the person's data, deleted with it.
CREATE TABLE application_notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id BIGINT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    written_by TEXT NOT NULL,
    text TEXT NOT NULL,
    written_at BIGINT NOT NULL
);
CREATE INDEX application_notes_by_application ON application_notes(application_id);
