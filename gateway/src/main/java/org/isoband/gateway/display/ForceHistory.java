package org.isoband.gateway.display;

/**
 * The last seconds of force for the live trace: a fixed ring written by the sensor thread and copied out by
 * the display thread. Writes never block and never allocate.
 */
public final class ForceHistory {
    private final double[] t;
    private final double[] f;
    private int next;
    private long written;

    /** @param capacity samples kept (e.g. 10 s at 80 Hz = 800) */
    public ForceHistory(int capacity) {
        t = new double[capacity];
        f = new double[capacity];
    }

    public synchronized void add(double seconds, double newtons) {
        t[next] = seconds;
        f[next] = newtons;
        next = (next + 1) % t.length;
        written++;
    }

    /** The samples of the last {@code windowS} seconds, oldest first. */
    public synchronized Trace lastSeconds(double windowS) {
        int n = (int) Math.min(written, t.length);
        if (n == 0) {
            return new Trace(new double[0], new double[0]);
        }
        int newest = (next - 1 + t.length) % t.length;
        double from = t[newest] - windowS;
        int count = 0;
        while (count < n && t[(newest - count + t.length) % t.length] >= from) {
            count++;
        }
        double[] ts = new double[count];
        double[] fs = new double[count];
        for (int i = 0; i < count; i++) {
            int j = (newest - count + 1 + i + t.length) % t.length;
            ts[i] = t[j];
            fs[i] = f[j];
        }
        return new Trace(ts, fs);
    }

    /** A copied stretch of samples: seconds and newtons, oldest first. */
    public record Trace(double[] seconds, double[] newtons) {
        public int size() {
            return seconds.length;
        }
    }
}
