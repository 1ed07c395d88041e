#!/usr/bin/env python3
"""End-to-end timings of the issue-5 warning evaluation against a running application (loopback only).

    python3 bench/warning-api.py --base http://localhost:8190 facts                       # supervision facts by SQL (once)
    python3 bench/warning-api.py --base http://localhost:8190 full --runs 5 [--reset]     # POST /api/v1/warnings/rules/evaluate
    python3 bench/warning-api.py --base http://localhost:8190 person --iterations 200 --warmup 30 [--with-warnings]
    python3 bench/warning-api.py startup bench-data/app.out                               # the first evaluation at start, from the log

Needs the province data set with cadre files and the application running on it
(`SERVER_PORT=8190 ZUGONG_DATA_DIR=bench-data/province ./mvnw -B -o spring-boot:run`), the account
`province` (password Zugong@2026) with `warning:rules` (data sets generated before issue 5 lack it:
insert it into access_role_permission for PROVINCE and COUNTY_BENCH). SQL goes through
`org.zugong.bench.ProvinceSql --url` to the application's embedded PostgreSQL, found by its data folder
(`--dir`, default bench-data/province); the classpath file target/bench-classpath.txt must exist (see
bench/README.md).

facts: runs bench/sql/warning-facts.sql (提醒谈话, 函询, 信访, report checks, probation ends) so every
default rule has work. Run it once per data set (it inserts unconditionally); with the application
stopped, run the file through ProvinceSql --dir instead.
full: times the full evaluation (every enabled rule over every cadre) --runs times; prints the engine's
"millis" and the HTTP time. --reset deletes every warning (and its events and actions) first, so the
first run raises everything again, as the first evaluation of an installation does.
person: times POST …/evaluate?personId=<random cadre> after --warmup requests: p50/p95/p99/max of the
engine time ("millis") and of the HTTP round trip. --with-warnings draws only cadres with an open warning
(so the raise/keep branches have rows), otherwise from all active cadres.
startup: the first evaluation after the first start (WarningRuleNavigation.firstEvaluation runs on
ApplicationReadyEvent, after "智慧组工云已启动"); prints the time to the log line "预警全量评估".
Standard library only.
"""
import argparse, datetime, json, os, random, re, statistics, subprocess, sys, time, urllib.error, urllib.request


from benchlib import Api, Sql, percentile


def facts(api, args):
    sql = Sql(args.dir)
    t0 = time.perf_counter()
    with open('bench/sql/warning-facts.sql') as f:
        sql.run(f.read())
    print('facts added in %.1f s' % (time.perf_counter() - t0))
    for r in sql.rows('SELECT kind, status, count(*) FROM supervision_record GROUP BY 1, 2 ORDER BY 1, 2') + sql.rows(
            'SELECT result, count(*) FROM supervision_report_check GROUP BY 1 ORDER BY 1'):
        print('\t'.join(r))


def full(api, args):
    if args.reset:
        Sql(args.dir).run('DELETE FROM warning_action;\nDELETE FROM warning_event;\nDELETE FROM warning;\nVACUUM ANALYZE warning;\n'
                          'VACUUM ANALYZE warning_event;\n')
        print('warnings deleted')
    steady = []
    for i in range(args.runs):
        ms, o = api.post('/api/v1/warnings/rules/evaluate')
        print('run %d: raised %d, kept %d, closed %d — engine %d ms, HTTP %.0f ms' % (i + 1, o['raised'], o['kept'], o['closed'], o['millis'], ms),
              flush=True)
        if o['raised'] == 0 and o['closed'] == 0:
            steady.append((o['millis'], ms))
    if steady:
        print('steady runs (nothing raised or closed): n=%d, engine median %.0f ms (min %d, max %d), HTTP median %.0f ms'
              % (len(steady), statistics.median(s[0] for s in steady), min(s[0] for s in steady), max(s[0] for s in steady),
                 statistics.median(s[1] for s in steady)))


def person(api, args):
    sql = Sql(args.dir)
    if args.with_warnings:
        pool = [int(r[0]) for r in sql.rows("SELECT DISTINCT person_id FROM warning WHERE status <> 'CLOSED'")]
    else:
        pool = [int(r[0]) for r in sql.rows(
            'SELECT c.person_id FROM cadre_profile c JOIN person_person p ON p.id = c.person_id WHERE p.active')]
    print('%d candidate cadres' % len(pool))
    rnd = random.Random(args.seed)
    engine, http, outcomes = [], [], {'raised': 0, 'kept': 0, 'closed': 0}
    for i in range(args.warmup + args.iterations):
        ms, o = api.post('/api/v1/warnings/rules/evaluate?personId=%d' % rnd.choice(pool))
        if i >= args.warmup:
            engine.append(o['millis'])
            http.append(ms)
            for k in outcomes:
                outcomes[k] += o[k]
    print('%d requests after %d warm-ups; totals: raised %d, kept %d, closed %d'
          % (args.iterations, args.warmup, outcomes['raised'], outcomes['kept'], outcomes['closed']))
    print('| measure | median | p95 | p99 | max |')
    print('|---|---:|---:|---:|---:|')
    for name, v in (('engine ("millis")', engine), ('HTTP round trip', http)):
        print('| %s | %.1f | %.1f | %.1f | %.1f |' % (name, statistics.median(v), percentile(v, 95), percentile(v, 99), max(v)))


def startup(args):
    ready = done = None
    with open(args.log, encoding='utf-8', errors='replace') as f:
        for line in f:
            stamp = line[:23]
            if '智慧组工云已启动' in line:
                ready = datetime.datetime.fromisoformat(stamp)
            elif '预警全量评估' in line and ready and not done:
                done = datetime.datetime.fromisoformat(stamp)
                print(line.strip())
    if not (ready and done):
        raise SystemExit('no first evaluation in the log (it runs only when warning_event is empty)')
    print('first evaluation: %.1f s after the application was ready' % (done - ready).total_seconds())


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--base', default='http://localhost:8190')
    p.add_argument('--dir', default='bench-data/province')
    sub = p.add_subparsers(dest='cmd', required=True)
    sub.add_parser('facts')
    f = sub.add_parser('full')
    f.add_argument('--runs', type=int, default=5)
    f.add_argument('--reset', action='store_true')
    o = sub.add_parser('person')
    o.add_argument('--iterations', type=int, default=200)
    o.add_argument('--warmup', type=int, default=30)
    o.add_argument('--seed', type=int, default=5)
    o.add_argument('--with-warnings', action='store_true')
    s = sub.add_parser('startup')
    s.add_argument('log')
    args = p.parse_args()
    if args.cmd == 'startup':
        return startup(args)
    api = Api(args.base)
    {'facts': facts, 'full': full, 'person': person}[args.cmd](api, args)


if __name__ == '__main__':
    main()
