-- One row that proves the configured keys are the ones the data was written with: a node started with
-- other keys refuses to start instead of writing undecryptable values and unfindable blind indexes.
CREATE TABLE platform_key_check
(
  id           INT PRIMARY KEY CHECK (id = 1),
  sm4_sample   BYTEA       NOT NULL,
  index_sample BYTEA       NOT NULL,
  audit_sample BYTEA       NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
