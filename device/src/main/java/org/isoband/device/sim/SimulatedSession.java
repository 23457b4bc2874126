package org.isoband.device.sim;

import java.util.List;
import java.util.Random;

/**
 * A simulated athlete training with the band, read by a simulated sensor: deterministic for a seed, so a
 * failing test or a demo can be replayed exactly. {@link #forEach} produces the samples as fast as asked.
 */
public final class SimulatedSession {
    /** A Progressor's base interval (the real one: ~11.4 ms, every 16th doubled). */
    private static final double PROGRESSOR_PERIOD_S = 0.0114;
    private static final int STALE_HEAD_SAMPLES = 19;
    private static final double STALE_HEAD_T0_S = 5.76;

    private final Scenario scenario;
    private final long seed;
    private final Plan plan;
    private final AthleteModel athlete;
    private final SensorModel sensor;

    public SimulatedSession(Scenario scenario, long seed, SensorModel sensor) {
        this.scenario = scenario;
        this.seed = seed;
        this.sensor = sensor;
        this.plan = scenario.plan(new Random(seed));
        this.athlete = new AthleteModel(plan.reps(), plan.angleChangeS());
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

    /** Whether the recording starts or ends inside this rep (it is then marked truncated). */
    public boolean truncated(RepPlan r) {
        return plan.truncates(r);
    }

    public double durationS() {
        return Math.min(athlete.durationS(), plan.recordToS());
    }

    /** Receives each simulated reading. */
    @FunctionalInterface
    public interface Reading {
        void accept(double seconds, double newtons);
    }

    /** Produces every reading of the session in time order (lost samples and dropouts are simply absent). */
    public void forEach(Reading out) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        // Faults draw from their own stream, so the plain sensors read exactly as they always did.
        Random faults = new Random(seed * 31 + 17);
        double period = sensor.timing() == SensorModel.SampleTiming.PROGRESSOR ? PROGRESSOR_PERIOD_S : 1 / sensor.hz();
        if (plan.staleHead()) {
            double stale = 140 + faults.nextDouble() * 40;
            for (int i = 0; i < STALE_HEAD_SAMPLES; i++) {
                out.accept(STALE_HEAD_T0_S + i * period, stale + sensor.noiseN() * faults.nextGaussian());
            }
        }
        double last = -1;
        double phase = 0;
        double previousT = 0;
        double reported = Double.NaN;
        for (long i = 0; ; i++) {
            double nominal = nominal(i, period);
            if (nominal >= durationS()) {
                return;
            }
            double t = Math.max(last + period / 10, nominal + (random.nextDouble() - 0.5) * sensor.jitter() * period);
            double noise = random.nextGaussian();
            double tremor = random.nextGaussian();
            if (sensor.tremorHz() > 0) {
                // Physiological tremor: an oscillation wandering around its frequency (8-12 Hz), not white.
                double hz = sensor.tremorHz() + 2 * Math.sin(2 * Math.PI * 0.13 * t);
                phase += 2 * Math.PI * hz * (t - previousT);
                tremor = Math.sqrt(2) * Math.sin(phase);
            }
            previousT = t;
            if (random.nextDouble() < sensor.loss() || inDropout(t) || t < plan.recordFromS()) {
                continue;
            }
            last = t;
            double value = read(t, noise, tremor, faults);
            if (sensor.deadbandN() > 0) {
                if (Double.isNaN(reported) || Math.abs(value - reported) > sensor.deadbandN()) {
                    reported = value;
                }
                value = reported;   // a gauge that reports only changes: the last value, repeated
            }
            out.accept(t, value);
        }
    }

    private double nominal(long i, double period) {
        if (sensor.timing() == SensorModel.SampleTiming.PROGRESSOR) {
            return (i + i / 16) * period;
        }
        return i * period;
    }

    private double read(double t, double noise, double tremor, Random faults) {
        double clean = athlete.tensionAt(t);
        double rest = restAt(t);
        double value = clean + sensor.noiseN() * noise + sensor.tremorPct() / 100 * Math.max(0, clean - rest) * tremor;
        if (sensor.humN() > 0) {
            value += sensor.humN() * Math.sin(2 * Math.PI * 50 * t);
        }
        if (sensor.wildRate() > 0 && faults.nextDouble() < sensor.wildRate()) {
            // An HX711 bit slip: one reading at 0, doubled, or anywhere.
            value = switch (faults.nextInt(3)) {
                case 0 -> 0;
                case 1 -> 2 * value;
                default -> faults.nextDouble() * (2 * Math.abs(value) + 100);
            };
        }
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
