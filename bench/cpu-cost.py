#!/usr/bin/env python3
"""Issue 8 — the CPU each request type of the load test's mix costs, one request at a time.

    python3 bench/cpu-cost.py --base http://localhost:8190 --data-dir bench-data/province [--iterations 60] [--only cadre]

Under load the two cores are the limit (docs/benchmarks.md, "What the targets ask of 2 cores"): the mix's
throughput cannot exceed 2,000 CPU-ms per second divided by the mix's CPU-ms per request. This script measures
that figure directly. For each request type of bench/load's StaffMixSimulation it sends warm-up requests, then
N sequential ones on one keep-alive connection, and reads the CPU time (user + system, /proc) the application's
JVM and the PostgreSQL server of the data folder (postmaster, its backends and those that exited meanwhile)
spent over them. Printed per type: median wall time, application and database CPU-ms per request; then the
mix's weighted CPU-ms per request and the throughput ceiling it implies on this machine's cores. Loopback only,
standard library only; the JVM's CPU includes its background threads (GC, JIT), which is what the load sees too.
"""
import argparse, http.client, http.cookiejar, json, os, random, re, statistics, sys, time, urllib.parse, urllib.request

from benchlib import PASSWORD, Api, postmaster

TICK = os.sysconf('SC_CLK_TCK')


def cpu_ticks(pid, children_exited=False):
    with open('/proc/%d/stat' % pid) as f:
        fields = f.read().rsplit(')', 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])           # utime, stime
    if children_exited:
        ticks += int(fields[13]) + int(fields[14])      # cutime, cstime: backends that exited
    return ticks


def postgres_pids(pg_dir):
    """The postmaster of the data folder and its children (the backends and background workers)."""
    found = postmaster(pg_dir)
    if found is None:
        raise SystemExit('no PostgreSQL running on %s' % pg_dir)
    children = []
    for pid in os.listdir('/proc'):
        if pid.isdigit():
            try:
                with open('/proc/%s/stat' % pid) as f:
                    if int(f.read().rsplit(')', 1)[1].split()[1]) == found[0]:
                        children.append(int(pid))
            except OSError:
                continue
    return found[0], children


def database_ticks(pg_dir):
    master, children = postgres_pids(pg_dir)
    total = cpu_ticks(master, children_exited=True)
    for pid in children:
        try:
            total += cpu_ticks(pid)
        except OSError:
            pass  # exited between the listing and the read: counted in cutime from now on
    return total


def application_pid(port):
    """The JVM listening on the port (found through its socket inode)."""
    inodes = set()
    for table in ('/proc/net/tcp', '/proc/net/tcp6'):
        with open(table) as f:
            for line in f.readlines()[1:]:
                parts = line.split()
                if int(parts[1].rsplit(':', 1)[1], 16) == port and parts[3] == '0A':
                    inodes.add(parts[9])
    for pid in os.listdir('/proc'):
        if not pid.isdigit():
            continue
        try:
            for fd in os.listdir('/proc/%s/fd' % pid):
                link = os.readlink('/proc/%s/fd/%s' % (pid, fd))
                if link.startswith('socket:[') and link[8:-1] in inodes:
                    return int(pid)
        except OSError:
            continue
    raise SystemExit('nothing listens on port %d' % port)


class Client:
    """One keep-alive connection, as a virtual user of the load test has: bearer token for the API, a page session
    (cookie) for the dashboards."""

    def __init__(self, base, user):
        u = urllib.parse.urlparse(base)
        self.conn = http.client.HTTPConnection(u.hostname, u.port)
        self.cookies = {}
        self.token = self.send('POST', '/api/v1/auth/token', json.dumps({'username': user, 'password': PASSWORD}),
                               'application/json')[1]
        self.token = json.loads(self.token)['token']
        form = self.send('GET', '/login', accept='text/html')[1].decode()
        csrf = re.search(r'name="_csrf"[^>]*value="([^"]+)"', form) or re.search(r'value="([^"]+)"[^>]*name="_csrf"', form)
        body = urllib.parse.urlencode({'username': user, 'password': PASSWORD, '_csrf': csrf.group(1)})
        status, _ = self.send('POST', '/login', body, 'application/x-www-form-urlencoded', accept='text/html')
        if status != 302:
            raise SystemExit('page login failed: HTTP %d' % status)

    def send(self, method, path, body=None, content_type=None, accept='application/json', bearer=False):
        headers = {'Accept': accept, 'Accept-Encoding': 'gzip, deflate'}
        if content_type:
            headers['Content-Type'] = content_type
        if bearer:
            headers['Authorization'] = 'Bearer ' + self.token
        if self.cookies:
            headers['Cookie'] = '; '.join('%s=%s' % kv for kv in self.cookies.items())
        self.conn.request(method, path, body=body, headers=headers)
        r = self.conn.getresponse()
        payload = r.read()
        for header in r.headers.get_all('Set-Cookie') or []:
            name, value = header.split(';', 1)[0].split('=', 1)
            self.cookies[name] = value
        return r.status, payload


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--base', default='http://localhost:8190')
    ap.add_argument('--data-dir', default='bench-data/province')
    ap.add_argument('--user', default='province')
    ap.add_argument('--iterations', type=int, default=60)
    ap.add_argument('--warmup', type=int, default=15)
    ap.add_argument('--only', help='request types whose name contains this text')
    ap.add_argument('--seed', type=int, default=7)
    args = ap.parse_args()
    random.seed(args.seed)
    pg_dir = os.path.abspath(args.data_dir) + '/pg'
    port = urllib.parse.urlparse(args.base).port
    app = application_pid(port)

    # What the requests pick from, as the simulation picks it.
    api = Api(args.base)
    roots = api.get('/api/v1/organizations', args.user)[1]
    tree_nodes = [r['id'] for r in roots]
    counties, cities = [], []
    for r in roots:
        for c in api.get('/api/v1/organizations?parentId=%d' % r['id'], args.user)[1]:
            tree_nodes.append(c['id'])
            (cities if c['kind'] == 'CITY' else counties if c['kind'] == 'COUNTY' else []).append(c['id'])
    for city in cities:
        for c in api.get('/api/v1/organizations?parentId=%d' % city, args.user)[1]:
            tree_nodes.append(c['id'])
            if c['kind'] == 'COUNTY':
                counties.append(c['id'])
    counties = counties or [r['id'] for r in roots]
    cadres, units = [], set()
    for county in random.sample(counties, min(20, len(counties))):
        for c in api.get('/api/v1/cadres?orgId=%d&page=0&size=100' % county, args.user)[1]['content']:
            cadres.append(c['personId'] if 'personId' in c else c['id'])
            units.add(c['orgId'])
    units = sorted(units)
    periods = [p for p in api.get('/api/v1/assessment/periods?page=0&size=50', args.user)[1]
               if any(r['path'].startswith(p['orgPath']) for r in roots)]
    annual = next(p['id'] for p in periods if p['kind'] == 'ANNUAL')
    period_ids = [p['id'] for p in periods]
    pick = random.choice
    # The writes, as the simulation's set-up finds them: results of an open period still before 公示.
    writable, gradable, grade = None, [], None
    for p in api.get('/api/v1/assessment/periods?page=0&size=50', args.user)[1]:
        if p['status'] == 'OPEN' and not gradable:
            results = api.get('/api/v1/assessment/periods/%d/results?page=0&size=200' % p['id'], args.user)[1]['content']
            gradable = [r['personId'] for r in results
                        if r['included'] and not r.get('publicityFrom') and r['stage'] != 'CONFIRMED']
            writable, grade = p['id'], '较好' if p['kind'] == 'ROUTINE' else '2'

    # name, weight in the mix (percent), method, path supplier, page (session) or API (bearer)
    types = [
        ('tree: roots', 5, lambda: '/api/v1/organizations', False),
        ('tree: children', 12, lambda: '/api/v1/organizations?parentId=%d' % pick(tree_nodes), False),
        ('persons: first page', 9, lambda: '/api/v1/persons?orgId=%d&page=0&size=20' % pick(counties), False),
        ('persons: first page, filtered', 7, lambda: '/api/v1/persons?orgId=%d&sex=%d&ageMin=30&ageMax=45&page=0&size=20'
         % (pick(counties), random.randint(1, 2)), False),
        ('cadres: first page', 10, lambda: '/api/v1/cadres?orgId=%d&page=0&size=20' % pick(counties), False),
        ('cadre file', 14, lambda: '/api/v1/cadres/%d' % pick(cadres), False),
        ('assessment: periods', 3, lambda: '/api/v1/assessment/periods?page=0&size=20', False),
        ('assessment: results first page', 5, lambda: '/api/v1/assessment/periods/%d/results?orgId=%d&page=0&size=20'
         % (pick(period_ids), pick(counties)), False),
        ('assessment: units progress', 4, lambda: '/api/v1/assessment/periods/%d/units?orgId=%d&page=0&size=20'
         % (pick(period_ids), pick(counties)), False),
        ('warnings: first page', 7, lambda: '/api/v1/warnings?orgId=%d&status=OPEN&page=0&size=20' % pick(counties), False),
        ('dashboard: warning statistics', 4, lambda: '/warnings/stats', True),
        ('dashboard: grade distribution', 3, lambda: '/assessment/periods/%d/distribution?orgId=%d' % (annual, pick(counties)), True),
        ('dashboard: home', 2, lambda: '/', True),
        ('recruitment: candidates first page', 5, lambda: '/api/v1/recruitment/candidates?orgId=%d&page=0&size=20' % pick(counties), False),
        ('recruitment: calendar', 3, lambda: '/api/v1/recruitment/calendar?orgId=%d&days=30' % pick(counties), False),
        ('cadres: roster.xlsx of one unit', 2, lambda: '/api/v1/cadres/roster.xlsx?orgId=%d&columns=NAME&columns=SEX'
         '&columns=BIRTH&columns=UNIT&columns=CURRENT_POST' % pick(units), False),
    ]
    if gradable:
        types.append(('assessment: enter a grade', 5, lambda: '/api/v1/assessment/periods/%d/results/%d' % (writable, pick(gradable)),
                      False, json.dumps({'grade': grade, 'reason': '负载测试录入'})))
    else:
        print('no open assessment period with results before 公示: the grade entry (5 % of the mix) is left out')
    if args.only:
        types = [t for t in types if args.only in t[0]]
    client = Client(args.base, args.user)
    print('application pid %d, PostgreSQL %s; %d iterations after %d warm-up, user %s, %d counties, %d cadre files'
          % (app, pg_dir, args.iterations, args.warmup, args.user, len(counties), len(cadres)))
    print('| request | weight % | wall p50 ms | app CPU ms | database CPU ms | CPU ms per request |')
    print('|---|---:|---:|---:|---:|---:|')
    weighted = weights = 0.0
    for name, weight, path, page, *body in types:
        # A type with a body is the write: PUT as JSON; the others GET.
        method, payload, content_type = ('PUT', body[0], 'application/json') if body else ('GET', None, None)

        def send():
            return client.send(method, path(), payload, content_type, accept='text/html' if page else 'application/json',
                               bearer=not page)

        for _ in range(args.warmup):
            send()
        walls = []
        a0, d0 = cpu_ticks(app), database_ticks(pg_dir)
        for _ in range(args.iterations):
            t0 = time.perf_counter()
            status, _ = send()
            walls.append((time.perf_counter() - t0) * 1000)
            if status != 200:
                raise SystemExit('%s: HTTP %d' % (name, status))
        a1, d1 = cpu_ticks(app), database_ticks(pg_dir)
        app_ms = (a1 - a0) * 1000 / TICK / args.iterations
        db_ms = (d1 - d0) * 1000 / TICK / args.iterations
        weighted += weight * (app_ms + db_ms)
        weights += weight
        print('| %s | %d | %.1f | %.1f | %.1f | %.1f |' % (name, weight, statistics.median(walls), app_ms, db_ms, app_ms + db_ms))
        sys.stdout.flush()
    per_request = weighted / weights
    cores = os.cpu_count()
    print('\nmix (weighted): %.1f CPU-ms per request -> at most %.0f requests/s on %d cores (application and database '
          'alone, before the load generator\'s share)' % (per_request, cores * 1000 / per_request, cores))


if __name__ == '__main__':
    main()
