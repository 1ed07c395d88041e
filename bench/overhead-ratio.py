#!/usr/bin/env python3
"""Issue 8 item 3 — the overhead ratio: for each key list and detail request, the application's time
against the database's own execution time of the SQL that very request ran.

    python3 bench/overhead-ratio.py --base http://localhost:8190 --data-dir bench-data/province [--iterations 50]

The database side comes from pg_stat_statements on the application's embedded PostgreSQL: reset, N
identical requests, then the execution time the server itself measured for every statement the
application's role ran meanwhile (the key query, and the token, permission, jurisdiction and audit
statements around it) — the same SQL with the same parameters, without the cost EXPLAIN ANALYZE adds.
The application side is the request's time seen by this client on loopback (HTTP on loopback included,
so the ratio errs high). ratio = application mean / database time per request; "key" is the share of the
slowest statement.

pg_stat_statements must be preloaded: the first run sets shared_preload_libraries in the data folder's
postgresql.auto.conf and asks for a restart of the application. Needs target/bench-classpath.txt (made
by bench/generate-dataset.sh). Standard library only.
"""
import argparse, json, random, statistics, sys, urllib.parse

from benchlib import Api, Sql, percentile


def items(body):
    if isinstance(body, dict):
        for key in ('content', 'items', 'results', 'records'):
            if isinstance(body.get(key), list):
                return body[key]
        return []
    return body if isinstance(body, list) else []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--base', default='http://localhost:8190')
    ap.add_argument('--data-dir', default='bench-data/province')
    ap.add_argument('--iterations', type=int, default=50)
    ap.add_argument('--warmup', type=int, default=20)
    ap.add_argument('--seed', type=int, default=7)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    api = Api(args.base)
    sql = Sql(args.data_dir)

    preload = sql.rows("SELECT current_setting('shared_preload_libraries')")[0][0]
    if 'pg_stat_statements' not in preload:
        sql.rows("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'")
        raise SystemExit('pg_stat_statements is now preloaded in the data folder: restart the application and run this again')
    sql.run("CREATE EXTENSION IF NOT EXISTS pg_stat_statements;\nALTER SYSTEM SET pg_stat_statements.track = 'all';\nSELECT pg_reload_conf();")
    app_role = sql.rows("SELECT string_agg(rolname, ',') FROM pg_roles WHERE rolname = 'zugong_app'")[0][0]

    _, _, counties = api.tree()
    county_ids = [c['id'] for c in counties]
    persons = items(api.get('/api/v1/persons?page=0&size=20', 'county')[1])
    cadres = items(api.get('/api/v1/cadres?page=0&size=20', 'county')[1])
    records = items(api.get('/api/v1/recruitment/candidates?page=0&size=20', 'county')[1])
    supervision = items(api.get('/api/v1/supervision/records?page=0&size=20', 'county')[1])
    wang = urllib.parse.quote('王')

    def ident(row, *keys):
        for k in keys:
            if k in row:
                return row[k]
        raise SystemExit('no id in %s' % json.dumps(row)[:300])

    cases = {
        'organization children (one county)': ('province', lambda: '/api/v1/organizations?parentId=%d' % rnd.choice(county_ids)),
        'organization detail': ('province', lambda: '/api/v1/organizations/%d' % rnd.choice(county_ids)),
        'persons, first page (county user)': ('county', lambda: '/api/v1/persons?page=0&size=20'),
        "persons, one county + name '王', first page": ('province', lambda: '/api/v1/persons?orgId=%d&name=%s&page=0&size=20' % (rnd.choice(county_ids), wang)),
        'person detail': ('county', lambda: '/api/v1/persons/%d' % ident(rnd.choice(persons), 'id')),
        'cadres, first page (county user)': ('county', lambda: '/api/v1/cadres?page=0&size=20'),
        'cadre file detail': ('county', lambda: '/api/v1/cadres/%d' % ident(rnd.choice(cadres), 'personId', 'id')),
        'warnings, first page (county user)': ('county', lambda: '/api/v1/warnings?page=0&size=20'),
        'development records, first page (county user)': ('county', lambda: '/api/v1/recruitment/candidates?page=0&size=20'),
        'development record detail': ('county', lambda: '/api/v1/recruitment/candidates/%d' % ident(rnd.choice(records), 'id')),
        'supervision records, first page (county user)': ('county', lambda: '/api/v1/supervision/records?page=0&size=20'),
    }
    if not records:
        del cases['development record detail']
    if not cadres:
        del cases['cadre file detail']

    print('| request | n | app median ms | app mean ms | app p95 ms | DB ms per request | statements per request | key statement ms | ratio |')
    print('|---|---|---|---|---|---|---|---|---|')
    for name, (user, path) in cases.items():
        for _ in range(args.warmup):
            ms, status, body = api.request('GET', path(), user)
            if status != 200:
                raise SystemExit('%s: HTTP %d %s' % (name, status, body[:300]))
        sql.rows('SELECT pg_stat_statements_reset()')
        times = [api.request('GET', path(), user)[0] for _ in range(args.iterations)]
        stats = sql.rows("""
            SELECT coalesce(sum(total_exec_time), 0), coalesce(sum(calls), 0), coalesce(max(total_exec_time / calls), 0)
            FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid
            WHERE r.rolname = '%s' AND s.calls > 0""" % app_role)[0]
        db_total, calls, key = float(stats[0]), int(stats[1]), float(stats[2])
        db_per_request = db_total / args.iterations
        mean = statistics.mean(times)
        print('| %s | %d | %.1f | %.1f | %.1f | %.2f | %.1f | %.2f | %.1f |' % (
            name, len(times), statistics.median(times), mean, percentile(times, 95), db_per_request,
            calls / args.iterations, key, mean / db_per_request if db_per_request else float('inf')))
        sys.stdout.flush()


if __name__ == '__main__':
    main()
