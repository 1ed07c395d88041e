#!/usr/bin/env bash
# Province-scale benchmark of issue 2: generates the data set when it is missing, then measures.
#
#   bench/run-benchmarks.sh                      # 200,000 organizations, 5,000,000 persons in bench-data/province
#   bench/run-benchmarks.sh --orgs 20000 --persons 300000 --dir bench-data/small   # a quick small run
#   bench/run-benchmarks.sh -- --iterations 500 --only search,explain            # options after -- go to the benchmark
#   bench/run-benchmarks.sh -- --shapes agreed,per-organization --tuning covering-index,custom-plans
#   bench/run-benchmarks.sh --dir bench-data/clustered --order county-by-county  # ids in one block per county
#   bench/run-benchmarks.sh --cadres 0           # without cadre files (default: 6 % of the persons)
#   MVN_FLAGS=-o bench/run-benchmarks.sh         # Maven offline
#
# Issue 3 (cadre files) is measured through the running application, see bench/README.md:
#   SERVER_PORT=8190 ZUGONG_DATA_DIR=bench-data/province ./mvnw -B -o spring-boot:run
#   java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.zugong.bench.ImportZip --out bench-data/import-1000.zip
#   python3 bench/cadre-api.py --base http://localhost:8190 search|eligibility|import
#
# Output is also written to <dir>.generate.log and <dir>.benchmark.log. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
DIR=bench-data/province
ORGS=200000
PERSONS=5000000
SEED=42
ORDER=rosters
CADRES=0.06
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR=$2; shift 2 ;;
    --orgs) ORGS=$2; shift 2 ;;
    --persons) PERSONS=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --order) ORDER=$2; shift 2 ;;
    --cadres) CADRES=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "unknown option $1 (benchmark options go after --)" >&2; exit 2 ;;
  esac
done

# shellcheck disable=SC2086
./mvnw -q ${MVN_FLAGS:-} test-compile
# shellcheck disable=SC2086
./mvnw -q ${MVN_FLAGS:-} dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
JVM_OPTS=${JVM_OPTS:--Xmx3g -Dfile.encoding=UTF-8}

mkdir -p "$(dirname "$DIR")"
if [ ! -f "$DIR/dataset.properties" ]; then
  # shellcheck disable=SC2086
  "$JAVA" $JVM_OPTS -cp "$CP" org.zugong.bench.ProvinceDataSet --dir "$DIR" --orgs "$ORGS" --persons "$PERSONS" --seed "$SEED" --order "$ORDER" --cadres "$CADRES" \
    2>&1 | tee "$DIR.generate.log"
else
  echo "Using the data set in $DIR ($(grep -E '^(organizations|persons|loadSeconds)=' "$DIR/dataset.properties" | tr '\n' ' '))"
fi

exec > >(tee "$DIR.benchmark.log") 2>&1
# shellcheck disable=SC2086
exec "$JAVA" $JVM_OPTS -cp "$CP" org.zugong.bench.ProvinceBenchmark --dir "$DIR" "$@"
