-- A merge's event id names both stories (STORIES_MERGED:<folded>:<surviving>, 92 characters for two story ids
-- of 38): 80 was too narrow, so every merge rolled back. Room for two story ids of the 64 the story table allows.
ALTER TABLE story_event ALTER COLUMN event_id TYPE VARCHAR(160);
