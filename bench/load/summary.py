"""Prints a Gatling report's figures as a Markdown table (count, errors, throughput, p50/p95/p99/max per request
type, from the report's index.html), and, when given a jstat
-gc log, the application's heap: max used, max committed, collections.

    python3 bench/load/summary.py bench/load/target/gatling/staffmixsimulation-<ts> [bench-data/county.heap.log]
"""
import html, os, re, sys


def stats_rows(folder):
    """The statistics table of index.html: one row per request type, "All Requests" first.

    Gatling 3.14 no longer writes js/stats.json (its simulation.log is binary), so the figures are read from the
    report's own table: col-2 total, col-4 KO, col-6 requests/s, col-8/9/10/11 the 50th/75th/95th/99th
    percentile, col-12 max (ms)."""
    with open(os.path.join(folder, 'index.html'), encoding='utf-8') as f:
        page = f.read()
    for m in re.finditer(r'<tr id="([^"]+)"[^>]*>(.*?)</tr>', page, re.S):
        name = re.search(r'class="ellipsed-name">(.*?)</span>', m.group(2), re.S)
        cols = dict(re.findall(r'class="value [a-z]+ col-(\d+)">([^<]*)</td>', m.group(2)))
        if name and cols:
            yield html.unescape(name.group(1)), cols


def line(name, c):
    return '| %s | %s | %s | %s | %s | %s | %s | %s |' % (name, c['2'], c['4'], c['6'], c['8'], c['10'], c['11'], c['12'])


def report(folder):
    print('Gatling report: %s/index.html' % folder)
    print('| request | count | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |')
    print('|---|---:|---:|---:|---:|---:|---:|---:|')
    rows = list(stats_rows(folder))
    for name, c in sorted(rows[1:]):
        print(line(name, c))
    print(line('**all requests**', rows[0][1]))


def heap(path):
    used, committed, fgc, gct = [], [], 0, 0.0
    with open(path) as f:
        header = None
        for l in f:
            cols = l.split()
            if not cols:
                continue
            if cols[0] == 'S0C':
                header = cols
                continue
            v = dict(zip(header, cols))
            used.append(sum(float(v[k]) for k in ('S0U', 'S1U', 'EU', 'OU')) / 1024)
            committed.append(sum(float(v[k]) for k in ('S0C', 'S1C', 'EC', 'OC')) / 1024)
            fgc, gct = int(v['FGC']), float(v['GCT'])
    if used:
        print('heap (jstat -gc, %d samples): max used %.0f MB, max committed %.0f MB, full GCs %d, GC time %.1f s in all'
              % (len(used), max(used), max(committed), fgc, gct))


if __name__ == '__main__':
    report(sys.argv[1])
    if len(sys.argv) > 2 and os.path.exists(sys.argv[2]):
        heap(sys.argv[2])
