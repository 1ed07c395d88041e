-- Plans of GET /api/v1/assessment/periods/{id}/distribution?orgId=<county> (AssessmentProfiles.distribution),
-- as the province user (jurisdiction ALL: TRUE) over 鼎城区 (/1/8/4920/). Replace 8 (the 2025 province
-- period) and the path as needed. Run against the running application's PostgreSQL:
--   java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.zugong.bench.ProvinceSql \
--     --url jdbc:postgresql://localhost:PORT/postgres < bench/sql/assessment-distribution-plans.sql
EXPLAIN (ANALYZE, BUFFERS)
WITH u AS (
  SELECT r.org_id, count(*) FILTER (WHERE r.included) AS included,
    count(*) FILTER (WHERE r.included AND r.grade IS NOT NULL) AS graded,
    count(*) FILTER (WHERE r.included AND r.stage = 'CONFIRMED') AS confirmed,
    count(*) FILTER (WHERE r.included AND (r.grade IS NULL OR r.grade NOT LIKE '5%' AND r.grade NOT LIKE '6%')) AS assessed,
    count(*) FILTER (WHERE r.included AND r.grade = '1') AS top,
    count(*) FILTER (WHERE r.included AND (r.grade = '1')) AS g0,
    count(*) FILTER (WHERE r.included AND (r.grade = '2' OR r.grade = '2B')) AS g1,
    count(*) FILTER (WHERE r.included AND (r.grade = '3' OR r.grade = '3B')) AS g2,
    count(*) FILTER (WHERE r.included AND (r.grade = '4' OR r.grade = '4B')) AS g3,
    count(*) FILTER (WHERE r.included AND (r.grade LIKE '5%')) AS g4,
    count(*) FILTER (WHERE r.included AND (r.grade LIKE '6%')) AS g5
  FROM assessment_result r JOIN org_organization o ON o.id = r.org_id
  WHERE r.period_id = 8 AND TRUE AND o.path LIKE '/1/8/4920/%'
  GROUP BY r.org_id
), f AS (
  SELECT u.*, o.name AS org_name, o.path, q.percent IS NOT NULL AND TRUE AS approved,
    coalesce(CASE WHEN TRUE THEN q.percent END, CAST(20 AS int)) AS percent,
    row_number() OVER (ORDER BY o.path) AS rn, count(*) OVER () AS units,
    sum(u.included) OVER () AS t_included, sum(u.graded) OVER () AS t_graded, sum(u.confirmed) OVER () AS t_confirmed,
    sum(u.g0) OVER () AS t_g0, sum(u.g1) OVER () AS t_g1, sum(u.g2) OVER () AS t_g2, sum(u.g3) OVER () AS t_g3,
    sum(u.g4) OVER () AS t_g4, sum(u.g5) OVER () AS t_g5
  FROM u JOIN org_organization o ON o.id = u.org_id
  LEFT JOIN assessment_quota_approval q ON q.period_id = 8 AND q.org_id = u.org_id
), flagged AS (
  SELECT f.*, (f.percent IS NOT NULL AND f.top > f.assessed * f.percent / 100) AS over_quota,
    (f.graded >= 3 AND f.top = f.graded) AS all_top
  FROM f
)
SELECT * FROM flagged WHERE (rn > 0 AND rn <= 0 + 50) OR over_quota OR all_top OR rn = 1 ORDER BY rn;
-- falling(): the people two levels below their confirmed grade of the year before (period of 2024 over the province)
EXPLAIN (ANALYZE, BUFFERS)
SELECT r.person_id, pv.name, r.org_id, o.name AS org_name, pa.name AS prev_period, prev.grade AS prev_grade, r.grade,
  (CASE WHEN pa.kind = 'ROUTINE' THEN CASE prev.grade WHEN '好' THEN 4 WHEN '较好' THEN 3 WHEN '一般' THEN 2 WHEN '较差' THEN 1 END ELSE CASE prev.grade WHEN '1' THEN 4 WHEN '2' THEN 3 WHEN '2B' THEN 3 WHEN '3' THEN 2 WHEN '3B' THEN 2 WHEN '4' THEN 1 WHEN '4B' THEN 1 END END)
  - (CASE WHEN pa.kind = 'ROUTINE' THEN CASE r.grade WHEN '好' THEN 4 WHEN '较好' THEN 3 WHEN '一般' THEN 2 WHEN '较差' THEN 1 END ELSE CASE r.grade WHEN '1' THEN 4 WHEN '2' THEN 3 WHEN '2B' THEN 3 WHEN '3' THEN 2 WHEN '3B' THEN 2 WHEN '4' THEN 1 WHEN '4B' THEN 1 END END) AS levels
FROM assessment_result r JOIN org_organization o ON o.id = r.org_id
JOIN assessment_result prev ON prev.person_id = r.person_id
JOIN assessment_period pa ON pa.id = prev.period_id
JOIN person_view pv ON pv.id = r.person_id
WHERE r.period_id = 8 AND r.included AND r.grade IS NOT NULL
  AND pa.kind = 'ANNUAL' AND pa.year = 2024 AND coalesce(pa.quarter, 0) = 0
  AND prev.stage = 'CONFIRMED' AND prev.included
  AND (CASE WHEN pa.kind = 'ROUTINE' THEN CASE prev.grade WHEN '好' THEN 4 WHEN '较好' THEN 3 WHEN '一般' THEN 2 WHEN '较差' THEN 1 END ELSE CASE prev.grade WHEN '1' THEN 4 WHEN '2' THEN 3 WHEN '2B' THEN 3 WHEN '3' THEN 2 WHEN '3B' THEN 2 WHEN '4' THEN 1 WHEN '4B' THEN 1 END END)
  - (CASE WHEN pa.kind = 'ROUTINE' THEN CASE r.grade WHEN '好' THEN 4 WHEN '较好' THEN 3 WHEN '一般' THEN 2 WHEN '较差' THEN 1 END ELSE CASE r.grade WHEN '1' THEN 4 WHEN '2' THEN 3 WHEN '2B' THEN 3 WHEN '3' THEN 2 WHEN '3B' THEN 2 WHEN '4' THEN 1 WHEN '4B' THEN 1 END END) >= 2
  AND TRUE AND o.path LIKE '/1/8/4920/%'
ORDER BY o.path, pv.name, r.person_id LIMIT 200;
