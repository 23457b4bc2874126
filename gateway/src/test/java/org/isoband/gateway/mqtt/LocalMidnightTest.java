package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LocalMidnightTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void theNextMidnightIsTheGatewaysLocalOne() {
        LocalMidnight m = new LocalMidnight(Clock.fixed(Instant.parse("2026-11-24T22:59:59Z"), BERLIN));

        assertThat(m.next()).isEqualTo(Instant.parse("2026-11-24T23:00:00Z"));
        assertThat(m.millisUntil(m.next())).isEqualTo(1_000);
    }

    @Test
    void aDaylightSavingDayIs23Hours() {
        LocalMidnight m = new LocalMidnight(Clock.fixed(Instant.parse("2026-03-28T23:00:00Z"), BERLIN));

        assertThat(m.next()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
    }

    @Test
    void aMidnightPassedIsDueNow() {
        LocalMidnight m = new LocalMidnight(Clock.fixed(Instant.parse("2026-11-25T00:00:05Z"), ZoneId.of("UTC")));

        assertThat(m.millisUntil(Instant.parse("2026-11-25T00:00:00Z"))).isZero();
    }
}
