-- The expiry date (YYYY-MM-DD, as expires_on) a cleared check was last warned about, so
-- each expiry is warned about once, however often the sweep runs; a renewal brings a new
-- expires_on, which is warned about again in its turn.
ALTER TABLE screening_steps ADD COLUMN warned_for TEXT;
