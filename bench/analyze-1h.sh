#!/usr/bin/env bash
# Times `isoband analyze` end to end (JVM start, CSV parsing, detection, JSON output) on a generated
# one-hour recording at 1 kHz (3.6 M samples). Target: under 3 s a run.
#   bench/analyze-1h.sh            5 timed runs
#   RUNS=3 bench/analyze-1h.sh     fewer
# Uses hyperfine when installed, else a bash loop. The trace is kept in bench/target/ and remade only
# when the bench jar is newer.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${RUNS:-5}"
bench_jar=bench/target/benchmarks.jar
app_jar=app/target/isoband.jar
trace=bench/target/trace-1h-1khz.csv
reps_out=bench/target/trace-1h-1khz.reps.jsonl

say() { echo "analyze-1h: $*"; }

if [[ ! -f "$bench_jar" || ! -f "$app_jar" ]]; then
  say "building the jars (mvn -q -B -DskipTests package) ..."
  mvn -q -B -DskipTests package
fi

if [[ ! -f "$trace" || "$bench_jar" -nt "$trace" ]]; then
  say "generating a 1 h, 1 kHz session in $trace ..."
  java -cp "$bench_jar" org.isoband.bench.WriteTrace "$trace" 3600 1000 1 | sed 's/^/analyze-1h: generated: /'
fi
samples=$(grep -c '^[0-9]' "$trace")
say "trace: $samples samples, $(du -h "$trace" | cut -f1), $(head -1 "$trace")"

say "untimed run (warms the file cache, counts the reps) ..."
./isoband analyze "$trace" > "$reps_out"
reps=$(wc -l < "$reps_out")
verdicts=$(grep -o '"verdict":"[A-Z]*"' "$reps_out" | cut -d'"' -f4 | sort | uniq -c | awk '{printf "%s %s, ", $1, $2}')
say "reps found: $reps (${verdicts%, })"

if command -v hyperfine > /dev/null; then
  say "timing $runs runs with hyperfine ..."
  hyperfine --warmup 1 --runs "$runs" --export-json bench/target/analyze-1h.json \
    "./isoband analyze $trace"
  mean=$(grep -m1 '"mean"' bench/target/analyze-1h.json | tr -dc '0-9.')
else
  say "timing $runs runs (hyperfine not installed: bash loop with date) ..."
  times=()
  for ((i = 1; i <= runs; i++)); do
    start=$(date +%s.%N)
    ./isoband analyze "$trace" > /dev/null
    end=$(date +%s.%N)
    secs=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }')
    times+=("$secs")
    say "run $i/$runs: $secs s, $(awk -v n="$samples" -v t="$secs" 'BEGIN { printf "%.2f", n / t / 1e6 }') M samples/s"
  done
  read -r mean min max sd < <(printf '%s\n' "${times[@]}" | awk '
    { x[NR] = $1; s += $1; if (NR == 1 || $1 < lo) lo = $1; if (NR == 1 || $1 > hi) hi = $1 }
    END { m = s / NR; for (i = 1; i <= NR; i++) v += (x[i] - m) ^ 2
          printf "%.3f %.3f %.3f %.3f\n", m, lo, hi, (NR > 1 ? sqrt(v / (NR - 1)) : 0) }')
  say "per run: mean $mean s +/- $sd s (sd), min $min s, max $max s"
fi
say "throughput: $(awk -v n="$samples" -v t="$mean" 'BEGIN { printf "%.2f", n / t / 1e6 }') M samples/s at the mean"
verdict=$(awk -v t="$mean" 'BEGIN { print (t < 3 ? "met" : "MISSED") }')
say "target < 3 s per run: $verdict (mean $mean s, $reps reps)"
