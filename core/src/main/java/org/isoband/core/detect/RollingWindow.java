package org.isoband.core.detect;

/**
 * Mean, standard deviation, minimum and maximum of one column of a {@link SampleBuffer} over a trailing time window, updated
 * in O(1) amortized per sample (running sum, and monotonic queues for the extremes).
 */
final class RollingWindow {
    /** Which column of the buffer the window reads. */
    enum Column { RAW, SMOOTHED }

    private final SampleBuffer buffer;
    private final Column column;
    private final double seconds;
    private final boolean extremes;
    private long from;
    private long to;
    private double sum;
    private double sumSquares;
    private long[] minQueue = new long[64];
    private long[] maxQueue = new long[64];
    private int minHead, minSize, maxHead, maxSize;

    /** @param extremes keep the minimum and maximum too (they cost a third of the detector's time) */
    RollingWindow(SampleBuffer buffer, Column column, double seconds, boolean extremes) {
        this.buffer = buffer;
        this.column = column;
        this.seconds = seconds;
        this.extremes = extremes;
    }

    /** Empties the window; it restarts at the next {@link #advanceTo}. */
    void reset(long seq) {
        from = seq;
        to = seq;
        sum = 0;
        sumSquares = 0;
        minHead = minSize = maxHead = maxSize = 0;
    }

    /** Takes in every sample up to and including {@code seq}, then drops those older than the window. */
    void advanceTo(long seq) {
        while (to <= seq) {
            double v = value(to);
            sum += v;
            sumSquares += v * v;
            if (extremes) {
                pushMin(to, v);
                pushMax(to, v);
            }
            to++;
        }
        // Keep the one sample at or before the cutoff, so that the window spans its full length even at 10 Hz.
        double cutoff = buffer.t(seq) - seconds;
        while (from < to - 1 && buffer.t(from + 1) <= cutoff) {
            double v = value(from);
            sum -= v;
            sumSquares -= v * v;
            from++;
        }
        while (minSize > 0 && minQueue[minHead] < from) {
            minHead = (minHead + 1) & (minQueue.length - 1);
            minSize--;
        }
        while (maxSize > 0 && maxQueue[maxHead] < from) {
            maxHead = (maxHead + 1) & (maxQueue.length - 1);
            maxSize--;
        }
    }

    private double value(long seq) {
        return column == Column.RAW ? buffer.x(seq) : buffer.s(seq);
    }

    private void pushMin(long seq, double v) {
        while (minSize > 0 && value(minQueue[(minHead + minSize - 1) & (minQueue.length - 1)]) >= v) {
            minSize--;
        }
        if (minSize == minQueue.length) {
            minQueue = regrow(minQueue, minHead, minSize);
            minHead = 0;
        }
        minQueue[(minHead + minSize++) & (minQueue.length - 1)] = seq;
    }

    private void pushMax(long seq, double v) {
        while (maxSize > 0 && value(maxQueue[(maxHead + maxSize - 1) & (maxQueue.length - 1)]) <= v) {
            maxSize--;
        }
        if (maxSize == maxQueue.length) {
            maxQueue = regrow(maxQueue, maxHead, maxSize);
            maxHead = 0;
        }
        maxQueue[(maxHead + maxSize++) & (maxQueue.length - 1)] = seq;
    }

    private static long[] regrow(long[] queue, int head, int size) {
        long[] grown = new long[queue.length << 1];
        for (int i = 0; i < size; i++) {
            grown[i] = queue[(head + i) & (queue.length - 1)];
        }
        return grown;
    }

    int count() {
        return (int) (to - from);
    }

    double mean() {
        return count() > 0 ? sum / count() : Double.NaN;
    }

    /** Population standard deviation of the window. */
    double sd() {
        int n = count();
        if (n < 2) {
            return 0;
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
    }

    double min() {
        return minSize > 0 ? value(minQueue[minHead]) : Double.NaN;
    }

    double max() {
        return maxSize > 0 ? value(maxQueue[maxHead]) : Double.NaN;
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
