-- Where an application came from: `announcement` (an Apply card), `referral:<code>`, or
-- NULL (the person typed apply themselves), for the coordinators' report by source.
ALTER TABLE applications ADD COLUMN source TEXT;
