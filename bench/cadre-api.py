#!/usr/bin/env python3
"""End-to-end timings of the issue-3 cadre API calls against a running application (loopback only).

    python3 bench/cadre-api.py --base http://localhost:8190 search --iterations 200
    python3 bench/cadre-api.py --base http://localhost:8190 eligibility --runs 7 [--org-id N]
    python3 bench/cadre-api.py --base http://localhost:8190 import --zip bench-data/import-1000.zip [--org-id N] [--dry-run-only]

Needs the province data set with cadre files (accounts `province`, `county`, password Zugong@2026):
start the application on it first, e.g.
`SERVER_PORT=8190 ZUGONG_DATA_DIR=bench-data/province ./mvnw spring-boot:run`.

search: sequential requests (one client, no think time), warm-up first, a random county each request;
prints median, p95, p99 and max per request type (first page of 20 rows with the total count).
eligibility: GET /api/v1/cadres/rank-eligibility for a subtree (default: the city whose list is nearest
15,000 cadres, found by asking once per city); one warm-up, then --runs timed runs.
import: POST /api/v1/cadres/lrmx with the zip, first dryRun=true (preview), then for real (skipped with
--dry-run-only); each zip can be imported for real once (its ID numbers are then registered).
Standard library only.
"""
import argparse, json, random, re, statistics, time, urllib.error, urllib.parse, urllib.request, uuid


from benchlib import Api, percentile


def search(api, args):
    rnd = random.Random(args.seed)
    _, _, counties = api.tree()
    counties = [c['id'] for c in counties]
    print('counties found: %d' % len(counties))
    q = urllib.parse.quote
    filters = [
        ('', ''),
        ('age 40-50 + sex male', '&ageMin=40&ageMax=50&sex=1'),
        ('post level 乡科级正职', '&postLevel=' + q('乡科级正职')),
        ('rank 四级主任科员 + yearsInRankMin=2', '&rank=' + q('四级主任科员') + '&yearsInRankMin=2'),
        ('sanctioned=true', '&sanctioned=true'),
    ]
    cases = {}
    for label, f in filters:
        cases['province user, county subtree (orgId)%s' % (', ' + label if label else '')] = \
            (lambda f=f: api.get('/api/v1/cadres?orgId=%d&page=0&size=20%s' % (rnd.choice(counties), f), 'province'))
    for label, f in filters:
        cases['county user, own jurisdiction%s' % (', ' + label if label else '')] = \
            (lambda f=f: api.get('/api/v1/cadres?page=0&size=20%s' % f, 'county'))
    if args.province_wide:
        for label, f in filters:
            cases['province user, whole province%s' % (', ' + label if label else '')] = \
                (lambda f=f: api.get('/api/v1/cadres?page=0&size=20%s' % f, 'province'))
    print('| request | n | median ms | p95 ms | p99 ms | max ms | total (last) |')
    print('|---|---:|---:|---:|---:|---:|---:|')
    for name, call in cases.items():
        for _ in range(args.warmup):
            call()
        times, total = [], None
        for _ in range(args.iterations):
            ms, body = call()
            times.append(ms)
            total = body['page']['totalElements']
        print('| %s | %d | %.1f | %.1f | %.1f | %.1f | %s |' % (name, len(times), statistics.median(times),
              percentile(times, 95), percentile(times, 99), max(times), total), flush=True)


def eligibility(api, args):
    date = args.date
    org_id = args.org_id
    if org_id is None:
        _, cities, _ = api.tree()
        sizes = []
        for c in cities:
            ms, body = api.get('/api/v1/cadres/rank-eligibility?orgId=%d&date=%s' % (c['id'], date), 'province')
            n = len(body)
            sizes.append((abs(n - 15000), c['id'], c['name'], n, ms))
            print('  %s (id %d): %d cadres listed, %.0f ms' % (c['name'], c['id'], n, ms), flush=True)
        _, org_id, name, n, _ = min(sizes)
        print('chosen: %s (id %d), %d cadres' % (name, org_id, n))
    path = '/api/v1/cadres/rank-eligibility?orgId=%d&date=%s' % (org_id, date)
    api.get(path, 'province')
    times = []
    for _ in range(args.runs):
        ms, body = api.get(path, 'province')
        times.append(ms)
    rows = body
    eligible = sum(1 for r in rows if r['eligible'])
    print('| request | runs | cadres listed | eligible | median ms | max ms | min ms |')
    print('|---|---:|---:|---:|---:|---:|---:|')
    print('| GET %s | %d | %d | %d | %.0f | %.0f | %.0f |' % (path, len(times), len(rows), eligible,
          statistics.median(times), max(times), min(times)))


def import_zip(api, args):
    with open(args.zip, 'rb') as f:
        content = f.read()
    extra = '&orgId=%d' % args.org_id if args.org_id else ''
    name = args.zip.rsplit('/', 1)[-1]
    for dry in ([True] if args.dry_run_only else [True, False]):
        ms, status, payload = api.upload('/api/v1/cadres/lrmx?dryRun=%s%s' % ('true' if dry else 'false', extra), args.user, name, content)
        report = json.loads(payload)
        print('%s: HTTP %d, %.0f ms (%.1f s); imported %d, previews %d, errors %d%s' % (
            'dryRun=true (preview)' if dry else 'import', status, ms, ms / 1000, len(report.get('imported') or []),
            len(report.get('previews') or []), len(report.get('errors') or []),
            ('; first errors: %s' % report['errors'][:3]) if report.get('errors') else ''), flush=True)
        if status != 200:
            break


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--base', default='http://localhost:8080')
    sub = ap.add_subparsers(dest='command', required=True)
    s = sub.add_parser('search')
    s.add_argument('--iterations', type=int, default=200)
    s.add_argument('--warmup', type=int, default=30)
    s.add_argument('--seed', type=int, default=7)
    s.add_argument('--province-wide', action='store_true', help='also the whole province (province user, no orgId)')
    e = sub.add_parser('eligibility')
    e.add_argument('--runs', type=int, default=7)
    e.add_argument('--org-id', type=int)
    e.add_argument('--date', default='2026-06-30')
    i = sub.add_parser('import')
    i.add_argument('--zip', default='bench-data/import-1000.zip')
    i.add_argument('--org-id', type=int)
    i.add_argument('--user', default='province')
    i.add_argument('--dry-run-only', action='store_true')
    args = ap.parse_args()
    api = Api(args.base)
    {'search': search, 'eligibility': eligibility, 'import': import_zip}[args.command](api, args)


if __name__ == '__main__':
    main()
