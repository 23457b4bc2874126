package org.isoband.device.ble;

/**
 * Maps a sensor's own microsecond clock onto the gateway's {@link System#nanoTime} clock, for sensors that
 * time their samples (the isoband band, the Progressor). Pure arithmetic, one instance per link, not
 * thread-safe.
 *
 * <p>Why not simply stamp each sample on arrival: the radio bunches samples into notifications (four per
 * notification at 80 Hz) and delivers them with 7.5-50 ms of jitter, so arrival times would turn a steady
 * 12.5 ms spacing into bursts. The sensor's clock has the true spacing; what it lacks is the gateway's origin,
 * and its crystal runs a few tens of ppm off the gateway's (50 ppm is 0.18 s an hour).
 *
 * <p>The model is {@code gateway = offset + sensor * (1 + skew)}:
 * <ul>
 *   <li>{@code offset} follows the lower envelope of {@code arrival - sensor * (1 + skew)}: the radio only ever
 *       delays, so the fastest arrivals are the truest. A faster arrival pulls it down at once; otherwise it
 *       creeps up slowly ({@link #CREEP}), so that a mistaken early estimate cannot stick.</li>
 *   <li>{@code skew} is a least-squares line through the fastest arrival of each {@link #WINDOW_US} window over
 *       the last {@link #HISTORY} windows, once they span {@link #MIN_FIT_SPAN_US}; clamped to
 *       {@link #MAX_SKEW}, well beyond any crystal, so a sensor clock that misbehaves cannot stretch time.</li>
 *   <li>The sensor sends a uint32 that wraps every 2^32 us (about 71.6 minutes); it is unwrapped against the
 *       previous reading. A step back of more than half the range means the sensor restarted its clock (a
 *       reboot, or the Progressor's count from a new START): the mapping starts over, keeping the skew, which
 *       belongs to the crystal.</li>
 * </ul>
 * Mapped times never lie after the arrival of their notification, and always increase. Since only the newest
 * sample of a notification tells the latency (the older ones waited for the batch to fill), a notification's
 * samples are mapped together.
 */
public final class SensorClock {
    /** Width of the windows whose fastest arrivals feed the skew fit. */
    static final long WINDOW_US = 5_000_000;
    /** Windows kept for the fit: 60 x 5 s = 5 minutes. */
    static final int HISTORY = 60;
    /** The fit needs at least this span of sensor time, else jitter dominates the slope. */
    static final long MIN_FIT_SPAN_US = 30_000_000;
    /** Largest skew believed, 1000 ppm; crystals are within +/-50 ppm. */
    static final double MAX_SKEW = 1e-3;
    /** Fraction of the way the offset rises toward a slower arrival, per sample. */
    static final double CREEP = 1.0 / 4000;

    private static final long WRAP = 1L << 32;

    private double skew;
    private boolean started;
    private long lastRaw;
    private long unwrappedMicros;
    private double offsetNanos;
    private long lastOut;
    private boolean anyOut;

    // The fastest arrival of the window being filled, and those of closed windows (sensor us, arrival ns).
    private long windowStartUs;
    private long windowBestUs;
    private long windowBestArrival;
    private double windowBestDelta = Double.POSITIVE_INFINITY;
    private final long[] pointUs = new long[HISTORY];
    private final long[] pointArrival = new long[HISTORY];
    private int points;
    private int next;

    /** One sample alone in its notification; see {@link #toGatewayNanos(long[], long)}. */
    public long toGatewayNanos(long rawMicros, long arrivalNanos) {
        return toGatewayNanos(new long[] {rawMicros}, arrivalNanos)[0];
    }

    /**
     * Maps the samples of one notification. They share one arrival, which says something about the latency of
     * the newest of them only: the older ones waited in the sensor for the batch to fill.
     *
     * @param rawMicros    the sensor's times of the samples as sent, uint32s (0 to 2^32 - 1), oldest first
     * @param arrivalNanos {@link System#nanoTime} when the notification carrying them arrived
     * @return the samples' times on the gateway's clock
     */
    public long[] toGatewayNanos(long[] rawMicros, long arrivalNanos) {
        int n = rawMicros.length;
        long[] sensorMicros = new long[n];
        int firstOfThisClock = 0;
        for (int i = 0; i < n; i++) {
            if (advance(rawMicros[i])) {
                firstOfThisClock = i;
            }
            sensorMicros[i] = unwrappedMicros;
        }
        long[] out = new long[n];
        if (n == 0) {
            return out;
        }
        long newest = sensorMicros[n - 1];
        double delta = arrivalNanos - newest * 1000.0 * (1 + skew);
        if (Double.isNaN(offsetNanos) || delta < offsetNanos) {
            offsetNanos = delta;
        } else {
            offsetNanos += (delta - offsetNanos) * CREEP;
        }
        collect(newest, arrivalNanos);
        for (int i = 0; i < n; i++) {
            // Samples before a clock restart within one notification have no usable time: the arrival will do.
            long mapped = i < firstOfThisClock ? arrivalNanos
                    : Math.round(offsetNanos + sensorMicros[i] * 1000.0 * (1 + skew));
            mapped = Math.min(mapped, arrivalNanos);
            // After the offset drops, a sample could map before the previous one; time must only move forward.
            if (anyOut && mapped <= lastOut) {
                mapped = lastOut + 1;
            }
            lastOut = mapped;
            anyOut = true;
            out[i] = mapped;
        }
        return out;
    }

    /** Unwraps one raw reading into {@link #unwrappedMicros}; true if the mapping (re)started with it. */
    private boolean advance(long rawMicros) {
        if (rawMicros < 0 || rawMicros >= WRAP) {
            throw new IllegalArgumentException("sensor time is a uint32, got " + rawMicros);
        }
        if (!started) {
            restartAt(rawMicros);
            return true;
        }
        long step = (rawMicros - lastRaw) & (WRAP - 1);
        if (step >= WRAP / 2) {
            // Backwards: the sensor's clock started over. Forward steps of up to 35.8 minutes are gaps.
            restartAt(rawMicros);
            return true;
        }
        unwrappedMicros += step;
        lastRaw = rawMicros;
        return false;
    }

    /** The sensor started a new stream (sequence restarted, a new START): its clock may have started over too. */
    public void restart() {
        started = false;
    }

    /**
     * Current estimate of gateway time per sensor time, minus 1: positive when the sensor's clock runs slow
     * (1e-6 = 1 ppm).
     */
    public double skew() {
        return skew;
    }

    private void restartAt(long rawMicros) {
        started = true;
        lastRaw = rawMicros;
        unwrappedMicros = rawMicros;
        offsetNanos = Double.NaN;
        points = 0;
        next = 0;
        windowStartUs = rawMicros;
        windowBestDelta = Double.POSITIVE_INFINITY;
    }

    private void collect(long micros, long arrivalNanos) {
        if (micros - windowStartUs >= WINDOW_US) {
            if (windowBestDelta != Double.POSITIVE_INFINITY) {
                pointUs[next] = windowBestUs;
                pointArrival[next] = windowBestArrival;
                next = (next + 1) % HISTORY;
                points = Math.min(points + 1, HISTORY);
                fit(micros);
            }
            windowStartUs = micros;
            windowBestDelta = Double.POSITIVE_INFINITY;
        }
        double delta = arrivalNanos - micros * 1000.0;
        if (delta < windowBestDelta) {
            windowBestDelta = delta;
            windowBestUs = micros;
            windowBestArrival = arrivalNanos;
        }
    }

    private void fit(long nowMicros) {
        if (points < 3) {
            return;
        }
        int oldest = points < HISTORY ? 0 : next;
        long span = pointUs[(next + HISTORY - 1) % HISTORY] - pointUs[oldest];
        if (span < MIN_FIT_SPAN_US) {
            return;
        }
        // Least squares of (arrival - sensor) against sensor time, centred to keep the sums small and exact.
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < points; i++) {
            meanX += pointUs[i] * 1000.0;
            meanY += pointArrival[i] - pointUs[i] * 1000.0;
        }
        meanX /= points;
        meanY /= points;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < points; i++) {
            double x = pointUs[i] * 1000.0 - meanX;
            double y = pointArrival[i] - pointUs[i] * 1000.0 - meanY;
            sxx += x * x;
            sxy += x * y;
        }
        if (sxx <= 0) {
            return;
        }
        double newSkew = Math.max(-MAX_SKEW, Math.min(MAX_SKEW, sxy / sxx));
        // Keep the mapping continuous at the current sample when the slope changes.
        offsetNanos += nowMicros * 1000.0 * (skew - newSkew);
        skew = newSkew;
    }
}
