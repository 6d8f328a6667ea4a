-- The reported message as the platform copied it when a report came through the
-- platform's own "report message" (author, time, text), kept apart from the reporter's
-- own words so that a typed line can never pass for a copy.
ALTER TABLE cases ADD COLUMN reported_copy TEXT;
