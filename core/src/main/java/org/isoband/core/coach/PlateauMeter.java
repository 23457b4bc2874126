package org.isoband.core.coach;

/**
 * The best plateau of a maximal pull: the highest mean tension over any {@value #WINDOW_S} s of it. A mean over
 * a second, not the peak, so a jerk or a spike does not count as strength (as force-plate and gauge protocols
 * do). Feed the pull's samples in time order; reset between pulls. Holds at most a second of samples.
 */
public final class PlateauMeter {
    static final double WINDOW_S = 1.0;
    private static final long WINDOW_NANOS = (long) (WINDOW_S * 1e9);
    // a ring of the last second's samples; 4096 covers 1 s at any sensor rate we read (BLE 80 Hz, HX711 80 Hz)
    private final long[] times = new long[4096];
    private final double[] values = new double[4096];
    private int head;
    private int size;
    private double sum;
    private long firstNanos = Long.MIN_VALUE;
    private double best = Double.NaN;

    public void reset() {
        head = 0;
        size = 0;
        sum = 0;
        firstNanos = Long.MIN_VALUE;
        best = Double.NaN;
    }

    public void add(long tNanos, double newtons) {
        if (!Double.isFinite(newtons)) {
            return;
        }
        if (firstNanos == Long.MIN_VALUE) {
            firstNanos = tNanos;
        }
        if (size == times.length) {
            drop();
        }
        int tail = (head + size) % times.length;
        times[tail] = tNanos;
        values[tail] = newtons;
        size++;
        sum += newtons;
        while (size > 1 && times[head] < tNanos - WINDOW_NANOS) {
            drop();
        }
        // a mean counts only once the pull has lasted a whole window
        if (tNanos - firstNanos >= WINDOW_NANOS) {
            double mean = sum / size;
            if (Double.isNaN(best) || mean > best) {
                best = mean;
            }
        }
    }

    private void drop() {
        sum -= values[head];
        head = (head + 1) % times.length;
        size--;
    }

    /** The best 1 s mean so far; NaN while the pull is shorter than a second. */
    public double best() {
        return best;
    }
}
