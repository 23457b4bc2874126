#!/usr/bin/env bash
# Soak: an hour of simulated training (at 30x: 2 minutes) through the session loop, journal and a rendering
# display, with the systemd unit's JVM options, publishing over MQTT to a Mosquitto of its own when installed;
# prints heap and RSS every 10 s of wall time.
# Usage: bench/soak.sh [HOURS] [SPEED] [EVERY_S]     (default 1 30 10)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jar=bench/target/benchmarks.jar
[[ -f "$jar" ]] || { echo "soak: building $jar ..."; mvn -q -B -DskipTests -pl bench -am package; }
broker=""
if [[ -x /usr/sbin/mosquitto ]]; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  /usr/sbin/mosquitto -p "$port" >/dev/null 2>&1 &
  mosquitto_pid=$!
  trap 'kill $mosquitto_pid 2>/dev/null' EXIT
  sleep 0.5
  broker="tcp://127.0.0.1:$port"
  echo "soak: publishing to a Mosquitto of its own at $broker"
fi
java -Djava.awt.headless=true -Xms32m -Xmx64m -XX:+UseSerialGC -XX:MaxMetaspaceSize=64m -Xss512k \
  -XX:TieredStopAtLevel=1 -cp "$jar" org.isoband.bench.Soak "${1:-1}" "${2:-30}" "${3:-10}" $broker
