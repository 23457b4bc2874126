#!/usr/bin/env bash
# MQTT figures (printed, not tests): latency from a sample entering the detector to the state/rep message
# at a subscriber on loopback (target p99 < 20 ms), and rep events through the durable outbox (target
# >= 2,000/s sustained). Against the real Mosquitto when installed, else the embedded Moquette.
#   bench/mqtt-bench.sh                 both, against mosquitto (or moquette)
#   BROKER=moquette bench/mqtt-bench.sh
# The benchmark lives in the gateway's test tree (org.isoband.gateway.mqtt.MqttBenchmark): it needs the
# brokers that only the tests depend on, and bench/ must not depend on the gateway.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
broker="${BROKER:-$([[ -x /usr/sbin/mosquitto ]] && echo mosquitto || echo moquette)}"
cp_file=gateway/target/test-classpath.txt
log="$(mktemp)"

# One reactor build that compiles and writes the classpath: the sibling modules (core, device and its test jar,
# dashboard) resolve to their target/ folders, not to ~/.m2 (a fresh clone has never installed them, and
# nothing should). Maven's output goes to a log that is shown when it fails.
echo "mqtt-bench: building the gateway and its tests (mvn -B -pl gateway -am test-compile dependency:build-classpath) ..."
if ! mvn -B -DskipTests -pl gateway -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/test-classpath.txt > "$log" 2>&1; then
  tail -n 60 "$log" >&2
  echo "mqtt-bench: the build failed (full log: $log)" >&2
  exit 1
fi
rm -f "$log"
cp="gateway/target/test-classes:gateway/target/classes:$(cat "$cp_file")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for what in ${WHAT:-latency throughput}; do
  java -cp "$cp" org.isoband.gateway.mqtt.MqttBenchmark "$what" "$broker" "$work"
done
