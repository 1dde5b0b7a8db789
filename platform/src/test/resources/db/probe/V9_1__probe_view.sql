CREATE TABLE probe_view (
    probe_id VARCHAR(64) PRIMARY KEY,
    expired  BOOLEAN NOT NULL
);
