-- Stories, which article belongs to which story, and the events still to be published.
CREATE TABLE story (
    id            VARCHAR(64)  PRIMARY KEY,
    title         TEXT,
    size          INTEGER      NOT NULL,
    first_seen    TIMESTAMPTZ  NOT NULL,
    last_updated  TIMESTAMPTZ  NOT NULL,
    merged_into   VARCHAR(64)
);
CREATE INDEX story_last_updated_idx ON story (last_updated DESC) WHERE merged_into IS NULL;

-- One row per clustered article; seq is the order of decisions, replayed at start-up.
CREATE TABLE membership (
    article_id         VARCHAR(36)  PRIMARY KEY,
    seq                BIGSERIAL    NOT NULL UNIQUE,
    story_id           VARCHAR(64)  NOT NULL REFERENCES story (id),
    external_id        VARCHAR(1024),
    title              TEXT,
    url                TEXT,
    published          VARCHAR(64),
    near_duplicate_of  VARCHAR(36),
    body               TEXT         NOT NULL,
    assigned_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX membership_story_idx ON membership (story_id);
CREATE INDEX membership_external_id_idx ON membership (external_id);

-- Outbox for stories.events: written with the decision, marked once Kafka acknowledged it.
CREATE TABLE story_event (
    event_id      VARCHAR(80)  PRIMARY KEY,
    article_id    VARCHAR(36),
    story_id      VARCHAR(64)  NOT NULL,
    payload       BYTEA        NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    published_at  TIMESTAMPTZ
);
CREATE INDEX story_event_unpublished_idx ON story_event (created_at) WHERE published_at IS NULL;
