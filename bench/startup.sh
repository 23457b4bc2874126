#!/usr/bin/env bash
# Time from starting 'isoband run' (a simulated sensor, no display) to the first sample processed, as the
# gateway logs it, over several runs; with the JVM options of the systemd unit, without and with a
# class-data-sharing archive. Builds the jar if missing.  Usage: bench/startup.sh [RUNS]   (default 5)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jar=${ISOBAND_JAR:-app/target/isoband.jar}   # ISOBAND_JAR: another build, to compare
[[ -f "$jar" ]] || { echo "startup: building $jar ..."; mvn -q -B -DskipTests package; }
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/isoband.yaml" <<YAML
sensor: {kind: sim, sim: {scenario: held, seed: 1, speed: 1}}
display: {output: none}
storage: {file: $work/gateway.db}
YAML
unit_opts="-Xms32m -Xmx64m -XX:+UseSerialGC -XX:MaxMetaspaceSize=64m -Xss512k -XX:TieredStopAtLevel=1"

measure() { # $1 label, rest: JVM options
  local label=$1; shift
  local total=0 list=""
  for i in $(seq 1 "$runs"); do
    rm -f "$work/gateway.db"*
    java "$@" -jar "$jar" run --config "$work/isoband.yaml" --new > "$work/out.txt" 2>&1 &
    local pid=$!
    local ms=""
    for _ in $(seq 1 100); do
      ms=$(grep -o 'first sample processed, [0-9]* ms' "$work/out.txt" | grep -o '[0-9]*' || true)
      [[ -n "$ms" ]] && break
      sleep 0.1
    done
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
    [[ -n "$ms" ]] || { echo "startup: run $i gave no 'first sample' line:"; cat "$work/out.txt"; exit 1; }
    list="$list $ms"
    total=$((total + ms))
  done
  echo "startup: $label: first sample after$list ms (mean $((total / runs)) ms)"
}

echo "startup: $(nproc) cores, $(java -version 2>&1 | head -1)"
measure "unit options, no CDS archive" $unit_opts
java $unit_opts -XX:ArchiveClassesAtExit="$work/isoband.jsa" -jar "$jar" demo --headless --speed 50 --duration 10s > /dev/null 2>&1 || true
measure "unit options + CDS archive" $unit_opts -XX:SharedArchiveFile="$work/isoband.jsa"
measure "default JVM options" 
