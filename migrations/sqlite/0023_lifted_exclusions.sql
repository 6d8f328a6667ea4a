-- A coordinator may let a pair be proposed again (`match include`): the rejections,
-- declines and exclusions between them are kept, marked as lifted.
ALTER TABLE matches ADD COLUMN lifted_at BIGINT;
ALTER TABLE matches ADD COLUMN lifted_by TEXT;
