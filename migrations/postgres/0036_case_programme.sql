-- The programme a case belongs to (the pair room it was reported from, else the
-- reporter's only programme): its moderators' room gets the case, and a programme's own
-- moderators work only its cases. NULL: no programme in particular, worked by the
-- community's moderators.
ALTER TABLE cases ADD COLUMN programme TEXT;
