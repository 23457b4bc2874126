package org.isoband.core.detect;

/**
 * The recent samples of the detector: time (s), raw tension and smoothed tension, addressed by a sequence
 * number that never wraps. A growable ring: it keeps everything from the oldest sample still needed, and
 * reuses its arrays once they are large enough, so the steady state allocates nothing.
 */
final class SampleBuffer {
    private double[] t;
    private double[] x;
    private double[] s;
    private int mask;
    private long first;
    private long end;

    SampleBuffer(int initialCapacity) {
        int capacity = Integer.highestOneBit(Math.max(16, initialCapacity - 1)) << 1;
        t = new double[capacity];
        x = new double[capacity];
        s = new double[capacity];
        mask = capacity - 1;
    }

    long add(double time, double value) {
        if (end - first == t.length) {
            grow();
        }
        int i = (int) (end & mask);
        t[i] = time;
        x[i] = value;
        s[i] = value;
        return end++;
    }

    private void grow() {
        int capacity = t.length << 1;
        double[] nt = new double[capacity];
        double[] nx = new double[capacity];
        double[] ns = new double[capacity];
        int newMask = capacity - 1;
        for (long q = first; q < end; q++) {
            int from = (int) (q & mask);
            int to = (int) (q & newMask);
            nt[to] = t[from];
            nx[to] = x[from];
            ns[to] = s[from];
        }
        t = nt;
        x = nx;
        s = ns;
        mask = newMask;
    }

    double t(long seq) {
        return t[(int) (seq & mask)];
    }

    double x(long seq) {
        return x[(int) (seq & mask)];
    }

    double s(long seq) {
        return s[(int) (seq & mask)];
    }

    void setS(long seq, double smoothed) {
        s[(int) (seq & mask)] = smoothed;
    }

    /** Sequence number of the oldest sample kept. */
    long first() {
        return first;
    }

    /** Sequence number the next sample will get. */
    long end() {
        return end;
    }

    long last() {
        return end - 1;
    }

    boolean isEmpty() {
        return end == first;
    }

    /** Forgets samples before {@code seq}. */
    void dropBefore(long seq) {
        first = Math.max(first, Math.min(seq, end));
    }

    /** First sequence number whose time is at or after {@code time} (binary search). */
    long seqAtOrAfter(double time) {
        long lo = first;
        long hi = end;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (t(mid) < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Mean of the raw tension over {@code [from, to)}; NaN when empty. */
    double meanX(long from, long to) {
        double sum = 0;
        for (long q = from; q < to; q++) {
            sum += x(q);
        }
        return to > from ? sum / (to - from) : Double.NaN;
    }
}
