-- Issue 8: the audit chain's head in one round trip. An append takes the chain lock (held to the end of its
-- transaction), then reads the last row's hash and the next id. As four statements (lock timeout raised, lock,
-- timeout restored, head) the lock was held over three round trips more than needed, and under the load test's CPU
-- contention every round trip is a wait in the run queue: audited requests queued behind the lock. Invoker's
-- rights: the application role reads audit_event and audit_anchor and uses the sequence already (V24).
CREATE FUNCTION audit_chain_head(OUT prev_hash BYTEA, OUT next_id BIGINT)
LANGUAGE plpgsql
-- Never wait for ever: a lock held elsewhere longer than this is a fault to report, not to wait out. The SET
-- clause applies inside the function only; the caller's own lock_timeout is back when it returns.
SET lock_timeout = '10s'
AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(134644665118311); -- AuditChain.LOCK_KEY, the lock audit_purge (V24) takes too
  -- After a purge of every row the chain continues from the anchor.
  prev_hash := coalesce((SELECT e.hash FROM audit_event e ORDER BY e.id DESC LIMIT 1),
                        (SELECT a.last_hash FROM audit_anchor a WHERE a.id = 1));
  next_id := nextval(pg_get_serial_sequence('audit_event', 'id'));
END
$$;
