#!/usr/bin/env bash
# Issue 8: generates a data set of every module (organizations, persons, cadre files, assessments,
# supervision records, development records) from a seed, loaded by COPY, and prints its row counts and
# the time of each phase.
#
#   bench/generate-dataset.sh --preset county            # ≈ 1,500 organizations, 40,000 persons → bench-data/county
#   bench/generate-dataset.sh --preset city              # ≈ 15,000 / 400,000 → bench-data/city
#   bench/generate-dataset.sh --preset province          # 200,000 / 5,000,000 → bench-data/province
#   bench/generate-dataset.sh --preset city --seed 7 --dir bench-data/city-7
#   bench/generate-dataset.sh --preset county --force    # delete the folder first and generate anew
#   MVN_FLAGS=-o bench/generate-dataset.sh --preset county   # Maven offline
#
# Other ProvinceDataSet options pass through (--orgs, --persons, --order, --cadres, --batch). Output is
# also written to <dir>.generate.log. Then: ZUGONG_DATA_DIR=<dir> ./mvnw spring-boot:run. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PRESET=county
DIR=
FORCE=
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --preset) PRESET=$2; shift 2 ;;
    --dir) DIR=$2; shift 2 ;;
    --force) FORCE=1; shift ;;
    --seed|--orgs|--persons|--order|--cadres|--batch) ARGS+=("$1" "$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
DIR=${DIR:-bench-data/$PRESET}

# shellcheck disable=SC2086
./mvnw -q ${MVN_FLAGS:-} test-compile
# shellcheck disable=SC2086
./mvnw -q ${MVN_FLAGS:-} dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

if [ -n "$FORCE" ]; then
  rm -rf "$DIR"
fi
mkdir -p "$(dirname "$DIR")"
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" ${JVM_OPTS:--Xmx3g -Dfile.encoding=UTF-8} -cp "$CP" org.zugong.bench.ProvinceDataSet \
  --preset "$PRESET" --dir "$DIR" "${ARGS[@]}" 2>&1 | tee "$DIR.generate.log"
