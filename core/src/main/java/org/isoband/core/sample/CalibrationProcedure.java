package org.isoband.core.sample;

import java.util.Locale;

/**
 * The arithmetic of a two-point load-cell calibration, without any I/O: the raw readings taken with the band
 * slack (the tare), then under a known force, become a {@link Calibration}, and each step is judged before it
 * is trusted.
 *
 * <p>A step is rejected when it has too few readings (the sensor is not delivering), when the load barely
 * moved the reading (its span is under {@value #MIN_SPAN_OVER_NOISE} times the readings' noise: the weight is
 * not hanging on the sensor, or it is far too light), or when a step is too noisy for the span (its noise is
 * over {@value #MAX_NOISE_PERCENT} % of the known force: the weight was swinging or the band was touched). The
 * slack step can only be judged against the span once the load is known; a rejection says which step to redo.
 */
public final class CalibrationProcedure {
    /** Fewer readings in a step means the sensor is not really delivering. */
    public static final int MIN_READINGS = 10;
    /** The load must move the mean by at least this many times the combined noise of the two steps. */
    public static final double MIN_SPAN_OVER_NOISE = 10;
    /** The noise of either step may be at most this share of the known force. */
    public static final double MAX_NOISE_PERCENT = 2;

    private final double bandStiffnessNPerM;
    private Step slack;

    /** @param bandStiffnessNPerM the band's stiffness, saved with the calibration (N/m, positive) */
    public CalibrationProcedure(double bandStiffnessNPerM) {
        if (!(bandStiffnessNPerM > 0) || Double.isInfinite(bandStiffnessNPerM)) {
            throw new IllegalArgumentException("band stiffness must be positive (N/m), got " + bandStiffnessNPerM);
        }
        this.bandStiffnessNPerM = bandStiffnessNPerM;
    }

    /** Which step a rejection asks to do again. */
    public enum StepName { SLACK, LOADED }

    /**
     * The statistics of one step's raw readings.
     *
     * @param count number of readings
     * @param mean  their mean
     * @param rms   their standard deviation (the noise, in raw units)
     */
    public record Step(int count, double mean, double rms) {

        /** Mean and standard deviation of {@code raws} (two-pass, so large offsets lose no precision). */
        public static Step of(double... raws) {
            int n = raws.length;
            if (n == 0) {
                return new Step(0, Double.NaN, Double.NaN);
            }
            double sum = 0;
            for (double r : raws) {
                sum += r;
            }
            double mean = sum / n;
            double squares = 0;
            for (double r : raws) {
                squares += (r - mean) * (r - mean);
            }
            return new Step(n, mean, n > 1 ? Math.sqrt(squares / (n - 1)) : 0);
        }
    }

    /**
     * A calibration that passed, with what it was made of.
     *
     * @param calibration  offset (the slack mean), scale (newtons per raw unit) and the band's stiffness
     * @param knownNewtons the force the load applied
     * @param slackNoiseN  noise of the slack readings in newtons (rms)
     * @param loadedNoiseN noise of the loaded readings in newtons (rms)
     */
    public record Result(Calibration calibration, double knownNewtons, double slackNoiseN, double loadedNoiseN) {
    }

    /** A step that cannot be trusted; the message says why and what to do, {@link #step} which step to redo. */
    public static final class Rejected extends Exception {
        private final StepName step;

        public Rejected(StepName step, String message) {
            super(message);
            this.step = step;
        }

        public StepName step() {
            return step;
        }
    }

    /** Takes the readings with the band slack (the tare). */
    public void slack(Step step) throws Rejected {
        enough(StepName.SLACK, step);
        this.slack = step;
    }

    /**
     * Takes the readings under {@code knownNewtons} and computes the calibration.
     *
     * @throws Rejected naming the step to redo: {@link StepName#LOADED} for a load that barely moved the reading
     *                  or loaded readings too noisy, {@link StepName#SLACK} for slack readings too noisy
     */
    public Result loaded(Step step, double knownNewtons) throws Rejected {
        if (slack == null) {
            throw new IllegalStateException("the slack step comes first");
        }
        if (!(knownNewtons > 0) || Double.isInfinite(knownNewtons)) {
            throw new IllegalArgumentException("the known force must be positive, got " + knownNewtons);
        }
        enough(StepName.LOADED, step);
        double span = step.mean() - slack.mean();
        double noise = Math.hypot(slack.rms(), step.rms());
        if (Math.abs(span) < MIN_SPAN_OVER_NOISE * noise || span == 0) {
            throw new Rejected(StepName.LOADED, String.format(Locale.ROOT,
                    "the reading barely changed under the load (by %.1f raw, with noise of %.1f raw rms): "
                            + "is the weight hanging from the sensor, and heavy enough?", span, noise));
        }
        double scale = knownNewtons / span;
        double slackNoiseN = slack.rms() * Math.abs(scale);
        double loadedNoiseN = step.rms() * Math.abs(scale);
        double limitN = knownNewtons * MAX_NOISE_PERCENT / 100;
        if (loadedNoiseN > limitN) {
            throw new Rejected(StepName.LOADED, String.format(Locale.ROOT,
                    "the readings under the load were too noisy: %.2f N rms is %.1f %% of %.2f N (at most %.0f %%): "
                            + "let the weight hang still, or use a heavier one",
                    loadedNoiseN, 100 * loadedNoiseN / knownNewtons, knownNewtons, MAX_NOISE_PERCENT));
        }
        if (slackNoiseN > limitN) {
            throw new Rejected(StepName.SLACK, String.format(Locale.ROOT,
                    "the readings with the band slack were too noisy: %.2f N rms is %.1f %% of %.2f N (at most %.0f %%): "
                            + "start again and keep the band still while it is measured",
                    slackNoiseN, 100 * slackNoiseN / knownNewtons, knownNewtons, MAX_NOISE_PERCENT));
        }
        return new Result(new Calibration(slack.mean(), scale, bandStiffnessNPerM), knownNewtons, slackNoiseN,
                loadedNoiseN);
    }

    private static void enough(StepName name, Step step) throws Rejected {
        if (step.count() < MIN_READINGS) {
            throw new Rejected(name, "only " + step.count() + " readings (at least " + MIN_READINGS
                    + " are needed): is the sensor delivering? measure for longer");
        }
    }
}
