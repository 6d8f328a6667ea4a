-- The platform of a pair's room when the pair share it only through a linked account (a
-- Matrix mentee whose mentor is on Discord and has linked a Matrix account: their room is
-- on Matrix). NULL: the mentee's platform, or a relayed pair room (`relay_room`).
ALTER TABLE matches ADD COLUMN room_platform TEXT;
