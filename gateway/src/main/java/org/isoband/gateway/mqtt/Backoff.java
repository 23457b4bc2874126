package org.isoband.gateway.mqtt;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Delays between reconnection attempts: exponential from {@code min}, capped at {@code max}, with "equal
 * jitter" (half the delay fixed, half random) so that several gateways, or a gateway and Home Assistant,
 * that lost the same broker do not come back in lockstep, while no attempt comes sooner than half its step.
 * Paho's own automatic reconnect doubles from 1 s to 2 min without jitter, so it is not used.
 *
 * @param min first delay
 * @param max largest delay
 */
public record Backoff(Duration min, Duration max) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    public Backoff {
        if (min.isNegative() || min.isZero()) {
            throw new IllegalArgumentException("backoff min must be positive, got " + min);
        }
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff max " + max + " is below min " + min);
        }
    }

    /**
     * The delay before attempt {@code attempt} (0 for the first retry after a loss), in milliseconds.
     *
     * @param random a uniform value in [0, 1)
     */
    public long delayMillis(int attempt, DoubleSupplier random) {
        double step = min.toMillis() * Math.pow(2, Math.min(attempt, 30));
        double capped = Math.min(step, max.toMillis());
        return Math.round(capped / 2 + random.getAsDouble() * capped / 2);
    }
}
