#!/usr/bin/env bash
# Scores `isoband analyze` against labelled traces, per family: efforts found, extra reps, F1, rep start
# error, steady-time error, verdict agreement, samples lost (bench/detector_eval.py says how it matches).
#   bench/detector-eval.sh                 simulator families + core/src/test/resources/traces + real ones
#   bench/detector-eval.sh DIR...          only these folders of NAME.csv + NAME.json
#   SEEDS=10 bench/detector-eval.sh        more simulated seeds per family (default 5)
#   ANALYZE_JAR=old.jar bench/detector-eval.sh   score another build's analyze (e.g. a baseline) on the
#                                          same traces (the simulator still comes from this build)
# The real recordings are read in place from ../shared/real/traces (or ../../shared/..., or $REAL_TRACES)
# when that folder exists; they are never copied into the project.
# Builds the jar through the reactor first (errors shown); results are kept in bench/target/detector-eval/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
say() { echo "detector-eval: $*" >&2; }

say "building the isoband jar (mvn -B -DskipTests package of the command line and what it needs) ..."
app_module=gateway
[[ -d app && -f app/pom.xml ]] && app_module=app
mvn -B -DskipTests -pl "$app_module" -am package > bench/target-build.log 2>&1 || { cat bench/target-build.log; exit 1; }
grep -E "^\[ERROR\]|BUILD|COMPILATION" bench/target-build.log >&2 || true
rm -f bench/target-build.log
jar=$(ls -t */target/isoband.jar | head -1)
analyze_jar="${ANALYZE_JAR:-$jar}"
say "simulator: $jar; analyze: $analyze_jar"

out=bench/target/detector-eval
rm -rf "$out"
mkdir -p "$out/results" "$out/sim"
seeds="${SEEDS:-5}"

# family = scenario:sensor of the simulator; every phenomenon of the detector's issue has one: set-up
# tension (setup), fidgets, rest plateaus (plateaus), rest steps between angles (angles), wild samples (hx711),
# clock restart, truncated reps, flat readings (deadband), slow gauges (crane-ble), stress relaxation,
# tremor and 50 Hz hum (forceplate), Progressor timing (progressor)
families=(set:loadcell session:loadcell held:hx711 moved:crane short:progressor unsteady:loadcell dropout:loadcell
          setup:progressor fidgets:progressor plateaus:progressor angles:progressor set:hx711
          clock-restart:progressor truncated:progressor held:deadband set:deadband moved:crane-ble set:crane-ble
          relaxation:loadcell held:forceplate set:forceplate set:progressor)

add() { # add FAMILY CSV JSON
  local name
  name="$(echo "$1" | tr ':/' '__')__$(basename "$2" .csv)"
  cp "$3" "$out/results/$name.json"
  echo "$1" > "$out/results/$name.family"
  ln -sf "$(realpath "$2")" "$out/results/$name.csv"
}

if [[ $# -eq 0 ]]; then
  say "simulating ${#families[@]} families x $seeds seeds ..."
  for fam in "${families[@]}"; do
    scenario=${fam%%:*}; sensor=${fam#*:}
    for seed in $(seq 1 "$seeds"); do
      f="$out/sim/${scenario}-${sensor}-$seed"
      args=(simulate --scenario "$scenario" --seed "$seed" --out "$f.csv" --labels "$f.json")
      args+=(--sensor "$sensor")
      java -jar "$jar" "${args[@]}" > /dev/null 2> "$f.log" || { cat "$f.log" >&2; exit 1; }
      add "sim $fam" "$f.csv" "$f.json"
    done
  done
  dirs=(core/src/test/resources/traces)
  real="${REAL_TRACES:-}"
  for candidate in ../shared/real/traces ../../shared/real/traces; do
    [[ -z "$real" && -d "$candidate" ]] && real="$candidate"
  done
  if [[ -n "$real" ]]; then dirs+=("$real"); say "real recordings: $real (read in place)"; else say "no shared/real/traces beside the repository: real recordings skipped"; fi
else
  dirs=("$@")
fi

for d in "${dirs[@]}"; do
  for csv in "$d"/*.csv; do
    json="${csv%.csv}.json"
    [[ -f "$json" ]] || continue
    stem=$(basename "$csv" .csv)
    if [[ "$d" == "${real:-/nonexistent}" ]]; then fam="real $stem"; else fam="$(basename "$d") ${stem%-[0-9][0-9]}"; fi
    add "$fam" "$csv" "$json"
  done
done

say "running analyze on $(ls "$out/results"/*.json | wc -l) traces ..."
for json in "$out/results"/*.json; do
  stem="${json%.json}"
  java -jar "$analyze_jar" analyze "$stem.csv" > "$stem.reps.jsonl" 2> "$stem.err" || say "analyze failed on $stem.csv: $(head -1 "$stem.err")"
done

python3 bench/detector_eval.py "$out/results" | tee "$out/table.md"
