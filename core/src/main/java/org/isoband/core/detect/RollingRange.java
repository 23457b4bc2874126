package org.isoband.core.detect;

/**
 * Minimum and maximum of the smoothed tension over the samples of a {@link RollingWindow}, in O(1) amortized
 * per sample: two monotonic queues of sequence numbers (each sample enters once and leaves once). It need
 * not be advanced every sample: a call after a pause takes in only the samples still in the window, with
 * the same answer. (Advanced every sample it cost a third of the detector's time, for an answer needed only
 * while a contraction settles.)
 */
final class RollingRange {
    private final SampleBuffer buffer;
    private long to;
    private long[] minQueue = new long[64];
    private long[] maxQueue = new long[64];
    private int minHead, minSize, maxHead, maxSize;

    RollingRange(SampleBuffer buffer) {
        this.buffer = buffer;
    }

    void reset(long seq) {
        to = seq;
        minHead = minSize = maxHead = maxSize = 0;
    }

    /** Takes in every sample of {@code [from, seq]} not yet seen and forgets those before {@code from}. */
    void advanceTo(long seq, long from) {
        if (to < from) {
            reset(from);    // everything held is older than the window: start afresh at its first sample
        }
        for (; to <= seq; to++) {
            push(to, buffer.s(to));
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

    private void push(long seq, double v) {
        while (minSize > 0 && buffer.s(minQueue[(minHead + minSize - 1) & (minQueue.length - 1)]) >= v) {
            minSize--;
        }
        while (maxSize > 0 && buffer.s(maxQueue[(maxHead + maxSize - 1) & (maxQueue.length - 1)]) <= v) {
            maxSize--;
        }
        if (minSize == minQueue.length) {
            minQueue = regrow(minQueue, minHead, minSize);
            minHead = 0;
        }
        if (maxSize == maxQueue.length) {
            maxQueue = regrow(maxQueue, maxHead, maxSize);
            maxHead = 0;
        }
        minQueue[(minHead + minSize++) & (minQueue.length - 1)] = seq;
        maxQueue[(maxHead + maxSize++) & (maxQueue.length - 1)] = seq;
    }

    private static long[] regrow(long[] queue, int head, int size) {
        long[] grown = new long[queue.length << 1];
        for (int i = 0; i < size; i++) {
            grown[i] = queue[(head + i) & (queue.length - 1)];
        }
        return grown;
    }

    /** Maximum minus minimum; NaN when empty. */
    double spread() {
        return minSize > 0 ? buffer.s(maxQueue[maxHead]) - buffer.s(minQueue[minHead]) : Double.NaN;
    }
}
