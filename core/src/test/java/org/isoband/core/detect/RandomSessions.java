package org.isoband.core.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Randomised training sessions with known truth, harder than the shared traces: rates from 10 Hz to 1 kHz,
 * weak and strong contractions on low and high rest tensions, slow and fast ramps, lost samples, quantised
 * sensors, upward and downward moves, wobbles of different speeds.
 */
final class RandomSessions {
    record Truth(double startS, double endS, double steadyS, Verdict verdict) {
    }

    record Session(String description, List<double[]> samples, List<Truth> truth) {
    }

    /** What kind of sessions: every sensor and strength, or weak contractions on slow, coarse sensors. */
    enum Profile {
        ALL(new double[] {10, 12.5, 25, 40, 80, 200, 1000}, 0.25, 0.3),
        WEAK_AND_SLOW(new double[] {10, 10, 12.5, 20}, 1.0, 0.5);

        final double[] rates;
        final double weakShare;
        final double quantisedShare;

        Profile(double[] rates, double weakShare, double quantisedShare) {
            this.rates = rates;
            this.weakShare = weakShare;
            this.quantisedShare = quantisedShare;
        }

        /**
         * One athlete's strength: weak or strong for the whole session. (A rep is a contraction large for
         * this athlete; each rep varies around the strength, see {@link #generate}.)
         */
        double strength(Random r) {
            if (this == WEAK_AND_SLOW) {
                return 14 + r.nextDouble() * 21;
            }
            return r.nextDouble() < weakShare ? 22 + r.nextDouble() * 26 : 65 + r.nextDouble() * 225;
        }
    }

    private RandomSessions() {
    }

    static Session generate(long seed, Profile profile) {
        Random r = new Random(seed);
        double hz = profile.rates[r.nextInt(profile.rates.length)];
        double rest = 2 + r.nextDouble() * 60;
        double noise = 0.1 + r.nextDouble() * 0.8;
        double tremor = 0.8 + r.nextDouble() * 1.7;
        double loss = r.nextDouble() < 0.4 ? r.nextDouble() * 0.15 : 0;
        double quantum = r.nextDouble() < profile.quantisedShare ? 0.5 : 0;
        Signal s = new Signal(rest).hold(3 + r.nextDouble() * 2);
        List<Truth> truth = new ArrayList<>();
        int reps = 4 + r.nextInt(4);
        double strength = profile.strength(r);
        for (int i = 0; i < reps; i++) {
            double amplitude = strength * (0.85 + r.nextDouble() * 0.3);
            double top = rest + amplitude;
            double rampS = 0.3 + r.nextDouble() * 1.0;
            double start = s.now();
            s.ramp(rampS, top);
            Verdict verdict;
            double steady;
            double kind = r.nextDouble();
            if (kind < 0.35) {
                steady = 6.4 + r.nextDouble() * 5;
                verdict = Verdict.HELD;
                s.hold(steady);
            } else if (kind < 0.6) {
                steady = 1.6 + r.nextDouble() * 4.0;
                verdict = Verdict.SHORT;
                s.hold(steady);
            } else if (kind < 0.8) {
                double first = 1.5 + r.nextDouble() * 3;
                double second = 1.5 + r.nextDouble() * 2.5;
                double change = (0.2 + r.nextDouble() * 0.15) * amplitude * (r.nextBoolean() ? 1 : -1);
                s.hold(first).ramp(0.2 + r.nextDouble() * 0.5, top + change).hold(second);
                steady = Math.max(first, second);
                verdict = Verdict.MOVED;
            } else {
                double wobble = (0.13 + r.nextDouble() * 0.12) * amplitude;
                s.wobble(4 + r.nextDouble() * 5, wobble, 0.7 + r.nextDouble() * 1.3);
                steady = 0;
                verdict = Verdict.UNSTEADY;
            }
            s.ramp(0.3 + r.nextDouble() * 0.6, rest);
            truth.add(new Truth(start, s.now(), steady, verdict));
            rest = Math.max(1, rest + (r.nextDouble() - 0.5) * 10);
            s.ramp(0.5, rest).hold(3 + r.nextDouble() * 4);
        }
        List<double[]> samples = s.sample(new Signal.Sampling(hz, 0.2, loss, noise, tremor, seed));
        if (quantum > 0) {
            samples.forEach(p -> p[1] = Math.round(p[1] / quantum) * quantum);
        }
        String description = String.format("seed %d: %.1f Hz, loss %.0f %%, noise %.2f N, tremor %.1f %%%s",
                seed, hz, loss * 100, noise, tremor, quantum > 0 ? ", 0.5 N steps" : "");
        return new Session(description, samples, truth);
    }
}
