-- Feeds ingest polls by itself (README, "Pulling the news"). One row a feed; a poll takes the row's lease
-- (FOR UPDATE SKIP LOCKED), so with several replicas each poll happens once.
CREATE TABLE feed (
    id                   VARCHAR(36) PRIMARY KEY,
    url                  VARCHAR(4096) NOT NULL,
    url_hash             VARCHAR(64) NOT NULL UNIQUE,
    title                VARCHAR(4096),
    site_url             VARCHAR(4096),
    language             VARCHAR(35),
    format               VARCHAR(32),
    status               VARCHAR(16) NOT NULL,
    interval_seconds     INTEGER NOT NULL,
    etag                 VARCHAR(1024),
    last_modified        VARCHAR(256),
    last_fetched_at      TIMESTAMPTZ,
    last_success_at      TIMESTAMPTZ,
    last_error           TEXT,
    failures             INTEGER NOT NULL DEFAULT 0,
    next_fetch_at        TIMESTAMPTZ NOT NULL,
    lease_until          TIMESTAMPTZ,
    polls                BIGINT NOT NULL DEFAULT 0,
    items_seen           BIGINT NOT NULL DEFAULT 0,
    items_accepted       BIGINT NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX feed_due_idx ON feed (next_fetch_at);

-- Items a feed has delivered, by guid, else link, else a hash of title and summary: a repeat is not taken again.
CREATE TABLE feed_item (
    feed_id     VARCHAR(36) NOT NULL REFERENCES feed (id) ON DELETE CASCADE,
    item_key    VARCHAR(64) NOT NULL,
    article_id  VARCHAR(36),
    undated     BOOLEAN NOT NULL DEFAULT FALSE,
    seen_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (feed_id, item_key)
);
