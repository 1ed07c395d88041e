"""Prints a Gatling report's figures as a Markdown table (count, errors, throughput, p50/p95/p99/max per request
type, from the report's js/stats.json: percentiles1..4 are Gatling's default 50/75/95/99), and, when given a jstat
-gc log, the application's heap: max used, max committed, collections.

    python3 bench/load/summary.py bench/load/target/gatling/staffmixsimulation-<ts> [bench-data/county.heap.log]
"""
import json, os, sys


def rows(node):
    if node.get('type') == 'REQUEST':
        yield node['stats']
    for child in (node.get('contents') or {}).values():
        yield from rows(child)


def line(s):
    n = s['numberOfRequests']
    return '| %s | %d | %d | %.1f | %d | %d | %d | %d |' % (
        s['name'], n['total'], n['ko'], s['meanNumberOfRequestsPerSecond']['total'], s['percentiles1']['total'],
        s['percentiles3']['total'], s['percentiles4']['total'], s['maxResponseTime']['total'])


def report(folder):
    with open(os.path.join(folder, 'js', 'stats.json')) as f:
        stats = json.load(f)
    print('Gatling report: %s/index.html' % folder)
    print('| request | count | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |')
    print('|---|---:|---:|---:|---:|---:|---:|---:|')
    for s in sorted(rows(stats), key=lambda s: s['name']):
        print(line(s))
    print(line(dict(stats['stats'], name='**all requests**')))


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
