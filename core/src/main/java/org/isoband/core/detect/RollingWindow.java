package org.isoband.core.detect;

/**
 * Mean and standard deviation of one column of a {@link SampleBuffer} over a trailing time window, updated
 * in O(1) amortized per sample from running sums. Kept small on purpose: the detector advances three of
 * these for every sample, and the JIT inlines a method this size where it would call a larger one
 * (extremes, when needed, are {@link RollingRange}'s).
 */
final class RollingWindow {
    /** Which column of the buffer the window reads. */
    enum Column { RAW, SMOOTHED }

    private final SampleBuffer buffer;
    private final boolean smoothed;
    private final double seconds;
    private long from;
    private long to;
    private double sum;
    private double sumSquares;

    RollingWindow(SampleBuffer buffer, Column column, double seconds) {
        this.buffer = buffer;
        this.smoothed = column == Column.SMOOTHED;
        this.seconds = seconds;
    }

    /** Empties the window; it restarts at the next {@link #advanceTo}. */
    void reset(long seq) {
        from = seq;
        to = seq;
        sum = 0;
        sumSquares = 0;
    }

    /** Takes in every sample up to and including {@code seq}, then drops those older than the window. */
    void advanceTo(long seq) {
        while (to <= seq) {
            double v = value(to++);
            sum += v;
            sumSquares += v * v;
        }
        // Keep the one sample at or before the cutoff, so that the window spans its full length even at 10 Hz.
        double cutoff = buffer.t(seq) - seconds;
        while (from < to - 1 && buffer.t(from + 1) <= cutoff) {
            double v = value(from++);
            sum -= v;
            sumSquares -= v * v;
        }
    }

    private double value(long seq) {
        return smoothed ? buffer.s(seq) : buffer.x(seq);
    }

    int count() {
        return (int) (to - from);
    }

    double mean() {
        return count() > 0 ? sum / count() : Double.NaN;
    }

    /** Population variance of the window (compared as it is: a square root per sample would cost more). */
    double variance() {
        int n = count();
        if (n < 2) {
            return 0;
        }
        double mean = sum / n;
        return Math.max(0, sumSquares / n - mean * mean);
    }

    /** Oldest sample in the window. */
    long from() {
        return from;
    }

    /** Time spanned by the samples in the window. */
    double span() {
        return count() > 1 ? buffer.t(to - 1) - buffer.t(from) : 0;
    }
}
