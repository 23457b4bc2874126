package org.isoband.device.sim;

import java.util.List;
import java.util.Random;

/**
 * A simulated athlete training with the band, read by a simulated sensor: deterministic for a seed, so a
 * failing test or a demo can be replayed exactly. {@link #forEach} produces the samples as fast as asked.
 */
public final class SimulatedSession {
    private final Scenario scenario;
    private final long seed;
    private final AthleteModel athlete;
    private final SensorModel sensor;

    public SimulatedSession(Scenario scenario, long seed, SensorModel sensor) {
        this.scenario = scenario;
        this.seed = seed;
        this.sensor = sensor;
        this.athlete = new AthleteModel(scenario.plan(new Random(seed)));
    }

    public Scenario scenario() {
        return scenario;
    }

    public long seed() {
        return seed;
    }

    public SensorModel sensor() {
        return sensor;
    }

    public List<RepPlan> reps() {
        return athlete.reps();
    }

    public double durationS() {
        return athlete.durationS();
    }

    /** Receives each simulated reading. */
    @FunctionalInterface
    public interface Reading {
        void accept(double seconds, double newtons);
    }

    /** Produces every reading of the session in time order (lost samples and dropouts are simply absent). */
    public void forEach(Reading out) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        double period = 1 / sensor.hz();
        double last = -1;
        for (long i = 0; ; i++) {
            double nominal = i * period;
            if (nominal >= athlete.durationS()) {
                return;
            }
            double t = Math.max(last + period / 10, nominal + (random.nextDouble() - 0.5) * sensor.jitter() * period);
            double noise = random.nextGaussian();
            double tremor = random.nextGaussian();
            if (random.nextDouble() < sensor.loss() || inDropout(t)) {
                continue;
            }
            last = t;
            out.accept(t, read(t, noise, tremor));
        }
    }

    private double read(double t, double noise, double tremor) {
        double clean = athlete.tensionAt(t);
        double rest = restAt(t);
        double value = clean + sensor.noiseN() * noise + sensor.tremorPct() / 100 * Math.max(0, clean - rest) * tremor;
        return sensor.stepN() > 0 ? Math.round(value / sensor.stepN()) * sensor.stepN() : value;
    }

    /** The end of the rep in progress at {@code t}, or {@code t} itself between reps. */
    double endOfRepAt(double t) {
        for (RepPlan r : athlete.reps()) {
            if (t >= r.startS() && t < r.endS()) {
                return r.endS();
            }
        }
        return t;
    }

    /** The band's tension at rest around {@code t}: what a relaxed athlete's sensor reads. */
    double restAt(double t) {
        for (RepPlan r : athlete.reps()) {
            if (t < r.endS()) {
                return r.restN();
            }
        }
        return athlete.reps().get(athlete.reps().size() - 1).restN();
    }

    /** True while the sensor is silent because of a DROPOUT fault. */
    public boolean inDropout(double t) {
        for (RepPlan r : athlete.reps()) {
            if (r.fault() == Fault.DROPOUT) {
                double from = r.startS() + r.rampS() + r.faultAtS();
                if (t >= from && t < from + r.faultSizeN()) {
                    return true;
                }
            }
        }
        return false;
    }
}
