-- Staff support for active matches: the staff member each pair is assigned to (as
-- platform:id), and the staff's check-ins with pairs (with whom, how, a concern, notes:
-- never shown to the pair, exported with either member's data, the notes erased with it).
ALTER TABLE matches ADD COLUMN staff TEXT;
CREATE TABLE staff_check_ins (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    match_id BIGINT NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
    by_staff TEXT NOT NULL,
    with_whom TEXT NOT NULL,
    how TEXT NOT NULL,
    concern BIGINT NOT NULL DEFAULT 0,
    notes TEXT NOT NULL,
    logged_at BIGINT NOT NULL
);
CREATE INDEX staff_check_ins_by_match ON staff_check_ins(match_id);
-- What the support sweep told someone about a match (an overdue contact, its escalation,
-- an at-risk alert, a re-engagement, a closure offer), by name, so that each is sent once
-- however often the sweep runs.
CREATE TABLE support_notices (
    match_id BIGINT NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
    notice TEXT NOT NULL,
    sent_at BIGINT NOT NULL,
    PRIMARY KEY (match_id, notice)
);
