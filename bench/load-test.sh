#!/usr/bin/env bash
# Issue 8: the load test. Starts the application on a data set (unless one already answers on the port), samples
# its heap with jstat while bench/load's Gatling simulation runs the staff's mix, prints the per-request table
# and the heap, and stops the application it started.
#
#   bench/load-test.sh --preset county --users 50 --duration 60          # bench-data/county, port 8190
#   bench/load-test.sh --preset city --users 200 --ramp 30 --duration 120 --user county
#   bench/load-test.sh --dir bench-data/city-7 --xmx 1g --port 8191
#   bench/load-test.sh --users 200 --no-start --pid 12345               # against a running application on --port
#   bench/load-test.sh --users 200 --jfr bench-data/load.jfr             # with a flight recording of the application
#   bench/load-test.sh --users 200 --audited false                       # cadre file and roster replaced by searches
#   bench/load-test.sh --users 200 --think 1000                          # each user waits 1 s after each answer
#
# Needs target/classes and target/bench-classpath.txt (bench/generate-dataset.sh makes both). The application
# gets -Xmx (default 1g: the target is heap ≤ 1 GB) and a GC log at <dir>.gc.log; jstat samples go to
# <dir>.heap.log; the Gatling report is bench/load/target/gatling/staffmixsimulation-<timestamp>/index.html.
# MVN_FLAGS=-o keeps Maven offline. See bench/README.md ("Issue 8: load test").
set -euo pipefail
cd "$(dirname "$0")/.."

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PRESET=county
DIR=
PORT=8190
USERS=50
RAMP=30
DURATION=60
LOGIN=province
XMX=1g
START=1
PID=
INTERVAL=2
AUDITED=true
THINK=0
JFR=
while [ $# -gt 0 ]; do
  case "$1" in
    --preset) PRESET=$2; shift 2 ;;
    --dir) DIR=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --users) USERS=$2; shift 2 ;;
    --ramp) RAMP=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --user) LOGIN=$2; shift 2 ;;
    --xmx) XMX=$2; shift 2 ;;
    --no-start) START=; shift ;;
    --pid) PID=$2; shift 2 ;;
    --interval) INTERVAL=$2; shift 2 ;;
    --audited) AUDITED=$2; shift 2 ;;
    --think) THINK=$2; shift 2 ;;
    --jfr) JFR=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
DIR=${DIR:-bench-data/$PRESET}
BASE=http://localhost:$PORT
STARTED=
JSTAT=

cleanup() {
  [ -n "$JSTAT" ] && kill "$JSTAT" 2>/dev/null || true
  if [ -n "$STARTED" ]; then
    kill "$STARTED" 2>/dev/null || true
    wait "$STARTED" 2>/dev/null || true   # the application stops its embedded PostgreSQL on the way out
  fi
}
trap cleanup EXIT

if curl -s -o /dev/null "$BASE/login"; then
  [ -n "$START" ] && echo "an application already answers on $BASE: using it (heap sampled only with --pid)"
  START=
fi
if [ -n "$START" ]; then
  [ -f "$DIR/dataset.properties" ] || { echo "no data set in $DIR: bench/generate-dataset.sh --preset $PRESET" >&2; exit 1; }
  [ -f target/bench-classpath.txt ] || { echo "target/bench-classpath.txt missing: run bench/generate-dataset.sh once" >&2; exit 1; }
  SERVER_PORT=$PORT ZUGONG_DATA_DIR=$DIR "$JAVA_HOME/bin/java" -Xmx"$XMX" -Xlog:gc:file="$DIR.gc.log" -Dfile.encoding=UTF-8 \
    -cp "target/classes:$(cat target/bench-classpath.txt)" org.zugong.ZugongApplication > "$DIR.app.log" 2>&1 &
  STARTED=$!
  PID=$STARTED
  echo "application pid $PID on $DIR, port $PORT, -Xmx$XMX (log $DIR.app.log)"
  # Ready (readiness UP) only after the ApplicationReadyEvent listeners, among them the first start's evaluation
  # of every warning rule (WarningRuleNavigation.firstEvaluation), which must not overlap the load.
  for _ in $(seq 1 900); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/actuator/health/readiness")" = 200 ] && break
    kill -0 "$PID" 2>/dev/null || { echo "the application stopped: see $DIR.app.log" >&2; exit 1; }
    sleep 1
  done
fi

HEAP=${DIR}.heap.log
if [ -n "$PID" ]; then
  # One line every INTERVAL s: S0U+S1U+EU+OU is the used heap (KB), FGC/FGCT the full collections.
  "$JAVA_HOME/bin/jstat" -gc "$PID" "${INTERVAL}s" > "$HEAP" &
  JSTAT=$!
fi

if [ -n "$JFR" ] && [ -n "$PID" ]; then
  # A flight recording of the whole run (profile settings: CPU samples, lock contention), for
  # `jfr view hot-methods FILE`, `jfr view contention-by-site FILE`.
  "$JAVA_HOME/bin/jcmd" "$PID" JFR.start settings=profile filename="$(realpath -m "$JFR")" > /dev/null
fi
echo "load: $USERS users as $LOGIN, ramp ${RAMP}s, then ${DURATION}s, think ${THINK} ms; $(uptime)"
# shellcheck disable=SC2086
./mvnw -B ${MVN_FLAGS:-} -f bench/load/pom.xml gatling:test -Dbase="$BASE" -Dusers="$USERS" -Dramp="$RAMP" \
  -Dduration="$DURATION" -Duser="$LOGIN" -Daudited="$AUDITED" -Dthink="$THINK" | grep -v "^\[INFO\] Download" || true
echo "after: $(uptime)"
if [ -n "$JFR" ] && [ -n "$PID" ]; then
  "$JAVA_HOME/bin/jcmd" "$PID" JFR.stop > /dev/null && echo "flight recording: $JFR"
fi

REPORT=$(ls -dt bench/load/target/gatling/staffmixsimulation-* | head -1)
python3 bench/load/summary.py "$REPORT" ${PID:+"$HEAP"}
