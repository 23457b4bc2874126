package org.isoband.bench;

import java.util.concurrent.TimeUnit;
import org.isoband.core.detect.DetectorConfig;
import org.isoband.core.detect.DetectorListener;
import org.isoband.core.detect.HoldDetector;
import org.isoband.core.detect.Phase;
import org.isoband.core.detect.RepEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time and allocation per sample of {@link HoldDetector#accept} in steady state (issue targets: at most
 * 100 ns and 0 bytes a sample). Each invocation feeds one sample of a pre-generated session
 * ({@link Sessions#benchmark()}); at the end of the session the same samples are replayed shifted one lap
 * later, so time only moves forward and the detector sees an endless session with reps every ~15 s.
 * Run with {@code -prof gc} for {@code gc.alloc.rate.norm} (bytes per sample): see bench/run-jmh.sh.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
// Short defaults for a 2-core machine; bench/run-jmh.sh states them again on the command line.
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DetectorBenchmark {

    /** Sensor rate: 80 Hz is the device's, 1 kHz the fastest the detector is specified for. */
    @Param({"80", "1000"})
    public double hz;

    private long[] tNanos;
    private double[] newtons;
    private long lapNanos;
    private long offsetNanos;
    private int next;
    private RepSink reps;
    private HoldDetector detector;

    /** Keeps the last rep, as a real listener would, so the event is really built. */
    static final class RepSink implements DetectorListener {
        long count;
        RepEvent last;

        @Override
        public void onRep(RepEvent rep) {
            count++;
            last = rep;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        ForceSignal session = Sessions.benchmark();
        ForceSignal.Samples samples = session.sample(hz, 42);
        tNanos = samples.tNanos();
        newtons = samples.newtons();
        lapNanos = samples.lapNanos();
        reps = new RepSink();
        detector = new HoldDetector(DetectorConfig.DEFAULTS, reps);
        // One lap before measuring: the detector's buffers grow to the longest rep once, and the first rest
        // tension is learnt. What is measured after is the steady state.
        for (int i = 0; i < tNanos.length; i++) {
            feed();
        }
        if (reps.count == 0) {
            throw new IllegalStateException("the detector found no rep in the benchmark session");
        }
        System.out.printf("%n# session: %d samples at %.0f Hz, %.1f s a lap, %d reps found in the first lap "
                + "(%d scripted)%n", tNanos.length, hz, lapNanos / 1e9, reps.count, session.contractions());
    }

    /** Feeds the next sample and returns the phase, so nothing the detector does can be optimized away. */
    @Benchmark
    public Phase acceptOneSample() {
        feed();
        return detector.phase();
    }

    private void feed() {
        int i = next;
        detector.accept(offsetNanos + tNanos[i], newtons[i]);
        if (++i == tNanos.length) {
            i = 0;
            offsetNanos += lapNanos;
        }
        next = i;
    }
}
