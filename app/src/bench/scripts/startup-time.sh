#!/usr/bin/env bash
# Time from `java` to /actuator/health/readiness UP for the app with its development engine
# (what `mvn -pl app -am spring-boot:test-run` starts, as a plain java command: no Maven, no AOT
# cache), N times in a row on a fresh data directory each time. Extra JVM options go in $JVM_OPTS.
#   app/src/bench/scripts/startup-time.sh [runs]
# It builds the app first (the project's own modules from this checkout, not from ~/.m2).
set -euo pipefail
cd "$(dirname "$0")/../../../.."
runs=${1:-5}
java_bin=${JAVA:-$(ls -d /usr/lib/jvm/temurin-25*/bin 2>/dev/null | head -1)/java}
cp_file=app/target/startup-classpath.txt
# In one reactor run, the sibling modules resolve to their freshly built jars; app runs last.
# NO_BUILD=1 reuses the last build (a CDS archive stays valid only while the jars do not change).
[ -n "${NO_BUILD:-}" ] || mvn -B -q -pl app -am -DskipTests -Dspotless.check.skip=true package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$cp_file" >/dev/null
classpath="app/target/classes:$(cat "$cp_file")"
port=18181
for i in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  "$java_bin" ${JVM_OPTS:-} -cp "$classpath" com.example.fulfillment.FulfillmentApplication \
    --server.address=127.0.0.1 --server.port=$port --fulfillment.engine.embedded.port=0 \
    --fulfillment.data-dir="$data" --logging.level.root=WARN >"$data/out.log" 2>&1 &
  pid=$!
  ready=""
  for _ in $(seq 1 1200); do # at most 60 s
    if curl -fs "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
      ready=$(( ($(date +%s%N) - start) / 1000000 ))
      break
    fi
    sleep 0.05 # polling pace of this script, not a wait inside the app
  done
  rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status 2>/dev/null || echo "?")
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  echo "run $i: readiness UP after ${ready:-TIMEOUT} ms, RSS ${rss} MB"
  rm -rf "$data"
done
