#!/usr/bin/env bash
# Latency from a sample reaching the gateway to the rendered frame that shows it (p50/p99), through the
# real session loop and a 25 fps display loop. Builds bench/target/benchmarks.jar if missing.
# Usage: bench/frame-latency.sh [SECONDS]   (default 20)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jar=bench/target/benchmarks.jar
if [[ ! -f "$jar" ]]; then
  echo "frame-latency: building $jar ..."
  mvn -q -B -DskipTests -pl bench -am package
fi
java -Djava.awt.headless=true -cp "$jar" org.isoband.bench.FrameLatency "${1:-20}"
