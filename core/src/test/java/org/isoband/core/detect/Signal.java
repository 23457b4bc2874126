package org.isoband.core.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Constructed force signals for detector tests: a noiseless shape made of segments (rest, cosine ramps,
 * holds, steps, wobbles), then sampled at a chosen rate with jitter, lost samples, sensor noise and tremor.
 * The truth of each segment is known exactly, so tests can check timing to the sample.
 */
final class Signal {
    private record Segment(double t0, double t1, double from, double to, double wobble, double periodS) {
        double at(double t) {
            double u = t1 > t0 ? (t - t0) / (t1 - t0) : 1;
            double base = from + (to - from) * (1 - Math.cos(Math.PI * Math.min(1, Math.max(0, u)))) / 2;
            return wobble == 0 ? base : base + wobble * Math.sin(2 * Math.PI * (t - t0) / periodS);
        }
    }

    private final List<Segment> segments = new ArrayList<>();
    private double end;
    private double level;

    Signal(double restN) {
        level = restN;
    }

    /** Time at which the next segment starts. */
    double now() {
        return end;
    }

    double level() {
        return level;
    }

    Signal hold(double seconds) {
        return add(seconds, level, 0, 1);
    }

    /** A smooth (cosine) change to {@code to} newtons over {@code seconds}: ramps, releases, moves. */
    Signal ramp(double seconds, double to) {
        return add(seconds, to, 0, 1);
    }

    /** A sinusoidal wobble of +/- {@code amplitudeN} around the current level. */
    Signal wobble(double seconds, double amplitudeN, double periodS) {
        return add(seconds, level, amplitudeN, periodS);
    }

    private Signal add(double seconds, double to, double wobble, double period) {
        segments.add(new Segment(end, end + seconds, level, to, wobble, period));
        end += seconds;
        level = to;
        return this;
    }

    double at(double t) {
        for (Segment s : segments) {
            if (t < s.t1()) {
                return s.at(t);
            }
        }
        return level;
    }

    /** Sampling of a signal: rate, jitter (fraction of the period), loss probability, noise. */
    record Sampling(double hz, double jitter, double loss, double noiseN, double tremorPct, long seed) {
        static Sampling clean(double hz) {
            return new Sampling(hz, 0, 0, 0, 0, 1);
        }

        static Sampling realistic(double hz, long seed) {
            return new Sampling(hz, 0.15, 0.0, 0.4, 1.5, seed);
        }

        Sampling withLoss(double probability) {
            return new Sampling(hz, jitter, probability, noiseN, tremorPct, seed);
        }

        Sampling withNoise(double newtons, double tremor) {
            return new Sampling(hz, jitter, loss, newtons, tremor, seed);
        }
    }

    /** Samples as {seconds, newtons} pairs. */
    List<double[]> sample(Sampling s) {
        Random random = new Random(s.seed());
        List<double[]> out = new ArrayList<>();
        double period = 1 / s.hz();
        for (double nominal = 0; nominal < end; nominal += period) {
            if (random.nextDouble() < s.loss()) {
                continue;
            }
            double t = nominal + (random.nextDouble() - 0.5) * s.jitter() * period;
            double clean = at(t);
            double tremor = s.tremorPct() / 100 * Math.abs(clean) * random.nextGaussian();
            out.add(new double[] {Math.max(0, t), clean + s.noiseN() * random.nextGaussian() + tremor});
        }
        return out;
    }

    /** Runs the samples through a detector with {@code config} and returns the reps it found. */
    static List<RepEvent> detect(List<double[]> samples, DetectorConfig config) {
        List<RepEvent> reps = new ArrayList<>();
        HoldDetector detector = new HoldDetector(config, reps::add);
        for (double[] s : samples) {
            detector.accept(Math.round(s[0] * 1e9), s[1]);
        }
        detector.finish();
        return reps;
    }
}
