"""What the bench scripts share: percentiles, a loopback-only API client with bearer tokens of the bench
accounts, and SQL through org.zugong.bench.ProvinceSql --url on the running application's embedded
PostgreSQL (found by its data folder). Standard library only; the scripts import it from bench/.
"""
import json, os, re, subprocess, time, urllib.error, urllib.request, uuid

PASSWORD = 'Zugong@2026'


def percentile(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


class Api:
    def __init__(self, base):
        self.base = base.rstrip('/')
        if not re.match(r'^http://(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$', self.base):
            raise SystemExit('loopback targets only')
        self.tokens = {}

    def token(self, user):
        if user not in self.tokens:
            req = urllib.request.Request(self.base + '/api/v1/auth/token', method='POST', headers={'Content-Type': 'application/json'},
                                         data=json.dumps({'username': user, 'password': PASSWORD}).encode())
            self.tokens[user] = json.load(urllib.request.urlopen(req))['token']
        return self.tokens[user]

    def request(self, method, path, user, data=None, content_type=None):
        """One timed request: (milliseconds, HTTP status, body bytes); error statuses are returned, not raised."""
        headers = {'Authorization': 'Bearer ' + self.token(user)}
        if content_type:
            headers['Content-Type'] = content_type
        req = urllib.request.Request(self.base + path, method=method, headers=headers, data=data)
        t0 = time.perf_counter()
        try:
            with urllib.request.urlopen(req, timeout=3600) as r:
                status, payload = r.status, r.read()
        except urllib.error.HTTPError as e:
            status, payload = e.code, e.read()
        return (time.perf_counter() - t0) * 1000, status, payload

    def call(self, method, path, user='province', body=None):
        """A JSON call: (milliseconds, parsed body); stops the script on an error status."""
        ms, status, payload = self.request(method, path, user, None if body is None else json.dumps(body).encode(),
                                           None if body is None else 'application/json')
        if status >= 300:
            raise SystemExit('%s %s: HTTP %d %s' % (method, path, status, payload[:500].decode('utf-8', 'replace')))
        return ms, json.loads(payload) if payload else None

    def get(self, path, user='province'):
        return self.call('GET', path, user)

    def post(self, path, user='province', body=None):
        return self.call('POST', path, user, body)

    def upload(self, path, user, file_name, content):
        """A multipart upload of one file in the field "file": (milliseconds, status, body bytes)."""
        boundary = uuid.uuid4().hex
        data = (('--%s\r\nContent-Disposition: form-data; name="file"; filename="%s"\r\n'
                 'Content-Type: application/octet-stream\r\n\r\n' % (boundary, file_name)).encode() + content
                + ('\r\n--%s--\r\n' % boundary).encode())
        return self.request('POST', path, user, data, 'multipart/form-data; boundary=' + boundary)

    def children(self, parent_id):
        return self.get('/api/v1/organizations?parentId=%d' % parent_id)[1]

    def tree(self):
        """The province root, its cities and all their counties (as the API returns them)."""
        root = self.get('/api/v1/organizations')[1][0]
        cities = [c for c in self.children(root['id']) if c['kind'] == 'CITY']
        counties = []
        for c in cities:
            counties += [o for o in self.children(c['id']) if o['kind'] == 'COUNTY']
        return root, cities, counties


def postmaster(pg_dir):
    """The PostgreSQL server of a data folder: (pid, its command line), or None when none runs on it."""
    for pid in os.listdir('/proc'):
        if not pid.isdigit():
            continue
        try:
            with open('/proc/%s/cmdline' % pid, 'rb') as f:
                args = f.read().decode(errors='replace').split('\0')
        except OSError:
            continue
        if args and args[0].endswith('/postgres') and '-D' in args and args[args.index('-D') + 1] == pg_dir:
            return int(pid), args
    return None


class Sql:
    """Runs SQL on the application's embedded PostgreSQL through org.zugong.bench.ProvinceSql --url."""

    def __init__(self, data_dir, url=None):
        self.url = url or self.find(os.path.abspath(data_dir) + '/pg')
        with open('target/bench-classpath.txt') as f:
            self.cp = 'target/test-classes:target/classes:' + f.read().strip()
        self.java = os.path.join(os.environ.get('JAVA_HOME', '/usr/lib/jvm/temurin-25-jdk-amd64'), 'bin', 'java')

    @staticmethod
    def find(pg_dir):
        found = postmaster(pg_dir)
        if found is None or '-p' not in found[1]:
            raise SystemExit('no PostgreSQL running on %s: start the application on the data set first' % pg_dir)
        return 'jdbc:postgresql://localhost:%s/postgres' % found[1][found[1].index('-p') + 1]

    def run(self, sql):
        """Statements end with ';' at a line end; returns the printed lines and the seconds it took."""
        t0 = time.perf_counter()
        out = subprocess.run([self.java, '-cp', self.cp, 'org.zugong.bench.ProvinceSql', '--url', self.url],
                             input=sql.strip() + '\n', capture_output=True, text=True)
        if out.returncode != 0:
            raise SystemExit('SQL failed:\n' + out.stdout[-2000:] + out.stderr[-3000:])
        return [l for l in out.stdout.splitlines() if not l.startswith('WARNING')], time.perf_counter() - t0

    def rows(self, sql):
        """The rows of one statement (its ';' added when missing), as lists of text fields."""
        statement = ' '.join(sql.split())
        lines, _ = self.run(statement if statement.endswith(';') else statement + ';')
        return [l.split('\t') for l in lines if not l.startswith('> ') and not re.match(r'^\(\d+(\.\d+)? ms\)$', l)]
