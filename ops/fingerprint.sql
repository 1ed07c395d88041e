-- The fingerprint of a database: for every table outside the system schemas its row count and an
-- order-independent checksum of its rows (the sum of the first 64 bits of each row text's MD5 — a
-- checksum for comparing a restore with its source, not a security function), and for every sequence
-- its position. Two databases hold the same data when their fingerprints are equal.
-- Used by ops/backup-restore-check.sh (psql) and by BackupRestoreTests (JDBC); run it as the owner.
SELECT n.nspname AS schema_name,
       c.relname AS object_name,
       'table' AS kind,
       (xpath('/row/n/text()', x))[1]::text::bigint AS row_count,
       (xpath('/row/s/text()', x))[1]::text::numeric AS checksum
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL query_to_xml(
        format('SELECT count(*) AS n, coalesce(sum((''x'' || left(md5(t::text), 16))::bit(64)::bigint), 0) AS s FROM ONLY %I.%I t',
               n.nspname, c.relname),
        false, true, '') AS x
WHERE c.relkind = 'r'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
UNION ALL
SELECT s.schemaname, s.sequencename, 'sequence', coalesce(s.last_value, 0), 0
FROM pg_sequences s
WHERE s.schemaname NOT IN ('pg_catalog', 'information_schema')
ORDER BY 1, 2;
