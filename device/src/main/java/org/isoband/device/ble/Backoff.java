package org.isoband.device.ble;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Waits between reconnection attempts: exponential from {@code initial} up to {@code max}, each wait drawn
 * uniformly from [wait x (1 - jitter), wait]. The jitter is there so that gateways (or one gateway's two bands)
 * that lost their link together do not retry in lockstep; the cap keeps a band that comes back after an hour
 * from waiting an hour. Not thread-safe: one per reconnecting thread.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final double jitter;
    private final RandomGenerator random;
    private int failures;

    /**
     * @param initial the first wait, before jitter
     * @param max     the longest wait, before jitter
     * @param jitter  0 (none) to 1 (anything from zero to the full wait)
     */
    public Backoff(Duration initial, Duration max, double jitter, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be 0 to 1, got " + jitter);
        }
        this.initial = initial;
        this.max = max;
        this.jitter = jitter;
        this.random = random;
    }

    /** The wait before the next attempt; each call counts one more failure. */
    public Duration next() {
        long base = initial.toNanos();
        long cap = max.toNanos();
        long wait = base;
        for (int i = 0; i < failures && wait < cap; i++) {
            wait = wait > cap / 2 ? cap : wait * 2;
        }
        wait = Math.min(wait, cap);
        failures++;
        long low = Math.round(wait * (1 - jitter));
        return Duration.ofNanos(low >= wait ? wait : random.nextLong(low, wait + 1));
    }

    /** A connection worked: the next failure starts again from {@code initial}. */
    public void reset() {
        failures = 0;
    }

    /** Failures since the last {@link #reset}. */
    public int failures() {
        return failures;
    }
}
