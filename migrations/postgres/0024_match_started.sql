-- When a match went ahead (both accepted): the time to match and "matched since" count
-- from here, not from the proposal. Matches that started before this column read as
-- started when proposed.
ALTER TABLE matches ADD COLUMN started_at BIGINT;
