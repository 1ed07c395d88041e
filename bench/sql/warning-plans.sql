-- Plans of the warning engine's statements (WarningEngine.evaluate over FactKind), as the application
-- binds them on 2026-11-27 (edit the dates for another day: the retirement ranges come from
-- CadreFiles.retiringBetween, the years from today's year). Run against the running application's database:
--   java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.zugong.bench.ProvinceSql \
--     --url jdbc:postgresql://localhost:PORT/postgres < bench/sql/warning-plans.sql
-- The first three are the `m` part (the matching cadres) of the three slowest rules over everybody; the
-- last two are the whole statement of one rule for one cadre (evaluatePersons), in a rolled-back transaction.

-- RETIREMENT_SOON (12 months): the birth ranges per retirement group.
EXPLAIN (ANALYZE, BUFFERS) SELECT c.person_id, c.org_id, coalesce(jsonb_build_array(jsonb_build_object('type', 'retirement', 'id', c.person_id, 'text', '出生于 ' || to_char(p.birth_date, 'YYYY-MM') || '，12个月内到龄')), '[]'::jsonb) AS evidence
FROM cadre_view c JOIN person_view p ON p.id = c.person_id
WHERE p.active AND ((c.retirement_group = 'MALE_60' AND p.birth_date >= '1966-06-01' AND p.birth_date < '1967-04-01')
  OR (c.retirement_group = 'FEMALE_55' AND p.birth_date >= '1971-06-01' AND p.birth_date < '1972-04-01')
  OR (c.retirement_group = 'FEMALE_50' AND p.birth_date >= '1976-03-01' AND p.birth_date < '1976-11-01'));

-- INCOMPETENT_TWICE: the last two years both 不称职 (a correlated count per cadre).
EXPLAIN (ANALYZE, BUFFERS) SELECT c.person_id, c.org_id, coalesce((SELECT jsonb_agg(jsonb_build_object('type', 'annual_result', 'id', a.year, 'text', a.year || '年度考核：' || a.code) ORDER BY a.year) FROM cadre_annual_result a WHERE a.person_id = c.person_id AND a.code IN ('4', '4B') AND a.year BETWEEN 2024 AND 2025), '[]'::jsonb) AS evidence
FROM cadre_view c JOIN person_view p ON p.id = c.person_id
WHERE p.active AND (SELECT count(*) FROM cadre_annual_result a WHERE a.person_id = c.person_id AND a.code IN ('4', '4B') AND a.year BETWEEN 2024 AND 2025) = 2;

-- BASICALLY_COMPETENT: last year's result 基本称职.
EXPLAIN (ANALYZE, BUFFERS) SELECT c.person_id, c.org_id, coalesce((SELECT jsonb_agg(jsonb_build_object('type', 'annual_result', 'id', a.year, 'text', a.year || '年度考核：' || a.code) ORDER BY a.year) FROM cadre_annual_result a WHERE a.person_id = c.person_id AND a.code IN ('3', '3B') AND a.year BETWEEN 2025 AND 2025), '[]'::jsonb) AS evidence
FROM cadre_view c JOIN person_view p ON p.id = c.person_id
WHERE p.active AND EXISTS (SELECT 1 FROM cadre_annual_result a WHERE a.person_id = c.person_id AND a.code IN ('3', '3B') AND a.year BETWEEN 2025 AND 2025);

-- One cadre (evaluatePersons): REMINDER_TALK, the whole statement; nothing is written in steady state, rolled back anyway.
BEGIN;
EXPLAIN (ANALYZE, BUFFERS) WITH m AS (SELECT c.person_id, c.org_id, coalesce((SELECT jsonb_agg(jsonb_build_object('type', 'supervision', 'id', s.id, 'text', '提醒谈话 ' || s.record_date)) FROM supervision_record s WHERE s.person_id = c.person_id AND s.kind = 'REMINDER_TALK'
  AND s.record_date > DATE '2025-11-27' AND s.record_date <= DATE '2026-11-27'), '[]'::jsonb) AS evidence FROM cadre_view c JOIN person_view p ON p.id = c.person_id WHERE p.active AND EXISTS (SELECT 1 FROM supervision_record s WHERE s.person_id = c.person_id AND s.kind = 'REMINDER_TALK'
  AND s.record_date > DATE '2025-11-27' AND s.record_date <= DATE '2026-11-27') AND c.person_id IN (653762)),
up AS (
  INSERT INTO warning (rule_id, rule_code, person_id, org_id, colour, status, evidence, message)
  SELECT (SELECT id FROM warning_rule WHERE code = 'REMINDER_TALK' AND status = 'ENABLED'), 'REMINDER_TALK', m.person_id, m.org_id, 'YELLOW', 'OPEN', m.evidence,
         replace('{name}近一年内受到提醒谈话', '{name}', (SELECT name FROM person_view WHERE id = m.person_id))
  FROM m
  WHERE NOT EXISTS (SELECT 1 FROM warning h WHERE h.handled AND h.rule_code = 'REMINDER_TALK' AND h.person_id = m.person_id AND h.evidence = m.evidence)
  ON CONFLICT (rule_code, person_id) WHERE status <> 'CLOSED'
  DO UPDATE SET evidence = EXCLUDED.evidence, org_id = EXCLUDED.org_id
    WHERE warning.evidence IS DISTINCT FROM EXCLUDED.evidence OR warning.org_id <> EXCLUDED.org_id
  RETURNING id, (xmax = 0) AS inserted),
raised AS (INSERT INTO warning_event (warning_id, kind, note, done_by) SELECT id, 'RAISED', 'plan', 'bench' FROM up WHERE inserted RETURNING 1),
gone AS (
  UPDATE warning w SET status = 'CLOSED', closed_at = now(), close_reason = 'plan', closed_by = 'bench', version = w.version + 1
  WHERE w.rule_code = 'REMINDER_TALK' AND w.status <> 'CLOSED' AND w.person_id IN (653762)
    AND NOT EXISTS (SELECT 1 FROM m WHERE m.person_id = w.person_id)
  RETURNING w.id),
closed AS (INSERT INTO warning_event (warning_id, kind, note, done_by) SELECT id, 'CLOSED', 'plan', 'bench' FROM gone RETURNING 1)
SELECT (SELECT count(*) FROM raised) AS raised, (SELECT count(*) FROM m) AS matched, (SELECT count(*) FROM closed) AS closed;
ROLLBACK;

-- One cadre: INCOMPETENT_TWICE's match (the count subquery runs once, by the primary key).
EXPLAIN (ANALYZE, BUFFERS) SELECT c.person_id, c.org_id FROM cadre_view c JOIN person_view p ON p.id = c.person_id
WHERE p.active AND (SELECT count(*) FROM cadre_annual_result a WHERE a.person_id = c.person_id AND a.code IN ('4', '4B') AND a.year BETWEEN 2024 AND 2025) = 2
  AND c.person_id IN (653762);
