package org.isoband.core.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Waits between attempts to reach something that went away (a broker, a band): exponential from
 * {@code initial}, doubling up to {@code cap}, each wait drawn uniformly from [wait x (1 - jitter), wait].
 * The jitter keeps gateways and dashboards that lost the same broker from coming back in lockstep; the cap
 * keeps a broker that is back after an hour from being noticed an hour late. Paho's own automatic reconnect
 * (1 s doubling to 2 min, no jitter) is not used anywhere for that reason.
 *
 * <p>The policy is an immutable value (it is configuration); {@link #attempts} gives the counter a reconnecting
 * thread keeps. The random source is injected so that tests are deterministic.
 *
 * @param initial the first wait, before jitter
 * @param cap     the longest wait, before jitter
 * @param jitter  0 (always the full wait) to 1 (anything from zero to the full wait)
 */
public record Backoff(Duration initial, Duration cap, double jitter) {

    /** 0.5 s doubling to 30 s, each wait between half and all of its step. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 0.5);

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(cap, "cap");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("backoff initial delay must be positive, got " + initial);
        }
        if (cap.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff cap " + cap + " is below the initial delay " + initial);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("backoff jitter must be 0 to 1, got " + jitter);
        }
    }

    /** The same policy with another initial delay and cap. */
    public Backoff withDelays(Duration newInitial, Duration newCap) {
        return new Backoff(newInitial, newCap, jitter);
    }

    /**
     * The wait before attempt {@code failures} + 1, after {@code failures} failures in a row (0: the first
     * retry after a loss).
     */
    public Duration delay(int failures, RandomGenerator random) {
        if (failures < 0) {
            throw new IllegalArgumentException("failures must be 0 or more, got " + failures);
        }
        long base = initial.toNanos();
        long max = cap.toNanos();
        long wait = base;
        for (int i = 0; i < failures && wait < max; i++) {
            wait = wait > max / 2 ? max : wait * 2;
        }
        wait = Math.min(wait, max);
        long low = Math.round(wait * (1 - jitter));
        return Duration.ofNanos(low >= wait ? wait : random.nextLong(low, wait + 1));
    }

    /** A counter of failures in a row under this policy, for one reconnecting thread. */
    public Attempts attempts(RandomGenerator random) {
        return new Attempts(this, random);
    }

    /** Failures in a row and the wait each calls for. Not thread-safe: one per reconnecting thread. */
    public static final class Attempts {
        private final Backoff policy;
        private final RandomGenerator random;
        private int failures;

        private Attempts(Backoff policy, RandomGenerator random) {
            this.policy = policy;
            this.random = Objects.requireNonNull(random, "random");
        }

        /** The wait before the next attempt; each call counts one more failure. */
        public Duration next() {
            Duration wait = policy.delay(failures, random);
            if (failures < Integer.MAX_VALUE) {
                failures++;
            }
            return wait;
        }

        /** It worked: the next failure starts again from the initial delay. */
        public void reset() {
            failures = 0;
        }

        /** Failures since the last {@link #reset}. */
        public int failures() {
            return failures;
        }
    }
}
