-- Issue 8, two nodes: the page sessions in the database (Spring Session JDBC), so that a session
-- survives a switch of node and ending a user's sessions reaches every node. Spring Session's own
-- schema-postgresql.sql (4.0), run by Flyway rather than by Spring Session's initializer.
-- PRINCIPAL_NAME is the username (Actor.getName, SecondFactorPending.getName), found through IX3.
-- The application role gets SELECT, INSERT, UPDATE, DELETE on both tables through V24's default privileges.
CREATE TABLE spring_session
(
  primary_id            CHAR(36) NOT NULL,
  session_id            CHAR(36) NOT NULL,
  creation_time         BIGINT   NOT NULL,
  last_access_time      BIGINT   NOT NULL,
  max_inactive_interval INT      NOT NULL,
  expiry_time           BIGINT   NOT NULL,
  principal_name        VARCHAR(100),
  CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);

CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes
(
  session_primary_id CHAR(36)     NOT NULL,
  attribute_name     VARCHAR(200) NOT NULL,
  attribute_bytes    BYTEA        NOT NULL,
  CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
  CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES spring_session (primary_id) ON DELETE CASCADE
);
