-- Issue 7: the application's own connections cannot change or remove audit rows.
--
-- Flyway runs as the owner of the schema (the embedded database: postgres; an external one:
-- ZUGONG_DB_OWNER_USER). The application connects as ${app_role}, a role that owns nothing: it may
-- read and write the business tables but only read and append the audit log, so even with the
-- append-only trigger dropped its connections cannot UPDATE, DELETE or TRUNCATE audit rows.
-- When no separate owner is configured (an external installation that migrates with the
-- application's own credentials, as before issue 7), ${app_role} is that owner itself: nothing is
-- granted and the trigger stays the only guard (the README says how to separate the two).
DO $$
DECLARE
  app    text := '${app_role}';
  schema text := current_schema();
BEGIN
  IF app = current_user THEN
    RAISE NOTICE 'the application connects as the schema owner %: no separate application role', app;
    RETURN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
    -- The embedded database creates it (with LOGIN) before migrating; an external one should have it
    -- created by the DBA, otherwise the owner needs CREATEROLE here and the DBA adds LOGIN and a password.
    EXECUTE format('CREATE ROLE %I NOLOGIN', app);
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', schema, app);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', schema, app);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', schema, app);
  -- Tables and sequences that later migrations create get the same rights automatically. A later
  -- audit-like table (append-only) must therefore REVOKE UPDATE, DELETE ON it FROM ${app_role}
  -- explicitly in its own migration, as audit_event does below.
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', schema, app);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I', schema, app);

  -- The audit log: read and append only.
  EXECUTE format('REVOKE ALL ON audit_event FROM PUBLIC');
  EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_event FROM %I', app);
  -- The migration history is the owner's.
  EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON %I FROM %I', 'flyway_schema_history', app);
END
$$;

-- Retention (AuditRetention): the rows removed from the start of the chain leave an anchor, the
-- hash of the last removed row, from which verification starts instead of the genesis value. Only
-- audit_purge (below, owned by the owner) writes it.
CREATE TABLE audit_anchor
(
  id          INT PRIMARY KEY CHECK (id = 1),
  last_id     BIGINT      NOT NULL,
  last_hash   BYTEA       NOT NULL,
  purged_rows BIGINT      NOT NULL,
  purged_at   TIMESTAMPTZ NOT NULL
);
DO $$
BEGIN
  IF '${app_role}' <> current_user THEN
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_anchor FROM %I', '${app_role}');
  END IF;
END
$$;

-- The append-only trigger lets a DELETE through only inside audit_purge, which sets this
-- transaction-local flag; whoever may set it and delete (the owner) could drop the trigger anyway.
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('zugong.audit_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only';
END;
$$;

-- Removes the oldest audit rows: those before cutoff, except records of personal-information
-- processing (views of full ID numbers or files, exports, prints: actions ending in _VIEW, _EXPORT,
-- _PRINT), which are kept at least 3 years. Only a prefix of the chain is removed — everything
-- before the first row that must be kept — so the rest still verifies from the anchor. Refuses a
-- cutoff younger than 6 months (Cybersecurity Law Art.21) whatever the application asks.
-- SECURITY DEFINER: runs with the owner's rights, the application role has no DELETE.
CREATE FUNCTION audit_purge(cutoff TIMESTAMPTZ)
  RETURNS TABLE (purged BIGINT, anchor_id BIGINT)
  LANGUAGE plpgsql SECURITY DEFINER AS
$$
DECLARE
  personal_cutoff TIMESTAMPTZ := least(cutoff, now() - INTERVAL '3 years');
  keep_from       BIGINT;
  last_row        RECORD;
  n               BIGINT;
BEGIN
  IF cutoff IS NULL OR cutoff > now() - INTERVAL '6 months' THEN
    RAISE EXCEPTION '审计记录至少保留 6 个月，拒绝清理 % 之后的记录', cutoff USING ERRCODE = 'check_violation';
  END IF;
  -- The same lock as every append: the chain does not move while its start is cut.
  PERFORM pg_advisory_xact_lock(134644665118311); -- AuditChain.LOCK_KEY
  SELECT least((SELECT min(id) FROM audit_event WHERE occurred_at >= cutoff),
               (SELECT min(id) FROM audit_event
                WHERE occurred_at >= personal_cutoff AND occurred_at < cutoff AND action ~ '_(VIEW|EXPORT|PRINT)$'))
  INTO keep_from;
  SELECT id, hash INTO last_row FROM audit_event
  WHERE keep_from IS NULL OR id < keep_from ORDER BY id DESC LIMIT 1;
  IF last_row.id IS NULL THEN
    RETURN QUERY SELECT 0::BIGINT, (SELECT a.last_id FROM audit_anchor a WHERE a.id = 1);
    RETURN;
  END IF;
  PERFORM set_config('zugong.audit_purge', 'on', true);
  DELETE FROM audit_event WHERE id <= last_row.id;
  GET DIAGNOSTICS n = ROW_COUNT;
  PERFORM set_config('zugong.audit_purge', 'off', true);
  INSERT INTO audit_anchor (id, last_id, last_hash, purged_rows, purged_at)
  VALUES (1, last_row.id, last_row.hash, n, now())
  ON CONFLICT (id) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash,
                                 purged_rows = audit_anchor.purged_rows + excluded.purged_rows, purged_at = excluded.purged_at;
  RETURN QUERY SELECT n, last_row.id;
END;
$$;
REVOKE ALL ON FUNCTION audit_purge(TIMESTAMPTZ) FROM PUBLIC;
DO $$
BEGIN
  -- A SECURITY DEFINER function resolves names only in its own schema (and pg_temp last).
  EXECUTE format('ALTER FUNCTION audit_purge(TIMESTAMPTZ) SET search_path = %I, pg_temp', current_schema());
  IF '${app_role}' <> current_user THEN
    EXECUTE format('GRANT EXECUTE ON FUNCTION audit_purge(TIMESTAMPTZ) TO %I', '${app_role}');
  END IF;
END
$$;

-- Key rotation (KeyRotation, --zugong.command=rotate-keys): how far each table has been re-encrypted
-- under the new keys, so that an interrupted rotation resumes where it stopped. rotation is the new
-- keys' blind-index sample, so that progress of one rotation is never taken for another's.
CREATE TABLE platform_key_rotation
(
  rotation   BYTEA       NOT NULL,
  table_name VARCHAR(63) NOT NULL,
  last_a     BIGINT      NOT NULL,
  last_b     BIGINT      NOT NULL,
  done       BOOLEAN     NOT NULL DEFAULT false,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (rotation, table_name)
);
