-- What ingest-service accepted. The content is kept so an unconfirmed record can be published again.
CREATE TABLE ingest_record (
    id                  VARCHAR(36)  PRIMARY KEY,
    external_id         VARCHAR(1024),
    url                 TEXT,
    canonical_url       TEXT,
    canonical_url_hash  CHAR(64),
    source              VARCHAR(1024),
    title               TEXT,
    published           VARCHAR(64),
    language            VARCHAR(35),
    is_html             BOOLEAN      NOT NULL,
    content             TEXT         NOT NULL,
    content_hash        CHAR(64)     NOT NULL,
    received_at         TIMESTAMPTZ  NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    published_at        TIMESTAMPTZ,
    publish_attempts    INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT ingest_record_external_id_uk UNIQUE (external_id),
    CONSTRAINT ingest_record_canonical_url_uk UNIQUE (canonical_url_hash)
);

CREATE INDEX ingest_record_pending_idx ON ingest_record (received_at) WHERE status = 'RECEIVED';
CREATE INDEX ingest_record_content_hash_idx ON ingest_record (content_hash);
