-- IDEA storage schema, version 1. Applied by SchemaMigrator inside one transaction that holds the
-- schema's advisory lock; the schema (search_path) is the one configured in idea.storage.jdbc.schema.
-- Changing this file after release is refused at start-up (its SHA-256 is recorded): add V2 instead.

-- Blobs: content addressed, stored as fixed-size chunks so that neither writing nor reading a blob
-- needs it whole in memory. A put writes its chunks under a fresh content_id, then claims the digest;
-- the loser of a race for the same digest rolls its chunks back.
CREATE SEQUENCE blob_content_ids;

CREATE TABLE blobs (
    digest      bytea   PRIMARY KEY CHECK (octet_length(digest) = 32),
    content_id  bigint  NOT NULL UNIQUE,
    size        bigint  NOT NULL CHECK (size >= 0),
    chunk_count integer NOT NULL CHECK (chunk_count >= 0)
);

CREATE TABLE blob_chunks (
    content_id bigint  NOT NULL,
    seq        integer NOT NULL CHECK (seq >= 0),
    data       bytea   NOT NULL,
    PRIMARY KEY (content_id, seq)
);
-- Packages are mostly compressed already: store chunks out of line without trying to compress them.
ALTER TABLE blob_chunks ALTER COLUMN data SET STORAGE EXTERNAL;

-- Records: compare-and-set on version; keys compare byte-wise (COLLATE "C") so that keys(prefix)
-- lists them in the same order as every other provider.
CREATE TABLE records (
    key     text COLLATE "C" PRIMARY KEY,
    version bigint NOT NULL CHECK (version >= 1),
    value   bytea  NOT NULL
);

-- Append-only logs: one row per log holds its committed size and is the lock appenders take
-- (SELECT ... FOR UPDATE); entries are keyed by (log, index), so a second writer of an index fails.
CREATE TABLE logs (
    id   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text COLLATE "C" NOT NULL UNIQUE,
    size bigint NOT NULL DEFAULT 0 CHECK (size >= 0)
);

CREATE TABLE log_entries (
    log_id integer NOT NULL,
    idx    bigint  NOT NULL CHECK (idx >= 0),
    data   bytea   NOT NULL,
    PRIMARY KEY (log_id, idx)
);
