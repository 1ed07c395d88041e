-- F4: append-only audit log with an HMAC-SM3 chain (hash = HMAC(prev_hash ‖ row)).
CREATE TABLE audit_event
(
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at TIMESTAMPTZ  NOT NULL,
  username    VARCHAR(64)  NOT NULL,
  client_ip   VARCHAR(64)  NOT NULL,
  action      VARCHAR(50)  NOT NULL,
  target_type VARCHAR(50),
  target_id   VARCHAR(100),
  detail      VARCHAR(1000),
  outcome     VARCHAR(20)  NOT NULL,
  prev_hash   BYTEA        NOT NULL,
  hash        BYTEA        NOT NULL
);
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at);
CREATE INDEX audit_event_user_idx ON audit_event (username, occurred_at);
CREATE INDEX audit_event_action_idx ON audit_event (action, occurred_at);

-- Append-only: rows cannot be changed or removed through SQL by anyone but a superuser who first
-- switches triggers off (session_replication_role); the chain then still shows the edit.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END;
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
