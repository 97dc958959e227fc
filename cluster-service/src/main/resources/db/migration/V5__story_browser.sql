-- What the story browser and the stories API show of each article, and what they search and filter on.
-- source: the outlet (the URL's host, else the site name, else what ingest was told); lead: the cleaned text's
-- opening, up to 300 characters; dropped: what the cleaner left out and why, one line each; published_at: the
-- published date as a time (a date alone is its midnight UTC), for the story's timeline.
ALTER TABLE membership ADD COLUMN source VARCHAR(255);
ALTER TABLE membership ADD COLUMN language VARCHAR(16);
ALTER TABLE membership ADD COLUMN lead TEXT;
ALTER TABLE membership ADD COLUMN bylines TEXT;
ALTER TABLE membership ADD COLUMN dropped TEXT;
ALTER TABLE membership ADD COLUMN published_at TIMESTAMPTZ;

-- Words in titles and leads, in any language (the 'simple' configuration: no stemming, no stop words).
CREATE INDEX membership_search_idx ON membership
    USING GIN (to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(lead, '')));
CREATE INDEX membership_source_idx ON membership (source, story_id);
CREATE INDEX membership_language_idx ON membership (language, story_id);

-- Keyset paging of the front page: newest update first, the story id breaking ties.
DROP INDEX IF EXISTS story_last_updated_idx;
CREATE INDEX story_recent_idx ON story (last_updated DESC, id DESC) WHERE merged_into IS NULL;
CREATE INDEX story_merged_into_idx ON story (merged_into) WHERE merged_into IS NOT NULL;
