-- Several Tandem processes on one database. A job names the platform that carries it out
-- (NULL: any), so a Matrix process never claims a Discord pair's milestone. A lease names
-- who holds something only one process may do at a time: a platform's connection
-- (`platform:matrix`; a second process for it waits as a standby and takes over when the
-- lease runs out) and the sweep (`sweep`).
ALTER TABLE jobs ADD COLUMN platform TEXT;
-- Jobs already waiting belong to their pair's or their event room's platform.
UPDATE jobs SET platform = (
    SELECT a.platform FROM matches m JOIN applications a ON a.id = m.mentee_application
    WHERE jobs.subject = 'match:' || CAST(m.id AS TEXT)
) WHERE subject LIKE 'match:%';
UPDATE jobs SET platform = (
    SELECT e.room_platform FROM events e WHERE jobs.subject = 'event:' || CAST(e.id AS TEXT)
) WHERE subject LIKE 'event:%';
CREATE TABLE leases (
    name         TEXT    PRIMARY KEY,
    holder       TEXT    NOT NULL,
    lease_until  BIGINT  NOT NULL,
    updated_at   BIGINT  NOT NULL
);
