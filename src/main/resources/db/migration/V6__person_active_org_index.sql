-- Lists and counts always filter on p.active and a set of organizations. With active inside a partial
-- index, counting a county's 50,000 persons is an index-only scan (about 10 ms on the province data
-- set) instead of a parallel sequential scan of all 5 million rows (about 770 ms); see docs/benchmarks.md.
CREATE INDEX IF NOT EXISTS person_person_active_org_idx ON person_person (org_id, id) WHERE active;
DROP INDEX IF EXISTS person_person_org_idx;
