#!/usr/bin/env bash
# Builds bench/target/benchmarks.jar and runs the hold detector's JMH benchmarks with short settings
# (one fork, 3 x 2 s warm-up, 5 x 2 s measurement, GC profiler for bytes allocated per sample).
# About a minute on 2 cores. Extra arguments go to JMH, e.g. bench/run-jmh.sh -p hz=80
# The table is also kept in bench/target/jmh-result.txt (and JSON in jmh-result.json).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jar=bench/target/benchmarks.jar

echo "run-jmh: building $jar ..."
mvn -q -B -DskipTests -pl bench -am package

echo "run-jmh: machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "run-jmh: running DetectorBenchmark ..."
java -jar "$jar" DetectorBenchmark \
  -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc \
  -rf json -rff bench/target/jmh-result.json "$@" | tee bench/target/jmh-run.log

echo
echo "run-jmh: results (ns per sample, gc.alloc.rate.norm = bytes per sample):"
sed -n '/^Benchmark /,$p' bench/target/jmh-run.log | tee bench/target/jmh-result.txt
