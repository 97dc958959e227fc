-- How many decisions have been committed. The writer holding the advisory lock compares it with what its in-memory
-- index has applied, and rebuilds the index when another replica wrote in between (a take-over).
CREATE TABLE writer_state (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  BIGINT  NOT NULL
);
INSERT INTO writer_state (id, version) SELECT 1, count(*) FROM membership;
