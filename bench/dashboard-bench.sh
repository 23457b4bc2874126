#!/usr/bin/env bash
# Dashboard figures (printed, not tests): rep ingest into SQLite, the same through Mosquitto when installed,
# and the history API's server-side time over a year of two bands. About 40 s.
#   bench/dashboard-bench.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
echo "dashboard-bench: building bench and what it needs (mvn -q -B -DskipTests -pl bench -am package) ..."
mvn -q -B -DskipTests -pl bench -am package
mvn -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt > /dev/null
java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.isoband.dashboard.DashboardBenchmark
