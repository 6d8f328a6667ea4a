-- Several Tandem processes on one database. A job names the platform that carries it out
-- (NULL: any), so a Matrix process never claims a Discord pair's milestone. A lease names
-- who holds something only one process may do at a time: a platform's connection
-- (`platform:matrix`; a second process for it waits as a standby and takes over when the
-- lease runs out) and the sweep (`sweep`).
ALTER TABLE jobs ADD COLUMN platform TEXT;
CREATE TABLE leases (
    name         TEXT    PRIMARY KEY,
    holder       TEXT    NOT NULL,
    lease_until  BIGINT  NOT NULL,
    updated_at   BIGINT  NOT NULL
);
