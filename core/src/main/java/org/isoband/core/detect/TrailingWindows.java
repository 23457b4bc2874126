package org.isoband.core.detect;

/**
 * The detector's trailing windows over its {@link SampleBuffer}, advanced together once per sample:
 * {@code smooth} (raw, {@code smoothS}: the smoothed tension), {@code settle} and its spread (smoothed,
 * {@code settleS}: has a ramp settled?) and {@code wobble} (raw, {@code wobbleS}: does a hold wobble?).
 */
final class TrailingWindows {
    final RollingWindow smooth;
    final RollingWindow settle;
    private final RollingRange settleRange;
    final RollingWindow wobble;
    private final SampleBuffer buffer;

    TrailingWindows(SampleBuffer buffer, DetectorConfig config) {
        this.buffer = buffer;
        this.smooth = new RollingWindow(buffer, RollingWindow.Column.RAW, config.smoothS());
        this.settle = new RollingWindow(buffer, RollingWindow.Column.SMOOTHED, config.settleS());
        this.settleRange = new RollingRange(buffer);
        this.wobble = new RollingWindow(buffer, RollingWindow.Column.RAW, config.wobbleS());
    }

    /** Takes in sample {@code seq} (just added to the buffer) and returns its smoothed tension, stored in the buffer too. */
    double advanceTo(long seq) {
        smooth.advanceTo(seq);
        double s = smooth.mean();
        buffer.setS(seq, s);
        settle.advanceTo(seq);
        wobble.advanceTo(seq);
        return s;
    }

    /**
     * Maximum minus minimum of the smoothed tension over the settle window ending at {@code seq}, the newest
     * sample: found only when asked, which is while a contraction settles.
     */
    double settleSpread(long seq) {
        settleRange.advanceTo(seq, settle.from());
        return settleRange.spread();
    }

    /** Empties every window; they restart at sample {@code seq}. */
    void reset(long seq) {
        smooth.reset(seq);
        settle.reset(seq);
        settleRange.reset(seq);
        wobble.reset(seq);
    }

    /** The oldest sample any window still reads. */
    long oldestInUse() {
        return Math.min(Math.min(smooth.from(), settle.from()), wobble.from());
    }
}
