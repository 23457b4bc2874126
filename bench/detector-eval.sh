#!/usr/bin/env bash
# Scores `isoband analyze` against labelled traces, per family: efforts found, extra reps, F1, rep start
# error, steady-time error, verdict agreement, samples lost (bench/detector_eval.py says how it matches).
#   bench/detector-eval.sh                 simulator families + core/src/test/resources/traces + real ones
#   bench/detector-eval.sh DIR...          only these folders of NAME.csv + NAME.json
#   SEEDS=10 bench/detector-eval.sh        more simulated seeds per family (default 5)
#   NO_BUILD=1, EVAL_OUT=DIR               reuse the built jar; put the results elsewhere
#   PERTURB=1 bench/detector-eval.sh       also the real recordings perturbed (bench/detector_perturb.py:
#                                          scaled, offset, half the rate, a later clock, cut inside each
#                                          effort), one family per kind of change, so that a rule that only
#                                          fits the files themselves shows
#   ANALYZE_JAR=old.jar bench/detector-eval.sh   score another build's `isoband analyze` (e.g. a baseline)
#                                          on the same traces, one JVM per trace (slow); the simulator
#                                          still comes from this build
# The real recordings are read in place from ../shared/real/traces (or ../../shared/..., or $REAL_TRACES)
# when that folder exists; they are never copied into the project.
# Builds through the reactor first (errors shown); simulation and analysis run in one JVM
# (org.isoband.bench.DetectorEval, analyze's own engine). Results stay in bench/target/detector-eval/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
say() { echo "detector-eval: $*" >&2; }

bench_jar=bench/target/benchmarks.jar
if [[ -n "${NO_BUILD:-}" && -f "$bench_jar" ]]; then
  say "NO_BUILD: using the $bench_jar there is"
else
  say "building $bench_jar (mvn -B -DskipTests -pl bench -am package) ..."
  log=$(mktemp)
  mvn -B -DskipTests -pl bench -am package > "$log" 2>&1 || { cat "$log"; exit 1; }
  grep -E "^\[ERROR\]|BUILD" "$log" >&2 || true
  rm -f "$log"
fi

out="${EVAL_OUT:-bench/target/detector-eval}"
rm -rf "$out"
mkdir -p "$out/results" "$out/sim"
seeds="${SEEDS:-5}"

# family = scenario:sensor of the simulator; every phenomenon of the detector's issue has one: set-up
# tension (setup), fidgets, rest plateaus (plateaus), rest steps between angles (angles), wild samples
# (hx711), clock restart, truncated reps, flat readings (deadband), slow gauges (crane-ble), stress
# relaxation, tremor and 50 Hz hum (forceplate), Progressor timing (progressor), a recording all inside one
# hold (endurance)
families=(set:loadcell session:loadcell held:hx711 moved:crane short:progressor unsteady:loadcell dropout:loadcell
          setup:progressor fidgets:progressor plateaus:progressor angles:progressor set:hx711
          clock-restart:progressor truncated:progressor held:deadband set:deadband moved:crane-ble set:crane-ble
          relaxation:loadcell held:forceplate set:forceplate set:progressor endurance:progressor endurance:crane-ble)

add() { # add FAMILY CSV JSON
  local name
  name="$(echo "$1" | tr ':/ ' '___')__$(basename "$2" .csv)"
  cp "$3" "$out/results/$name.json"
  echo "$1" > "$out/results/$name.family"
  ln -sf "$(realpath "$2")" "$out/results/$name.csv"
}

real=""
if [[ $# -eq 0 ]]; then
  say "simulating ${#families[@]} families x $seeds seeds ..."
  java -cp "$bench_jar" org.isoband.bench.DetectorEval simulate "$out/sim" "$seeds" "${families[@]}"
  for json in "$out/sim"/*.json; do
    stem=$(basename "$json" .json)
    add "sim ${stem%-*}" "${json%.json}.csv" "$json"
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

if [[ -n "${PERTURB:-}" ]]; then
  if [[ -n "$real" ]]; then
    python3 bench/detector_perturb.py "$real" "$out/perturbed"
    for csv in "$out/perturbed"/*.csv; do
      variant="${csv##*__}"
      variant="${variant%.csv}"
      add "perturbed ${variant%_rep*}" "$csv" "${csv%.csv}.json"
    done
  else
    say "PERTURB: no real recordings to perturb"
  fi
fi

say "running analyze on $(ls "$out/results"/*.json | wc -l) traces ..."
if [[ -n "${ANALYZE_JAR:-}" ]]; then
  for json in "$out/results"/*.json; do
    stem="${json%.json}"
    java -jar "$ANALYZE_JAR" analyze "$stem.csv" > "$stem.reps.jsonl" 2> "$stem.err" || say "analyze failed on $stem.csv: $(head -1 "$stem.err")"
  done
else
  java -cp "$bench_jar" org.isoband.bench.DetectorEval analyze "$out/results"/*.csv
fi

python3 bench/detector_eval.py "$out/results" | tee "$out/table.md"
