package org.isoband.gateway.mqtt;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * The gateway's local midnight, when "today" starts again: the publisher republishes every band's retained
 * state then with nothing done today, so Home Assistant's "reps today" falls to 0 at midnight even when the
 * band rests all evening (its own states would only roll over at the next phase change). By the injected
 * clock (and its zone), so a test can stand a second before midnight; daylight-saving days are 23 or 25 h.
 */
final class LocalMidnight {
    private final Clock clock;

    LocalMidnight(Clock clock) {
        this.clock = clock;
    }

    /** The next local midnight after now. */
    Instant next() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        return now.toLocalDate().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }

    /** Milliseconds from now until {@code midnight} (0 when it has passed). */
    long millisUntil(Instant midnight) {
        return Math.max(0, midnight.toEpochMilli() - clock.millis());
    }

    Instant now() {
        return clock.instant();
    }
}
