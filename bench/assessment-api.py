#!/usr/bin/env python3
"""End-to-end timings of the issue-4 assessment API calls against a running application (loopback only).

    python3 bench/assessment-api.py --base http://localhost:8190 schemes
    python3 bench/assessment-api.py --base http://localhost:8190 confirm --years 2023,2022,2021 [--org-id N]
    python3 bench/assessment-api.py --base http://localhost:8190 distribution --iterations 200 --warmup 30 [--year 2025]

Needs the province data set with cadre files (accounts `province`, `county`, password Zugong@2026,
both with the assessment permissions) and the application running on it, e.g.
`SERVER_PORT=8190 ZUGONG_DATA_DIR=bench-data/province ./mvnw -B -o spring-boot:run`.

The workflow steps before confirmation are not what is timed: the setup brings results to 公示 (or
confirmed) with grades by SQL, run through `org.zugong.bench.ProvinceSql --url` against the
application's embedded PostgreSQL (found by its data folder `--dir`, default bench-data/province;
the classpath is target/test-classes:target/classes:target/bench-classpath.txt, as
bench/run-benchmarks.sh writes it). Grades per unit (assessing unit = org_id): 优秀 ("1") for
floor(n × excellent_percent / 100) people (the quota, rounded down), ~2 % 基本称职 ("3"), ~0.5 %
不称职 ("4"), the rest 称职 ("2"); no 5x/6x, so everybody counts as assessed.

schemes: creates province-wide schemes (4 unit categories × 综合管理类 and 领导班子成员) unless some exist,
so that opening a period assigns schemes as in use.
confirm: per year, opens an ANNUAL period for the city nearest 15,000 cadres (POST /periods, timed),
brings every result to 公示 with the publicity over (SQL), then times POST /periods/{id}/confirm?orgId=<city>;
afterwards waits for the asynchronous warning re-evaluation (event_publication of the
AnnualResultsRecorded listener completed) and reports how long after the response it finished.
distribution: opens ANNUAL periods over the whole province for --prev-year (all confirmed by SQL) and
--year (graded: 85 % in 公示, 10 % confirmed, 5 % still in evaluation without a grade; 2 % of units one
over quota) unless they exist (--open-by-sql: in SQL, since opening the province through the API takes
more than 9 minutes), then times GET /periods/{id}/distribution?orgId=<county> for random
counties as the province user, and as the county user for its own county. Standard library only.
"""
import argparse, json, os, random, re, statistics, subprocess, sys, time, urllib.error, urllib.parse, urllib.request


from benchlib import Api, Sql, percentile


# grades of one result from a uniform u in [0, 1000), given it is not among the unit's 优秀
REST = "CASE WHEN {u} < 20 THEN '3' WHEN {u} < 25 THEN '4' ELSE '2' END"


def grading_sql(period_id, stage_expr, publicity=True, over_quota_units=0.0, ungraded=0.0):
    """One UPDATE giving every result of the period a grade within its unit's quota (rounded down)."""
    u = "(abs(hashtext(r.person_id::text || ':' || r.period_id)) % 1000)"
    return """
WITH x AS (
  SELECT r.period_id, r.person_id, count(*) OVER (PARTITION BY r.org_id) AS n,
         row_number() OVER (PARTITION BY r.org_id ORDER BY hashtext(r.person_id::text || '/' || r.period_id)) AS k,
         {u} AS u, (abs(hashtext(r.org_id::text || '#' || r.period_id)) % 1000) < {over} AS over,
         a.excellent_percent AS pct
  FROM assessment_result r JOIN assessment_period a ON a.id = r.period_id
  WHERE r.period_id = {period}
), g AS (
  SELECT x.*, CASE WHEN x.u < {ungraded} THEN NULL
                   WHEN x.k <= x.n * x.pct / 100 + CASE WHEN x.over AND x.n >= 5 THEN 1 ELSE 0 END THEN '1'
                   ELSE {rest} END AS grade
  FROM x
)
UPDATE assessment_result r SET grade = g.grade,
  stage = CASE WHEN g.grade IS NULL THEN 'EVALUATION' ELSE {stage} END,
  score = CASE g.grade WHEN '1' THEN 92 + g.u % 8 WHEN '2' THEN 78 + g.u % 14 WHEN '3' THEN 65 + g.u % 10 WHEN '4' THEN 50 + g.u % 10 ELSE 75 + g.u % 15 END,
  publicity_from = CASE WHEN g.grade IS NOT NULL AND {publicity} THEN current_date - 20 END,
  publicity_to = CASE WHEN g.grade IS NOT NULL AND {publicity} THEN current_date - 8 END,
  confirmed_at = CASE WHEN g.grade IS NOT NULL AND {stage} = 'CONFIRMED' THEN now() END,
  confirmed_by = CASE WHEN g.grade IS NOT NULL AND {stage} = 'CONFIRMED' THEN 'bench' END,
  version = r.version + 1, updated_at = now(), updated_by = 'bench'
FROM g WHERE r.period_id = g.period_id AND r.person_id = g.person_id;
ANALYZE assessment_result;
""".format(u=u, period=period_id, over=int(over_quota_units * 1000), ungraded=int(ungraded * 1000), rest=REST.format(u='x.u'),
           stage=stage_expr, publicity='TRUE' if publicity else 'FALSE')


# What AssessmentPeriods.open does, in SQL: the period, the population (insertPopulation's INSERT … SELECT)
# and the schemes in one UPDATE (valid for province-owned schemes only, as `schemes` creates them).
OPEN_BY_SQL = """
INSERT INTO assessment_period (org_id, kind, year, name, status, publicity_days, excellent_percent, opened_by)
VALUES ({org}, 'ANNUAL', {y}, '{y}年度考核', 'OPEN', 5, 20, 'bench');
INSERT INTO assessment_result (period_id, person_id, org_id, stage, updated_by)
SELECT (SELECT id FROM assessment_period WHERE org_id = {org} AND kind = 'ANNUAL' AND year = {y}), c.person_id, c.org_id, 'SELF_SUMMARY', 'bench'
FROM cadre_view c JOIN org_organization o ON o.id = c.org_id JOIN person_view p ON p.id = c.person_id
WHERE o.path LIKE '{path}%' AND p.active;
WITH t AS (
  SELECT c.person_id, CASE c.category WHEN '参公' THEN '参公事业单位' WHEN '事业' THEN '事业单位' WHEN '国企' THEN '国有企业' ELSE '机关' END AS unit_category,
         CASE WHEN c.post_level IS NOT NULL THEN '领导班子成员' ELSE coalesce(c.job_class, '综合管理类') END AS post_type
  FROM cadre_view c)
UPDATE assessment_result r SET scheme_id = (
  SELECT s.id FROM assessment_scheme s WHERE s.org_id = {org} AND s.unit_category = t.unit_category
    AND s.post_type IN (t.post_type, CASE WHEN t.post_type = '领导班子成员' THEN NULL ELSE '综合管理类' END)
    AND s.valid_from <= make_date({y}, 12, 31) AND (s.valid_to IS NULL OR s.valid_to >= make_date({y}, 12, 31))
  ORDER BY s.post_type = t.post_type DESC, s.valid_from DESC, s.id DESC LIMIT 1)
FROM t WHERE t.person_id = r.person_id AND r.period_id = (SELECT id FROM assessment_period WHERE org_id = {org} AND kind = 'ANNUAL' AND year = {y});
"""


def find_period(api, org_id, year):
    _, periods = api.get('/api/v1/assessment/periods?year=%d&kind=ANNUAL&size=100' % year)
    for p in periods if isinstance(periods, list) else periods.get('content', []):
        if p.get('orgId') == org_id and p.get('year') == year and p.get('kind') == 'ANNUAL':
            return p['id']
    return None


def open_period(api, org_id, year):
    ms, body = api.call('POST', '/api/v1/assessment/periods', 'province', {'kind': 'ANNUAL', 'year': year, 'orgId': org_id})
    return body['id'], ms


def schemes(api, args):
    _, existing = api.get('/api/v1/assessment/schemes?size=100')
    items = existing if isinstance(existing, list) else existing.get('content', [])
    if items:
        print('%d schemes exist already' % len(items))
        return
    root = api.get('/api/v1/organizations')[1][0]
    indicators = [{'name': n, 'weight': w, 'method': 'SCORE', 'minScore': '0', 'maxScore': '100'}
                  for n, w in (('德', '20'), ('能', '20'), ('勤', '15'), ('绩', '35'), ('廉', '10'))]
    n = 0
    for category in ('机关', '参公事业单位', '事业单位', '国有企业'):
        for post in ('综合管理类', '领导班子成员'):
            api.call('POST', '/api/v1/assessment/schemes', 'province', {
                'orgId': root['id'], 'name': '%s%s考核方案' % (category, post), 'unitCategory': category, 'postType': post,
                'validFrom': '2020-01-01', 'indicators': indicators})
            n += 1
    print('created %d schemes at %s' % (n, root['name']))


def cadres_in(api, org_id):
    return api.get('/api/v1/cadres?orgId=%d&page=0&size=1' % org_id)[1]['page']['totalElements']


def confirm(api, args):
    sql = Sql(args.dir, args.pg_url)
    org_id = args.org_id
    if org_id is None:
        _, cities, _ = api.tree()
        sizes = sorted((abs(cadres_in(api, c['id']) - args.target), c['id'], c['name']) for c in cities)
        _, org_id, name = sizes[0]
        print('chosen: %s (id %d), nearest %d cadres' % (name, org_id, args.target))
    print('| year | period | opened (population + schemes) ms | assessed | with scheme | setup SQL s | confirm ms | people | units | skipped | warnings re-evaluated after (s) |')
    print('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
    confirm_ms, open_ms = [], []
    for year in [int(y) for y in args.years.split(',')]:
        period, o_ms = open_period(api, org_id, year)
        counts = sql.rows('SELECT count(*), count(scheme_id) FROM assessment_result WHERE period_id = %d;' % period)[0]
        _, setup_s = sql.run(grading_sql(period, "'PUBLICITY'"))
        started = sql.rows("SELECT now();")[0][0]
        c_ms, body = api.call('POST', '/api/v1/assessment/periods/%d/confirm?orgId=%d' % (period, org_id), 'province')
        # the asynchronous re-evaluation of warnings for the persons whose annual result changed
        t_end = time.time()
        async_s = 'not done in %d s' % args.async_timeout
        while time.time() - t_end < args.async_timeout:
            rows = sql.rows("""SELECT count(*), count(*) FILTER (WHERE completion_date IS NOT NULL), count(*) FILTER (WHERE status = 'FAILED'),
                extract(epoch FROM max(completion_date)) FROM event_publication
                WHERE event_type LIKE '%%AnnualResultsRecorded' AND publication_date >= '%s';""" % started)
            n, done, failed, last = rows[0]
            if n != '0' and int(done) + int(failed) == int(n):
                async_s = ('%.1f' % max(0.0, float(last) - t_end)) if failed == '0' else 'FAILED (seen after %.1f s)' % (time.time() - t_end)
                break
            time.sleep(0.5)
        confirm_ms.append(c_ms)
        open_ms.append(o_ms)
        print('| %d | %d | %.0f | %s | %s | %.1f | %.0f | %d | %d | %d | %s |' % (year, period, o_ms, counts[0], counts[1], setup_s, c_ms,
              body['people'], body['units'], len(body['skipped']), async_s), flush=True)
    print('confirm: median %.0f ms, max %.0f ms (n=%d); open: median %.0f ms, max %.0f ms' % (
        statistics.median(confirm_ms), max(confirm_ms), len(confirm_ms), statistics.median(open_ms), max(open_ms)))


def distribution(api, args):
    sql = Sql(args.dir, args.pg_url)
    root, _, counties = api.tree()
    for year, stage in ((args.prev_year, "'CONFIRMED'"),
                        (args.year, "CASE WHEN g.u % 10 = 0 THEN 'CONFIRMED' ELSE 'PUBLICITY' END")):
        period, ms = find_period(api, root['id'], year), None
        if period is None and args.open_by_sql:
            t0 = time.perf_counter()
            sql.run(OPEN_BY_SQL.format(y=year, org=root['id'], path='/%d/' % root['id']))
            period, ms = find_period(api, root['id'], year), (time.perf_counter() - t0) * 1000
            print('(%d: opened by SQL — the population INSERT of AssessmentRepository.insertPopulation and one set-based scheme UPDATE)' % year)
        if period is None:
            period, ms = open_period(api, root['id'], year)
        n, graded = sql.rows('SELECT count(*), count(grade) FROM assessment_result WHERE period_id = %d;' % period)[0]
        if graded == '0':
            _, s = sql.run(grading_sql(period, stage, over_quota_units=0.0 if year == args.prev_year else 0.02,
                                       ungraded=0.0 if year == args.prev_year else 0.05))
            print('%d年度 over %s: period %d, %s results, %s to open, %.1f s to grade (SQL)' % (
                year, root['name'], period, n, 'existed' if ms is None else '%.1f s' % (ms / 1000), s), flush=True)
        else:
            print('%d年度 over %s: period %d exists, %s results, %s graded' % (year, root['name'], period, n, graded), flush=True)
    period = find_period(api, root['id'], args.year)
    rnd = random.Random(args.seed)
    county_user_org = None
    me = api.get('/api/v1/organizations', 'county')[1]
    if me:
        county_user_org = me[0]['id']
    path = '/api/v1/assessment/periods/%d/distribution' % period
    cases = [
        ('province user, random county (orgId)', lambda: api.get('%s?orgId=%d' % (path, rnd.choice(counties)['id']), 'province')),
        ('county user, own county (orgId)', lambda: api.get('%s?orgId=%d' % (path, county_user_org), 'county')),
        ('county user, whole jurisdiction (no orgId)', lambda: api.get(path, 'county')),
    ]
    if args.city:
        _, cities, _ = api.tree()
        cases.append(('province user, random city (orgId)', lambda: api.get('%s?orgId=%d' % (path, rnd.choice(cities)['id']), 'province')))
    print('| request | n | median ms | p95 ms | p99 ms | max ms | units (last) | graded (last) |')
    print('|---|---:|---:|---:|---:|---:|---:|---:|')
    for name, call in cases:
        for _ in range(args.warmup):
            call()
        times = []
        for _ in range(args.iterations):
            ms, body = call()
            times.append(ms)
        print('| %s | %d | %.1f | %.1f | %.1f | %.1f | %s | %s |' % (name, len(times), statistics.median(times), percentile(times, 95),
              percentile(times, 99), max(times), body['units']['page']['totalElements'] if 'page' in body.get('units', {}) else '?',
              body['total']['graded']), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--base', default='http://localhost:8080')
    ap.add_argument('--dir', default='bench-data/province', help='the data set the application runs on (to find its PostgreSQL)')
    ap.add_argument('--pg-url', help='jdbc:postgresql://localhost:PORT/postgres instead of finding it')
    sub = ap.add_subparsers(dest='command', required=True)
    sub.add_parser('schemes')
    c = sub.add_parser('confirm')
    c.add_argument('--years', default='2023,2022,2021', help='one fresh period per year, each a timed run')
    c.add_argument('--org-id', type=int)
    c.add_argument('--target', type=int, default=15000)
    c.add_argument('--async-timeout', type=int, default=300)
    d = sub.add_parser('distribution')
    d.add_argument('--year', type=int, default=2025)
    d.add_argument('--prev-year', type=int, default=2024)
    d.add_argument('--iterations', type=int, default=200)
    d.add_argument('--warmup', type=int, default=30)
    d.add_argument('--seed', type=int, default=7)
    d.add_argument('--city', action='store_true', help='also random cities as the province user')
    d.add_argument('--open-by-sql', action='store_true',
                   help='create the province periods in SQL (opening over the province through the API takes > 9 minutes: one scheme lookup and UPDATE per unit × category × post type)')
    args = ap.parse_args()
    api = Api(args.base)
    {'schemes': schemes, 'confirm': confirm, 'distribution': distribution}[args.command](api, args)


if __name__ == '__main__':
    main()
