package org.isoband.core.detect;

/**
 * Takes out single wild readings (an HX711 bit slip: 0 N, double, a random jump) before the detector sees
 * them: a sample that lies far outside both of its neighbours is replaced by the nearer neighbour (the
 * median of the three). This holds each sample back until the next one arrives, so onset is one sample
 * later; a ramp, a release or a step passes unchanged (its samples lie between their neighbours).
 */
final class WildSampleFilter {
    private boolean hasBefore;
    private double before;
    private boolean hasPending;
    private double pendingT;
    private double pendingX;
    private long replaced;

    boolean hasPending() {
        return hasPending;
    }

    double pendingT() {
        return pendingT;
    }

    double pendingX() {
        return pendingX;
    }

    long replaced() {
        return replaced;
    }

    /**
     * Offers the next reading; returns true when the held one is released, as {@link #releasedT} and
     * {@link #releasedX} (cleaned), with this reading now held.
     *
     * @param tolerance how far outside its neighbours a reading may lie and still be believed
     */
    boolean offer(double t, double x, double tolerance) {
        if (!hasPending) {
            hold(t, x);
            return false;
        }
        double released = pendingX;
        if (hasBefore) {
            double lo = Math.min(before, x);
            double hi = Math.max(before, x);
            if (released > hi + tolerance || released < lo - tolerance) {
                released = released > hi ? hi : lo;
                replaced++;
            }
        }
        releasedT = pendingT;
        releasedX = released;
        before = released;
        hasBefore = true;
        hold(t, x);
        return true;
    }

    private double releasedT;
    private double releasedX;

    double releasedT() {
        return releasedT;
    }

    double releasedX() {
        return releasedX;
    }

    /** Drops the held reading (its time was wrong). */
    void dropPending() {
        hasPending = false;
    }

    /** Releases the held reading as it is (no neighbour after it: the stream paused or ended). */
    boolean flush() {
        if (!hasPending) {
            return false;
        }
        releasedT = pendingT;
        releasedX = pendingX;
        before = pendingX;
        hasBefore = true;
        hasPending = false;
        return true;
    }

    /** Forgets the neighbours: what comes next is a new stretch of samples (after a gap or a restart). */
    void restart() {
        hasBefore = false;
        hasPending = false;
    }

    private void hold(double t, double x) {
        pendingT = t;
        pendingX = x;
        hasPending = true;
    }
}
