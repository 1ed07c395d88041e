-- CadreSearch (F13) as the application runs it, for the county 鼎城区 (/1/8/4920/), today 2026-11-27.
-- Run against the running application's database:
--   java -cp … org.zugong.bench.ProvinceSql --url jdbc:postgresql://localhost:PORT/postgres < bench/sql/cadre-search-plans.sql
-- page, no filter
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT c.person_id, p.name, p.sex, p.birth_date, o.name AS org_name, c.current_post_text, c.rank,
  EXISTS (SELECT 1 FROM cadre_record r WHERE r.person_id = c.person_id AND r.kind <> '奖励'
          AND coalesce(r.effect_start, r.decided_on) <= DATE '2026-11-27' AND (r.effect_end IS NULL OR r.effect_end >= DATE '2026-11-27')) AS sanctioned
FROM cadre_profile c JOIN org_organization o ON o.id = c.org_id JOIN person_view p ON p.id = c.person_id
WHERE p.active AND o.path LIKE '/1/8/4920/%' ORDER BY c.person_id LIMIT 20 OFFSET 0;
-- count, no filter
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM cadre_profile c JOIN org_organization o ON o.id = c.org_id JOIN person_view p ON p.id = c.person_id
WHERE p.active AND o.path LIKE '/1/8/4920/%';
-- page, rank + yearsInRankMin=2
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT c.person_id, p.name, o.name AS org_name, c.rank
FROM cadre_profile c JOIN org_organization o ON o.id = c.org_id JOIN person_view p ON p.id = c.person_id
WHERE p.active AND o.path LIKE '/1/8/4920/%' AND c.rank = '四级主任科员' AND c.rank_since <= DATE '2024-11-27' ORDER BY c.person_id LIMIT 20 OFFSET 0;
-- count, rank + yearsInRankMin=2
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM cadre_profile c JOIN org_organization o ON o.id = c.org_id JOIN person_view p ON p.id = c.person_id
WHERE p.active AND o.path LIKE '/1/8/4920/%' AND c.rank = '四级主任科员' AND c.rank_since <= DATE '2024-11-27';
-- page, age 40-50 + sex male
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT c.person_id, p.name, o.name AS org_name
FROM cadre_profile c JOIN org_organization o ON o.id = c.org_id JOIN person_view p ON p.id = c.person_id
WHERE p.active AND o.path LIKE '/1/8/4920/%' AND p.birth_date <= DATE '1986-11-27' AND p.birth_date > DATE '1975-11-27' AND p.sex = '1'
ORDER BY c.person_id LIMIT 20 OFFSET 0;
-- page, sanctioned=true
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT c.person_id, p.name, o.name AS org_name
FROM cadre_profile c JOIN org_organization o ON o.id = c.org_id JOIN person_view p ON p.id = c.person_id
WHERE p.active AND o.path LIKE '/1/8/4920/%' AND EXISTS (SELECT 1 FROM cadre_record r WHERE r.person_id = c.person_id AND r.kind <> '奖励'
          AND coalesce(r.effect_start, r.decided_on) <= DATE '2026-11-27' AND (r.effect_end IS NULL OR r.effect_end >= DATE '2026-11-27'))
ORDER BY c.person_id LIMIT 20 OFFSET 0;
