-- A ranked request's next choices (JSON array of mentor applications), asked in turn when
-- the request does not go ahead.
ALTER TABLE matches ADD COLUMN next_choices TEXT;
