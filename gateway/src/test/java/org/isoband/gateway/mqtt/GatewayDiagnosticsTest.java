package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GatewayDiagnosticsTest {
    private static final class FakeClock extends Clock {
        Instant now = Instant.parse("2026-11-24T08:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final FakeClock clock = new FakeClock();
    private final GatewayDiagnostics diagnostics = new GatewayDiagnostics("pi", clock);

    @Test
    void publishesChangesAtMostEveryFiveSecondsAndAlwaysOnConnection() {
        assertThat(diagnostics.due(0, 0, true)).isNotNull();
        assertThat(diagnostics.due(3, 0, false)).as("changed, too soon").isNull();
        clock.now = clock.now.plus(Duration.ofSeconds(5));
        assertThat(diagnostics.due(3, 0, false)).contains("\"unsent\":3");
        clock.now = clock.now.plus(Duration.ofSeconds(60));
        assertThat(diagnostics.due(3, 0, false)).as("unchanged").isNull();
        assertThat(diagnostics.due(3, 0, true)).as("a new connection").isNotNull();
    }

    @Test
    void theLastErrorIsKeptWithItsTimeAndShortEnoughForAHomeAssistantState() {
        diagnostics.error("x".repeat(400));

        String json = diagnostics.payload(0, 0);

        assertThat(diagnostics.lastError()).hasSize(GatewayDiagnostics.MAX_STATE_CHARS).endsWith("...");
        assertThat(json).contains("\"last_error_at\":\"2026-11-24T08:00:00Z\"");
        assertThat(new PayloadSchemas().errors("isoband/pi/diagnostics", json)).isEmpty();
        assertThat(new PayloadSchemas().errors("isoband/pi/diagnostics", new GatewayDiagnostics("pi", clock).payload(2, 1))).isEmpty();
    }
}
