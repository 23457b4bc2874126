package org.isoband.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.isoband.core.detect.DetectorConfig;
import org.isoband.core.detect.HoldDetector;

/**
 * The detector's cost per sample in thread CPU time, for a machine too loaded for {@link DetectorBenchmark}'s
 * wall-clock figures (on 2 cores shared with other builds JMH's error exceeds its score): the same session
 * ({@link Sessions#benchmark()}, the same rates), fed lap after lap to one detector, each lap timed by the
 * thread's own CPU clock, which does not count the time other processes hold the core. Contention for caches
 * still shows, so compare builds in alternating runs on the same machine, not with figures of another day.
 * <p>{@code java -cp bench/target/benchmarks.jar org.isoband.bench.DetectorCpuTime [CHUNKS]} prints, per rate,
 * the median and the fastest chunk (about 300,000 samples) in ns per sample, after 3 s of warm-up.
 */
public final class DetectorCpuTime {
    private DetectorCpuTime() {
    }

    public static void main(String[] args) {
        int laps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (double hz : new double[] {80, 1000}) {
            ForceSignal.Samples samples = Sessions.benchmark().sample(hz, 42);
            long[] t = samples.tNanos();
            double[] x = samples.newtons();
            DetectorBenchmark.RepSink reps = new DetectorBenchmark.RepSink();
            HoldDetector detector = new HoldDetector(DetectorConfig.DEFAULTS, reps);
            // Each timed chunk is about 300,000 samples (at 80 Hz, 13 laps), and 3 s of CPU warm the JIT up first.
            int lapsPerChunk = Math.max(1, 300_000 / t.length);
            double[] nsPerSample = new double[laps];
            long offset = 0;
            long warmUntil = threads.getCurrentThreadCpuTime() + 3_000_000_000L;
            for (int chunk = -1; chunk < laps; chunk++) {
                long start = threads.getCurrentThreadCpuTime();
                long fed = 0;
                do {
                    for (int lap = 0; lap < lapsPerChunk; lap++) {
                        for (int i = 0; i < t.length; i++) {
                            detector.accept(offset + t[i], x[i]);
                        }
                        offset += samples.lapNanos();
                        fed += t.length;
                    }
                } while (chunk < 0 && threads.getCurrentThreadCpuTime() < warmUntil);
                if (chunk >= 0) {
                    nsPerSample[chunk] = (double) (threads.getCurrentThreadCpuTime() - start) / fed;
                }
            }
            Arrays.sort(nsPerSample);
            System.out.printf(Locale.ROOT, "hz %5.0f: %d chunks of %d samples, %d reps in all: CPU ns per sample median"
                    + " %.1f, fastest chunk %.1f%n", hz, laps, lapsPerChunk * t.length, reps.count, nsPerSample[laps / 2],
                    nsPerSample[0]);
        }
    }
}
