-- Each article's life after ingest: the verdicts of the later stages, read from Kafka (see README, "Lifecycle").
ALTER TABLE ingest_record ADD COLUMN story_id   VARCHAR(64);
ALTER TABLE ingest_record ADD COLUMN stage      VARCHAR(16);
ALTER TABLE ingest_record ADD COLUMN reason     TEXT;
ALTER TABLE ingest_record ADD COLUMN updated_at TIMESTAMPTZ;
ALTER TABLE ingest_record ADD COLUMN deliveries INTEGER NOT NULL DEFAULT 1;
UPDATE ingest_record SET updated_at = COALESCE(published_at, received_at);
ALTER TABLE ingest_record ALTER COLUMN updated_at SET NOT NULL;
-- status is one of RECEIVED, PUBLISHED, CLEANED, CLUSTERED, REJECTED
ALTER TABLE ingest_record ALTER COLUMN status TYPE VARCHAR(16);
CREATE INDEX ingest_record_story_idx ON ingest_record (story_id);
CREATE INDEX ingest_record_in_flight_idx ON ingest_record (updated_at) WHERE status IN ('PUBLISHED', 'CLEANED');

-- A story folded into another: articles announced for the folded one belong to the surviving one. Kept flat
-- (every folded story points at the story that survives now), so one look-up resolves any story id.
CREATE TABLE story_alias (
    folded_id  VARCHAR(64) PRIMARY KEY,
    story_id   VARCHAR(64) NOT NULL
);
CREATE INDEX story_alias_story_idx ON story_alias (story_id);

