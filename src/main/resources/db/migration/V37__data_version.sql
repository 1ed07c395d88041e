-- Issue 8: a version per topic of data, raised in the same transaction as every statement that changes a row of
-- the topic's tables. A node may keep a result computed from those tables (the warning statistics: 17 ms of
-- database time a view on the province data set) for as long as the version it read before computing is still
-- the current one: the version becomes visible with the change itself, so no node serves a result older than
-- the data a reader could see (DataVersionCache). A statement that changed no row leaves the version alone.
CREATE TABLE data_version (
    topic   TEXT PRIMARY KEY,
    version BIGINT NOT NULL DEFAULT 0
);

-- 预警统计: the warnings, the rules' names, and the organizations (jurisdiction by path, the units' names).
INSERT INTO data_version (topic) VALUES ('warning');

-- The topics are the trigger's arguments. "changed" is the transition table every trigger below names.
CREATE FUNCTION data_version_raise() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed) THEN
    UPDATE data_version SET version = version + 1 WHERE topic = ANY (TG_ARGV);
  END IF;
  RETURN NULL;
END
$$;

-- TRUNCATE has no transition table; a function of its own keeps "changed" out of its path.
CREATE FUNCTION data_version_raise_truncated() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  UPDATE data_version SET version = version + 1 WHERE topic = ANY (TG_ARGV);
  RETURN NULL;
END
$$;

DO $$
DECLARE
  t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['warning', 'warning_rule', 'org_organization'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed
                    FOR EACH STATEMENT EXECUTE FUNCTION data_version_raise(''warning'')', t || '_version_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed
                    FOR EACH STATEMENT EXECUTE FUNCTION data_version_raise(''warning'')', t || '_version_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed
                    FOR EACH STATEMENT EXECUTE FUNCTION data_version_raise(''warning'')', t || '_version_delete', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I
                    FOR EACH STATEMENT EXECUTE FUNCTION data_version_raise_truncated(''warning'')', t || '_version_truncate', t);
  END LOOP;
END
$$;
