#!/usr/bin/env python3
"""End-to-end timing of the issue-6 排查整顿 over stored development records (loopback only).

    python3 bench/recruitment-api.py --base http://localhost:8190 --dir bench-data/demo load --records 100000
    python3 bench/recruitment-api.py --base http://localhost:8190 --dir bench-data/demo audit --runs 5 [--user city]
    python3 bench/recruitment-api.py --base http://localhost:8190 --dir bench-data/demo reset

Runs against the application started on a data folder (`SERVER_PORT=8190 ZUGONG_DATA_DIR=bench-data/demo
./mvnw -B -o spring-boot:run`, the demo city; or the province data set with --user province). SQL goes through
`org.zugong.bench.ProvinceSql --url` to that application's embedded PostgreSQL (target/bench-classpath.txt must
exist, see bench/README.md).

load: inserts --records complete development records (application to conversion approval, 2 introducers,
2 half-yearly assessments, both pre-reviews; created_by = 'bench') spread over every active 党支部/联合党支部
and over persons born before 1996, with set-based SQL (one statement per table). Records are lawful except two
injected faults: a talk after 45 days for every 40th record (TALK_LATE) and a probationary introducer for every
40th other one (INTRODUCER_NOT_FULL_MEMBER) — so about 5 % of the records break exactly one rule each.
audit: times GET /api/v1/recruitment/audit/records (the whole jurisdiction of --user) --runs times, prints the
HTTP time of each, the median, and what the report counted (which must match the injected faults plus the
demo's own seeded ones).
reset: deletes the bench records and their children. Standard library only.
"""
import argparse, json, statistics, sys

from benchlib import Api, Sql

LOAD = """
WITH b AS (SELECT array_agg(id ORDER BY id) a FROM org_organization
           WHERE kind IN ('PARTY_BRANCH', 'PARTY_JOINT_BRANCH') AND active),
     p AS (SELECT array_agg(id ORDER BY id) a FROM person_person WHERE active AND birth_date < DATE '1996-01-01'),
     g AS (SELECT g, DATE '2015-01-05' + (g * 37 %% 2900)::int AS app FROM generate_series(1::bigint, %(records)d) g)
INSERT INTO recruitment_candidate (person_id, branch_org_id, stage, application_date, talk_date, activist_date,
  development_target_date, political_review_date, political_review_passed, training_days, training_hours,
  notice_start, notice_end, admission_date, admission_due, admission_present, admission_for, admission_written,
  approval_date, conversion_date, conversion_due, conversion_present, conversion_for, conversion_written,
  conversion_approval_date, created_by, updated_by)
SELECT p.a[1 + (g * 7919) %% cardinality(p.a)], b.a[1 + (g * 104729) %% cardinality(b.a)], 'FULL_MEMBER', app,
  app + CASE WHEN g %% 40 = 0 THEN 45 ELSE 20 END, app + 60, app + 440, app + 470, TRUE, 3, 24,
  app + 480, app + 494, app + 510, 20, 18, 15, 0, app + 530, app + 885, 20, 18, 16, 0, app + 905, 'bench', 'bench'
FROM g, b, p;
WITH p AS (SELECT array_agg(id ORDER BY id) a FROM person_person WHERE active)
INSERT INTO recruitment_contact (candidate_id, person_id, role, status)
SELECT c.id, p.a[1 + (c.id * 31 + k) %% cardinality(p.a)], 'INTRODUCER',
  CASE WHEN k = 2 AND c.id %% 40 = 20 THEN 'PROBATIONARY' ELSE 'FULL' END
FROM recruitment_candidate c, p, generate_series(1, 2) k WHERE c.created_by = 'bench';
INSERT INTO recruitment_assessment (candidate_id, assessment_date)
SELECT c.id, c.application_date + d FROM recruitment_candidate c, unnest(ARRAY[230, 400]) d WHERE c.created_by = 'bench';
INSERT INTO recruitment_pre_review (candidate_id, level, review_date, passed)
SELECT c.id, l.level, c.notice_end + l.days, TRUE FROM recruitment_candidate c,
  (VALUES ('PARTY_COMMITTEE', 3), ('COUNTY_DEPARTMENT', 6)) l(level, days) WHERE c.created_by = 'bench';
ANALYZE recruitment_candidate;
ANALYZE recruitment_contact;
ANALYZE recruitment_assessment;
ANALYZE recruitment_pre_review;
"""

RESET = """
DELETE FROM recruitment_contact WHERE candidate_id IN (SELECT id FROM recruitment_candidate WHERE created_by = 'bench');
DELETE FROM recruitment_assessment WHERE candidate_id IN (SELECT id FROM recruitment_candidate WHERE created_by = 'bench');
DELETE FROM recruitment_pre_review WHERE candidate_id IN (SELECT id FROM recruitment_candidate WHERE created_by = 'bench');
DELETE FROM recruitment_candidate WHERE created_by = 'bench';
"""


def load(api, sql, args):
    _, seconds = sql.run(LOAD % {'records': args.records})
    counts = sql.rows("SELECT count(*), count(*) FILTER (WHERE talk_date - application_date > 30),"
                      " (SELECT count(DISTINCT candidate_id) FROM recruitment_contact r JOIN recruitment_candidate c"
                      "  ON c.id = r.candidate_id WHERE c.created_by = 'bench' AND r.status <> 'FULL')"
                      " FROM recruitment_candidate WHERE created_by = 'bench'")[0]
    print('loaded %s bench records in %.1f s (TALK_LATE injected: %s, INTRODUCER_NOT_FULL_MEMBER injected: %s)'
          % (counts[0], seconds, counts[1], counts[2]))


def audit(api, sql, args):
    total = sql.rows('SELECT count(*) FROM recruitment_candidate')[0][0]
    times = []
    report = None
    for i in range(args.runs):
        ms, status, body = api.request('GET', '/api/v1/recruitment/audit/records', args.user)
        if status != 200:
            raise SystemExit('HTTP %d %s' % (status, body[:500].decode('utf-8', 'replace')))
        report = json.loads(body)
        times.append(ms / 1000)
        print('run %d: %.2f s, %d bytes' % (i + 1, ms / 1000, len(body)))
    print('records stored: %s; audited: %d, with violations: %d, violations: %d, record errors: %d'
          % (total, report['audited'], report['recordsWithViolations'], report['violations'], len(report['recordErrors'])))
    for r in report['byRule']:
        print('  %-28s %s  %d' % (r['rule'], r['article'], r['violations']))
    print('median %.2f s, min %.2f s, max %.2f s over %d runs' % (statistics.median(times), min(times), max(times), len(times)))


def reset(api, sql, args):
    _, seconds = sql.run(RESET)
    print('bench records deleted in %.1f s' % seconds)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--base', default='http://localhost:8190')
    p.add_argument('--dir', default='bench-data/demo')
    sub = p.add_subparsers(dest='cmd', required=True)
    l = sub.add_parser('load')
    l.add_argument('--records', type=int, default=100_000)
    a = sub.add_parser('audit')
    a.add_argument('--runs', type=int, default=5)
    a.add_argument('--user', default='city')
    sub.add_parser('reset')
    args = p.parse_args()
    {'load': load, 'audit': audit, 'reset': reset}[args.cmd](Api(args.base), Sql(args.dir), args)


if __name__ == '__main__':
    main()
