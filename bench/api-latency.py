#!/usr/bin/env python3
"""End-to-end latency of the issue-2 API calls against a running application (loopback only).

    python3 bench/api-latency.py --base http://localhost:8190 --iterations 200

Needs the province data set's accounts (`province`, `county`, password Zugong@2026): start the
application on it first, e.g. `SERVER_PORT=8190 ZUGONG_DATA_DIR=bench-data/province ./mvnw spring-boot:run`.
Sequential requests (one client, no think time), warm-up first; prints median, p95, p99 and max
per request type. Standard library only.
"""
import argparse, http.cookiejar, json, random, re, statistics, time, urllib.parse, urllib.request

def percentile(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--base', default='http://localhost:8080')
    ap.add_argument('--iterations', type=int, default=200)
    ap.add_argument('--warmup', type=int, default=30)
    ap.add_argument('--seed', type=int, default=7)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    base = args.base.rstrip('/')
    if not re.match(r'^http://(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$', base):
        raise SystemExit('loopback targets only')

    def token(user):
        req = urllib.request.Request(base + '/api/v1/auth/token', method='POST', headers={'Content-Type': 'application/json'},
                                     data=json.dumps({'username': user, 'password': 'Zugong@2026'}).encode())
        return json.load(urllib.request.urlopen(req))['token']

    def get(path, tok):
        req = urllib.request.Request(base + path, headers={'Authorization': 'Bearer ' + tok})
        t0 = time.perf_counter()
        with urllib.request.urlopen(req) as r:
            body = r.read()
        return (time.perf_counter() - t0) * 1000, body

    province, county = token('province'), token('county')
    top = json.loads(get('/api/v1/organizations', province)[1])
    cities = json.loads(get('/api/v1/organizations?parentId=%d' % top[0]['id'], province)[1])
    counties = []
    for c in cities:
        counties += [o['id'] for o in json.loads(get('/api/v1/organizations?parentId=%d' % c['id'], province)[1]) if o['kind'] == 'COUNTY']
    print('counties found: %d' % len(counties))

    # Full ID numbers for the lookup come from the page action that reveals one (audited), via a session.
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login_page = opener.open(base + '/login').read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', login_page).group(1)
    opener.open(base + '/login', data=urllib.parse.urlencode({'username': 'province', 'password': 'Zugong@2026', '_csrf': csrf}).encode())
    home = opener.open(base + '/persons?size=1').read().decode()
    meta = re.search(r'name="_csrf" content="([^"]+)"', home).group(1)
    ids = []
    for _ in range(60):
        cid = rnd.choice(counties)
        page = json.loads(get('/api/v1/persons?orgId=%d&size=20&page=%d' % (cid, rnd.randint(0, 5)), province)[1])
        if page['content']:
            pid = rnd.choice(page['content'])['id']
            req = urllib.request.Request(base + '/persons/%d/id-number' % pid, method='POST', headers={'X-CSRF-TOKEN': meta}, data=b'')
            ids.append(opener.open(req).read().decode())
    print('ID numbers sampled: %d' % len(ids))

    cases = {
        'persons, one county subtree, first page (province user, orgId=county)':
            lambda: get('/api/v1/persons?orgId=%d&page=0&size=20' % rnd.choice(counties), province),
        'persons, own jurisdiction, first page (county user, no orgId)':
            lambda: get('/api/v1/persons?page=0&size=20', county),
        "persons, one county subtree + name '王', first page":
            lambda: get('/api/v1/persons?orgId=%d&name=%s&page=0&size=20' % (rnd.choice(counties), urllib.parse.quote('王')), province),
        'persons, one county subtree + age 40-45, first page':
            lambda: get('/api/v1/persons?orgId=%d&ageMin=40&ageMax=45&page=0&size=20' % rnd.choice(counties), province),
        'person by exact ID number (blind index)':
            lambda: get('/api/v1/persons/by-id-number?idNumber=%s' % rnd.choice(ids), province),
    }
    print('| request | n | median ms | p95 ms | p99 ms | max ms |')
    print('|---|---|---|---|---|---|')
    for name, call in cases.items():
        for _ in range(args.warmup):
            call()
        times = [call()[0] for _ in range(args.iterations)]
        print('| %s | %d | %.1f | %.1f | %.1f | %.1f |' % (name, len(times), statistics.median(times),
              percentile(times, 95), percentile(times, 99), max(times)))

if __name__ == '__main__':
    main()
