package org.isoband.bench;

import java.util.Random;

/** Training sessions to feed the detector: rest tension ~30 N with 0.4 N noise, holds with 1.5 % tremor. */
public final class Sessions {
    static final double REST_N = 30;
    static final double NOISE_N = 0.4;
    static final double TREMOR_PCT = 1.5;
    static final double RAMP_S = 0.5;

    private Sessions() {
    }

    /**
     * About five minutes of scripted reps that take the detector through every phase and verdict: held holds
     * (one with fatigue drift), short reps, a wobble, a step of the leg. Starts and ends at rest.
     */
    public static ForceSignal benchmark() {
        ForceSignal s = new ForceSignal(REST_N, NOISE_N, TREMOR_PCT).hold(5);
        for (double scale : new double[] {1.0, 0.9}) {
            rep(s, 230 * scale, 8).hold(10);
            rep(s, 215 * scale, 10).hold(10);
            rep(s, 220 * scale, 3).hold(10);
            // Fatigue: the level sinks 6 % over the hold.
            s.ramp(RAMP_S, 240 * scale).ramp(7, 226 * scale).ramp(RAMP_S, REST_N).countContraction().hold(12);
            // Wobble: +/- 10 % of the amplitude at 1 Hz.
            s.ramp(RAMP_S, 220 * scale).wobble(6, 19 * scale, 1).ramp(RAMP_S, REST_N).countContraction().hold(10);
            // The leg moves: a step of 25 % of the amplitude.
            s.ramp(RAMP_S, 200 * scale).hold(4).ramp(0.4, 245 * scale).hold(3).ramp(RAMP_S, REST_N)
                    .countContraction().hold(10);
            rep(s, 180 * scale, 1.5).hold(6);
            rep(s, 185 * scale, 1.5).hold(6);
            rep(s, 250 * scale, 6.5).hold(10);
        }
        return s;
    }

    /** A ramp to {@code topN}, a steady hold of {@code holdS}, and the release back to rest. */
    private static ForceSignal rep(ForceSignal s, double topN, double holdS) {
        return s.ramp(RAMP_S, topN).hold(holdS).ramp(RAMP_S, REST_N).countContraction();
    }

    /**
     * A long session for timing whole recordings: sets of five reps (mostly held, some short, wobbling or
     * moved), 10-20 s between reps and about 70-110 s between sets, amplitudes and timings drawn from
     * {@code seed}, the rest tension shifting a little from set to set as the band is re-anchored. Lasts
     * {@code seconds}.
     */
    public static ForceSignal session(double seconds, long seed) {
        Random r = new Random(seed);
        double rest = REST_N;
        ForceSignal s = new ForceSignal(rest, NOISE_N, TREMOR_PCT).hold(10);
        // Room for the longest rep and its rest, so the session ends at rest on time.
        double longestRepS = 2 * 0.8 + 14 + 20;
        while (s.durationS() + longestRepS < seconds) {
            for (int i = 0; i < 5 && s.durationS() + longestRepS < seconds; i++) {
                randomRep(s, r, rest);
                s.hold(between(r, 10, 20));
            }
            double next = between(r, 26, 34);
            if (s.durationS() + 90 + longestRepS < seconds) {
                s.hold(between(r, 50, 80)).ramp(1, next).hold(9);
                rest = next;
            }
        }
        return s.hold(seconds - s.durationS());
    }

    private static void randomRep(ForceSignal s, Random r, double rest) {
        double top = rest + between(r, 150, 230);
        double rampS = between(r, 0.4, 0.8);
        double kind = r.nextDouble();
        s.ramp(rampS, top);
        if (kind < 0.6) {
            // Held, sinking by up to 4 % as the muscle tires.
            s.ramp(between(r, 6.5, 12), top * (1 - between(r, 0, 0.04)));
        } else if (kind < 0.75) {
            s.hold(between(r, 1.5, 5));
        } else if (kind < 0.85) {
            s.wobble(between(r, 4, 8), (top - rest) * between(r, 0.1, 0.15), between(r, 0.7, 1.3));
        } else {
            s.hold(between(r, 3, 5)).ramp(0.4, top + (top - rest) * between(r, 0.2, 0.3)).hold(between(r, 2, 4));
        }
        s.ramp(between(r, 0.4, 0.8), rest).countContraction();
    }

    private static double between(Random r, double low, double high) {
        return low + (high - low) * r.nextDouble();
    }
}
