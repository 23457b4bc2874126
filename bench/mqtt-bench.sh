#!/usr/bin/env bash
# MQTT figures (printed, not tests): latency from a sample entering the detector to the state/rep message
# at a subscriber on loopback (target p99 < 20 ms), and rep events through the durable outbox (target
# >= 2,000/s sustained). Against the real Mosquitto when installed, else the embedded Moquette.
#   bench/mqtt-bench.sh                 both, against mosquitto (or moquette)
#   BROKER=moquette bench/mqtt-bench.sh
# The benchmark is bench's org.isoband.gateway.mqtt.MqttBenchmark (in the gateway's MQTT package, on the
# gateway's test jar for its brokers and subscribers).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
broker="${BROKER:-$([[ -x /usr/sbin/mosquitto ]] && echo mosquitto || echo moquette)}"
echo "mqtt-bench: building bench and what it needs (mvn -q -B -DskipTests -pl bench -am package) ..."
mvn -q -B -DskipTests -pl bench -am package
mvn -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt > /dev/null
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for what in ${WHAT:-latency throughput}; do
  java -cp "$cp" org.isoband.gateway.mqtt.MqttBenchmark "$what" "$broker" "$work"
done
