package org.isoband.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A force signal for benchmarks: a noiseless shape made of segments (rest, cosine ramps, holds, slow drifts,
 * wobbles), sampled at a chosen rate with timing jitter, sensor noise and tremor. Sampling walks the segments
 * with a cursor instead of searching them, so an hour at 1 kHz streams out in about a second.
 */
public final class ForceSignal {
    /** Sampling jitter, as a fraction of the period: small enough that time always moves forward. */
    private static final double JITTER = 0.15;

    private record Segment(double t0, double t1, double from, double to, double wobbleN, double periodS) {
        double at(double t) {
            double u = Math.min(1, Math.max(0, (t - t0) / (t1 - t0)));
            double base = from + (to - from) * (1 - Math.cos(Math.PI * u)) / 2;
            return wobbleN == 0 ? base : base + wobbleN * Math.sin(2 * Math.PI * (t - t0) / periodS);
        }
    }

    /** Receives each sample as it is made. */
    @FunctionalInterface
    public interface SampleSink {
        void accept(double seconds, double newtons);
    }

    /** A sampled signal: times in nanoseconds from 0 and tensions in newtons. */
    public record Samples(long[] tNanos, double[] newtons, long lapNanos) {
        public int size() {
            return tNanos.length;
        }
    }

    private final List<Segment> segments = new ArrayList<>();
    private final double noiseN;
    private final double tremorPct;
    private double end;
    private double level;
    private int contractions;

    /**
     * @param restN     tension at the start
     * @param noiseN    standard deviation of the sensor noise
     * @param tremorPct standard deviation of the tremor, % of the tension
     */
    public ForceSignal(double restN, double noiseN, double tremorPct) {
        this.level = restN;
        this.noiseN = noiseN;
        this.tremorPct = tremorPct;
    }

    public ForceSignal hold(double seconds) {
        return add(seconds, level, 0, 1);
    }

    /** A smooth (cosine) change to {@code to} newtons: ramps, releases, steps, slow fatigue drift. */
    public ForceSignal ramp(double seconds, double to) {
        return add(seconds, to, 0, 1);
    }

    /** A sinusoidal wobble of +/- {@code amplitudeN} around the current level. */
    public ForceSignal wobble(double seconds, double amplitudeN, double periodS) {
        return add(seconds, level, amplitudeN, periodS);
    }

    /** Marks that the segments since the last rest make one contraction (for reporting what was scripted). */
    public ForceSignal countContraction() {
        contractions++;
        return this;
    }

    private ForceSignal add(double seconds, double to, double wobbleN, double periodS) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("a segment must last a positive time, got " + seconds);
        }
        segments.add(new Segment(end, end + seconds, level, to, wobbleN, periodS));
        end += seconds;
        level = to;
        return this;
    }

    public double durationS() {
        return end;
    }

    public int contractions() {
        return contractions;
    }

    /** Number of samples {@link #sample} makes at {@code hz}: one per period from 0 up to the end. */
    public int sampleCount(double hz) {
        return (int) Math.ceil(end * hz);
    }

    /** Streams the samples at {@code hz} to {@code sink}, in time order; the same seed gives the same samples. */
    public void sample(double hz, long seed, SampleSink sink) {
        Random random = new Random(seed);
        int n = sampleCount(hz);
        int cursor = 0;
        for (int i = 0; i < n; i++) {
            double t = Math.max(0, (i + (random.nextDouble() - 0.5) * JITTER) / hz);
            while (cursor < segments.size() - 1 && t >= segments.get(cursor).t1()) {
                cursor++;
            }
            double clean = segments.get(cursor).at(t);
            double tremor = tremorPct / 100 * Math.abs(clean) * random.nextGaussian();
            sink.accept(t, clean + noiseN * random.nextGaussian() + tremor);
        }
    }

    /**
     * The samples at {@code hz} in arrays. {@code lapNanos} is the time of the sample that would follow the
     * last one: adding it to every time replays the signal seamlessly after itself (it starts and ends at rest).
     */
    public Samples sample(double hz, long seed) {
        int n = sampleCount(hz);
        long[] t = new long[n];
        double[] x = new double[n];
        int[] i = {0};
        sample(hz, seed, (seconds, newtons) -> {
            t[i[0]] = Math.round(seconds * 1e9);
            x[i[0]] = newtons;
            i[0]++;
        });
        return new Samples(t, x, Math.round(n / hz * 1e9));
    }
}
