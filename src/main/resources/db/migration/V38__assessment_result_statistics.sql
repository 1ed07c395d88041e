-- Issue 8: a new assessment period adds all its results at once (a province: ~300,000 rows) under a period_id the
-- planner's statistics have never seen, so it estimates one row for "period_id = :new" and, on that tie, looks a
-- result up through (period_id, org_id) filtering on the person instead of through the primary key: 2 ms instead
-- of 0.05 for every result read and every grade entered in the new period (four times per grade: 8 of its 12 ms
-- of database time on the province data set). The default autovacuum analyzes after 10 % of the table has
-- changed — never, for a period of 20,000 results in a table of 1.7 million. Analyze after 1 % (or 1,000 rows).
ALTER TABLE assessment_result SET (autovacuum_analyze_scale_factor = 0.01, autovacuum_analyze_threshold = 1000);
ANALYZE assessment_result;
