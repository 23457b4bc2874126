package org.isoband.core.detect;

/**
 * The sensor's noise, learnt from quiet rest only. Successive differences see white noise (variance
 * 2 sigma^2) but hardly any slow trend; the clip keeps a single spike or the first samples of a ramp from
 * inflating it.
 */
final class RestNoise {
    private static final double TAU_S = 1.0;
    private double variance;
    private boolean known;

    void learn(double diff, double dt) {
        double v = diff * diff / 2;
        if (!known) {
            variance = v;
            known = true;
        } else {
            variance += dt / (TAU_S + dt) * (Math.min(v, 16 * variance) - variance);
        }
    }

    /** Forgets it: after a gap or a restart the sensor may not be the same. */
    void forget() {
        known = false;
    }

    double sigma() {
        return Math.sqrt(variance);
    }
}
