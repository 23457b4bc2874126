#!/usr/bin/env bash
# Notification-to-sample latency (p50/p99) and the highest sustained notification rate of the BLE source,
# through D-Bus on this machine, against the fake BlueZ (python-dbusmock on a private dbus-daemon).
# Needs the Debian packages dbus and python3-dbusmock. See docs/performance.md.
#   bench/ble-latency.sh          the band at 20/80/200 per s and the sustained rate (6000 notifications per
#                                 latency rate, capped at 15 s each), then every device kind at its own rate
#   bench/ble-latency.sh kinds    only the per-kind latency (about 1 minute)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [[ ! -f bench/target/benchmarks.jar || -n "$(find device/src bench/src -newer bench/target/benchmarks.jar -name '*.java' | head -1)" ]]; then
  echo "ble-latency: building (mvn -q -B -DskipTests -pl bench -am package) ..."
  mvn -q -B -DskipTests -pl bench -am package
fi
if [[ "${1:-}" == kinds ]]; then
  exec java -cp bench/target/benchmarks.jar org.isoband.bench.BleKindLatency
fi
java -cp bench/target/benchmarks.jar org.isoband.bench.BleLatency "$@"
exec java -cp bench/target/benchmarks.jar org.isoband.bench.BleKindLatency
