-- Replaces V6's partial index. Lists, counts and the per-organization first page all read
-- (org_id, id) and filter on active and the list's filters: with those columns included, a county's
-- count with a name or age filter is an index-only scan (5–6 ms instead of fetching each of ~31,000
-- persons from the heap), and queries on org_id without active (foreign keys, other modules) have an
-- index again. Measured in docs/benchmarks.md.
CREATE INDEX IF NOT EXISTS person_person_org_cover_idx ON person_person (org_id, id)
    INCLUDE (active, name, birth_date, sex, education, political_status);
DROP INDEX IF EXISTS person_person_active_org_idx;
