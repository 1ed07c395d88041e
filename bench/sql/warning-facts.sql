-- Supervision facts (and a few probation ends) in bulk, so that every default warning rule has work on the
-- province data set. Data sets generated since issue 8 (bench/generate-dataset.sh) already hold supervision
-- records and report checks: on those run only the last two statements (试用期 ends, ten-year posts).
-- Deterministic (hashes of the person id); run once, on a data set without them:
--   java -cp … org.zugong.bench.ProvinceSql --dir bench-data/province < bench/sql/warning-facts.sql      (application stopped)
--   java -cp … org.zugong.bench.ProvinceSql --url jdbc:postgresql://localhost:PORT/postgres < …           (application running)
-- Shares of all cadres (h = abs(hashtext(person_id || tag)) % 10000):
--   提醒谈话 within the last 12 months 1 %, older ones (13–36 months) 2 %;
--   函询 overdue and not resolved 0.3 %, 函询 still within its deadline 0.2 %, 函询 resolved 1 %;
--   信访 in progress 0.2 %, 信访 resolved 0.8 %;
--   report checks: 3 % with a result (如实 mostly, 漏报 0.3 %, 瞒报 0.05 %), all within the last 24 months;
--   current posts whose 试用期 ends within the next 30 days 0.3 %;
--   leading posts held 10–14 years (the only post of a cadre whose work start allows it; post_since and the
--   post's start_date moved back together) ~1 %.
INSERT INTO supervision_record (person_id, org_id, kind, record_date, summary, authority, status, created_by, updated_by)
SELECT c.person_id, c.org_id, 'REMINDER_TALK', current_date - (abs(hashtext(c.person_id || 'rtd')) % 360) - 1,
       '提醒谈话（基准数据）', '组织部', NULL, 'bench', 'bench'
FROM cadre_profile c WHERE abs(hashtext(c.person_id || 'rt')) % 10000 < 100;
INSERT INTO supervision_record (person_id, org_id, kind, record_date, summary, authority, status, created_by, updated_by)
SELECT c.person_id, c.org_id, 'REMINDER_TALK', current_date - 395 - (abs(hashtext(c.person_id || 'rtd')) % 700),
       '提醒谈话（基准数据，一年以前）', '组织部', NULL, 'bench', 'bench'
FROM cadre_profile c WHERE abs(hashtext(c.person_id || 'rt')) % 10000 BETWEEN 100 AND 299;
INSERT INTO supervision_record (person_id, org_id, kind, record_date, summary, authority, deadline, status, created_by, updated_by)
SELECT c.person_id, c.org_id, 'INQUIRY_LETTER', current_date - 40 - (abs(hashtext(c.person_id || 'ild')) % 200),
       '函询（基准数据，逾期）', '纪委监委', current_date - 10 - (abs(hashtext(c.person_id || 'ild')) % 30),
       (ARRAY['PENDING', 'RECEIVED', 'INVESTIGATING'])[1 + abs(hashtext(c.person_id || 'ils')) % 3], 'bench', 'bench'
FROM cadre_profile c WHERE abs(hashtext(c.person_id || 'il')) % 10000 < 30;
INSERT INTO supervision_record (person_id, org_id, kind, record_date, summary, authority, deadline, status, created_by, updated_by)
SELECT c.person_id, c.org_id, 'INQUIRY_LETTER', current_date - 5, '函询（基准数据，期限内）', '纪委监委', current_date + 10, 'PENDING', 'bench', 'bench'
FROM cadre_profile c WHERE abs(hashtext(c.person_id || 'il')) % 10000 BETWEEN 30 AND 49;
INSERT INTO supervision_record (person_id, org_id, kind, record_date, summary, authority, deadline, status, result, end_date, created_by, updated_by)
SELECT c.person_id, c.org_id, 'INQUIRY_LETTER', current_date - 300, '函询（基准数据，已办结）', '纪委监委', current_date - 270, 'RESOLVED',
       '说明清楚，予以了结', current_date - 280, 'bench', 'bench'
FROM cadre_profile c WHERE abs(hashtext(c.person_id || 'il')) % 10000 BETWEEN 50 AND 149;
INSERT INTO supervision_record (person_id, org_id, kind, record_date, summary, status, created_by, updated_by)
SELECT c.person_id, c.org_id, 'PETITION', current_date - 1 - (abs(hashtext(c.person_id || 'ptd')) % 120), '信访件（基准数据，在办）',
       (ARRAY['PENDING', 'RECEIVED', 'INVESTIGATING'])[1 + abs(hashtext(c.person_id || 'pts')) % 3], 'bench', 'bench'
FROM cadre_profile c WHERE abs(hashtext(c.person_id || 'pt')) % 10000 < 20;
INSERT INTO supervision_record (person_id, org_id, kind, record_date, summary, status, result, end_date, created_by, updated_by)
SELECT c.person_id, c.org_id, 'PETITION', current_date - 200, '信访件（基准数据，已办结）', 'RESOLVED', '查无实据', current_date - 150, 'bench', 'bench'
FROM cadre_profile c WHERE abs(hashtext(c.person_id || 'pt')) % 10000 BETWEEN 20 AND 99;
INSERT INTO supervision_report_check (person_id, org_id, year, reason, result, checked_on, created_by, updated_by)
SELECT c.person_id, c.org_id, extract(year FROM current_date)::int - 1, '随机抽查',
       CASE WHEN abs(hashtext(c.person_id || 'ck')) % 10000 < 5 THEN '瞒报'
            WHEN abs(hashtext(c.person_id || 'ck')) % 10000 < 35 THEN '漏报' ELSE '如实' END,
       current_date - 1 - (abs(hashtext(c.person_id || 'ckd')) % 700), 'bench', 'bench'
FROM cadre_profile c WHERE abs(hashtext(c.person_id || 'ck')) % 10000 < 300;
UPDATE cadre_post t SET probation_end = current_date + (abs(hashtext(t.person_id || 'pbd')) % 30)
WHERE t.end_date IS NULL AND abs(hashtext(t.person_id || 'pb')) % 10000 < 30;
WITH x AS (
  SELECT c.person_id, c.post_since - make_interval(years => 10 + abs(hashtext(c.person_id || 'lpd')) % 5) AS since
  FROM cadre_profile c JOIN person_person p ON p.id = c.person_id
  WHERE c.post_since IS NOT NULL AND abs(hashtext(c.person_id || 'lp')) % 10000 < 400
    AND (SELECT count(*) FROM cadre_post t WHERE t.person_id = c.person_id) = 1
    AND p.work_start_date <= c.post_since - make_interval(years => 15)),
t AS (UPDATE cadre_post t SET start_date = x.since FROM x WHERE t.person_id = x.person_id AND t.end_date IS NULL RETURNING 1)
UPDATE cadre_profile c SET post_since = x.since FROM x WHERE c.person_id = x.person_id;
ANALYZE cadre_profile;
ANALYZE supervision_record;
ANALYZE supervision_report_check;
ANALYZE cadre_post;
SELECT kind, status, count(*) FROM supervision_record GROUP BY 1, 2 ORDER BY 1, 2;
SELECT result, count(*) FROM supervision_report_check GROUP BY 1 ORDER BY 1;
SELECT count(*) AS long_in_post FROM cadre_profile WHERE post_since <= current_date - interval '10 years';
SELECT count(*) AS probation_ending FROM cadre_post WHERE end_date IS NULL AND probation_end BETWEEN current_date AND current_date + 30;
