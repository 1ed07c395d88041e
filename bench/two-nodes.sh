#!/usr/bin/env bash
# Two application nodes on loopback sharing one PostgreSQL (issue 8).
#
# Node 1 starts the embedded PostgreSQL in its data folder; node 2 connects to that database as an
# external one: the application role for its pool, the embedded superuser (local trust) for Flyway,
# and node 1's key file. Both nodes then share the page sessions (Spring Session JDBC), the ShedLock
# locks and everything else in the database.
#
#   bench/two-nodes.sh            # build if needed, start both, show a session moving between them
#   NODE1_PORT=8081 NODE2_PORT=8082 DATA=/tmp/zugong-2n bench/two-nodes.sh
#
# Stop with Ctrl-C (both nodes are stopped). Needs the jar (./mvnw -B -o package -DskipTests), curl.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE1_PORT=${NODE1_PORT:-8081}
NODE2_PORT=${NODE2_PORT:-8082}
DATA=${DATA:-$(mktemp -d /tmp/zugong-two-nodes.XXXXXX)}
JAR=$(ls target/zugong-*.jar 2>/dev/null | grep -v plain | head -1 || true)
[ -n "$JAR" ] || { ./mvnw -B -o -q package -DskipTests; JAR=$(ls target/zugong-*.jar | grep -v plain | head -1); }
mkdir -p "$DATA/node1" "$DATA/node2"

pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT INT TERM

wait_up() { # port
  for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$1/actuator/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "node on port $1 did not start" >&2; return 1
}

# Node 1: embedded PostgreSQL with demo data. Its application role's password is made anew at every
# start and kept in memory, so node 2 gets a password of its own, set by the superuser below.
SERVER_PORT=$NODE1_PORT ZUGONG_DATA_DIR="$DATA/node1" java -Xmx1g -jar "$JAR" >"$DATA/node1.log" 2>&1 &
pids+=($!)
wait_up "$NODE1_PORT"
PG_PORT=$(grep -o 'Embedded PostgreSQL started on port [0-9]*' "$DATA/node1.log" | grep -o '[0-9]*$' | tail -1)

NODE2_ROLE=zugong_node2
NODE2_PASSWORD=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
# A login role for node 2 with the application role's rights (it is a member of zugong_app).
psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 <<SQL
DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$NODE2_ROLE') THEN CREATE ROLE $NODE2_ROLE LOGIN; END IF; END \$\$;
ALTER ROLE $NODE2_ROLE LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS INHERIT PASSWORD '$NODE2_PASSWORD';
GRANT zugong_app TO $NODE2_ROLE;
SQL

# Node 2: the same database as an external one, node 1's keys; migrations as the owner (nothing to do).
SERVER_PORT=$NODE2_PORT ZUGONG_DATA_DIR="$DATA/node2" \
ZUGONG_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" ZUGONG_DB_USER=$NODE2_ROLE ZUGONG_DB_PASSWORD=$NODE2_PASSWORD \
ZUGONG_DB_OWNER_USER=postgres ZUGONG_KEY_FILE="$DATA/node1/keys/zugong.keys" \
java -Xmx1g -jar "$JAR" >"$DATA/node2.log" 2>&1 &
pids+=($!)
wait_up "$NODE2_PORT"
echo "node 1: http://127.0.0.1:$NODE1_PORT  node 2: http://127.0.0.1:$NODE2_PORT  PostgreSQL: 127.0.0.1:$PG_PORT  logs: $DATA/node{1,2}.log"

# A session moving between the nodes: log in on node 1 (demo user city), read a page on node 2.
jar="$DATA/cookies"
csrf() { curl -s -b "$jar" -c "$jar" "$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
token=$(csrf "http://127.0.0.1:$NODE1_PORT/login")
curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode username=city --data-urlencode 'password=Zugong@2026' \
  --data-urlencode "_csrf=$token" "http://127.0.0.1:$NODE1_PORT/login"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "http://127.0.0.1:$NODE2_PORT/persons")
echo "logged in on node 1, GET /persons on node 2 with the same cookie: HTTP $code (200: the session moved)"
echo "Ctrl-C stops both nodes."
wait
