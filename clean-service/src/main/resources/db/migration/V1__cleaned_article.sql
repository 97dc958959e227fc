-- Articles as clean-service made them, keyed by the ingest id.
CREATE TABLE cleaned_article (
    id              VARCHAR(36)  PRIMARY KEY,
    external_id     VARCHAR(1024),
    url             TEXT,
    canonical_url   TEXT,
    source          VARCHAR(1024),
    title           TEXT,
    bylines         TEXT,
    published       VARCHAR(64),
    site_name       TEXT,
    language        VARCHAR(35),
    description     TEXT,
    text            TEXT         NOT NULL,
    received_at     TIMESTAMPTZ,
    cleaned_at      TIMESTAMPTZ  NOT NULL
);
