#!/usr/bin/env python3
"""Public verification of the talent card (英才卡, F71) under 50 concurrent verifiers (loopback only).

    python3 bench/card-verify.py --base http://localhost:8190 --threads 50 --seconds 60

Start the application on the demo data with the rate limit raised for the run, e.g.

    SERVER_PORT=8190 ZUGONG_DATA_DIR=bench-data/card ./mvnw -B -o spring-boot:run \
      -Dspring-boot.run.arguments="--zugong.talent-card.verification.per-minute=1000000 --zugong.talent-card.verification.per-day=100000000 --zugong.talent-card.verification.failures=1000000"

The cards and their QR tokens are read as staff see them (the demo account `city`: /api/v1/talents, then each talent's
英才卡 section, whose QR link carries the signed token). Each verifier is a thread with its own keep-alive connection and
its own client address (X-Forwarded-For 198.51.100.N, trusted from loopback), so that each has its own rate-limit
counters, as 50 real verifiers would; closed loop without think time (saturation), or --think-ms between requests. Requests: GET /api/v1/talent-cards/{number}/verify
with the card's token (the QR channel's check) for the cards with a QR code, by number only for the others (expired,
revoked, lost). Prints median, p95, p99, max and throughput; warm-up first. Standard library only.
"""
import argparse, http.client, http.cookiejar, json, random, re, statistics, threading, time, urllib.parse, urllib.request


def percentile(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def cards(base):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login = opener.open(base + '/login').read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', login).group(1)
    opener.open(base + '/login', data=urllib.parse.urlencode({'username': 'city', 'password': 'Zugong@2026', '_csrf': csrf}).encode()).read()
    req = urllib.request.Request(base + '/api/v1/auth/token', method='POST', headers={'Content-Type': 'application/json'},
                                 data=json.dumps({'username': 'city', 'password': 'Zugong@2026'}).encode())
    token = json.load(urllib.request.urlopen(req))['token']
    talents = json.load(urllib.request.urlopen(urllib.request.Request(base + '/api/v1/talents?size=200',
                                                                      headers={'Authorization': 'Bearer ' + token})))['content']
    found = {}
    for t in talents:
        html = opener.open(base + '/talents/%d/card' % t['id']).read().decode()
        for number, tok in re.findall(r'/verify/(YC[0-9X]+)\?token=([^"&]+)', html):
            found[number] = urllib.parse.unquote(tok)
        for number in re.findall(r'>(YC[0-9]{12}[0-9X])<', html):
            found.setdefault(number, None)
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--base', default='http://localhost:8080')
    ap.add_argument('--threads', type=int, default=50)
    ap.add_argument('--seconds', type=float, default=60)
    ap.add_argument('--warmup', type=float, default=15)
    ap.add_argument('--seed', type=int, default=7)
    ap.add_argument('--think-ms', type=float, default=0, help='mean pause of a verifier between requests (exponential); 0 = closed loop')
    args = ap.parse_args()
    base = args.base.rstrip('/')
    m = re.match(r'^http://(localhost|127\.\d+\.\d+\.\d+)(?::(\d+))?$', base)
    if not m:
        raise SystemExit('loopback targets only')
    host, port = m.group(1), int(m.group(2) or 80)
    all_cards = cards(base)
    paths = ['/api/v1/talent-cards/%s/verify' % n + ('?token=' + urllib.parse.quote(t) if t else '') for n, t in sorted(all_cards.items())]
    print('cards: %d (%d with a QR token)' % (len(paths), sum(1 for t in all_cards.values() if t)))

    latencies, results, errors = [], {}, [0]
    lock = threading.Lock()
    start = time.monotonic()
    measure_from, stop_at = start + args.warmup, start + args.warmup + args.seconds

    def worker(i):
        rnd = random.Random(args.seed * 1000 + i)
        conn = http.client.HTTPConnection(host, port)
        headers = {'X-Forwarded-For': '198.51.100.%d' % (i + 1), 'User-Agent': 'card-verify-bench'}
        mine, my_results = [], {}
        while True:
            now = time.monotonic()
            if now >= stop_at:
                break
            path = rnd.choice(paths)
            t0 = time.perf_counter()
            try:
                conn.request('GET', path, headers=headers)
                r = conn.getresponse()
                body = r.read()
            except Exception:
                conn.close()
                conn = http.client.HTTPConnection(host, port)
                with lock:
                    errors[0] += 1
                continue
            ms = (time.perf_counter() - t0) * 1000
            if args.think_ms > 0:
                time.sleep(rnd.expovariate(1000.0 / args.think_ms))
            if now >= measure_from:
                mine.append(ms)
                key = str(r.status) + (' ' + json.loads(body).get('result', '') if r.status == 200 else '')
                my_results[key] = my_results.get(key, 0) + 1
        with lock:
            latencies.extend(mine)
            for k, v in my_results.items():
                results[k] = results.get(k, 0) + v

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print('threads %d, measured %.0f s after %.0f s warm-up: %d requests, %.0f/s, errors %d' % (
        args.threads, args.seconds, args.warmup, len(latencies), len(latencies) / args.seconds, errors[0]))
    print('results: %s' % dict(sorted(results.items())))
    print('latency ms: median %.1f  p95 %.1f  p99 %.1f  max %.1f' % (
        statistics.median(latencies), percentile(latencies, 95), percentile(latencies, 99), max(latencies)))


if __name__ == '__main__':
    main()
