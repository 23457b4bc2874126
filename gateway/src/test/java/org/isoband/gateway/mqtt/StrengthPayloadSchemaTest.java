package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.isoband.core.detect.RepEvent;
import org.isoband.core.detect.Verdict;
import org.isoband.core.message.MaxTestMessage;
import org.isoband.core.message.Origin;
import org.isoband.core.message.PlanPlace;
import org.isoband.core.message.RepMessage;
import org.isoband.core.message.SessionSummary;
import org.isoband.core.message.ZoneFigures;
import org.junit.jupiter.api.Test;

/** The schema 2 fields and the max_test event as written are what docs/schemas says. */
class StrengthPayloadSchemaTest {
    private final PayloadSchemas schemas = new PayloadSchemas();
    private static final Origin ORIGIN = new Origin("pi", "red", "s-1", "right", 2);
    private static final Instant T = Instant.parse("2026-11-24T08:00:04.034Z");

    @Test
    void aRepWithPlaceAndZoneAndOneWithoutAreValid() {
        RepEvent e = new RepEvent(3, 0, 8_000_000_000L, 500_000_000L, 7.2, Verdict.HELD, 223, 232, 1.9, -0.3, 33, 190, 0);
        RepMessage zoned = RepMessage.of(e, ORIGIN, T, T.plusSeconds(8), 6, new PlanPlace("middle", 4, 5, 2),
                new ZoneFigures(310, 60, 80, 6.2, 72));
        assertThat(schemas.errors("isoband/pi/red/rep", zoned.toJson())).isEmpty();
        assertThat(schemas.errors("isoband/pi/red/rep", RepMessage.of(e, ORIGIN, T, T.plusSeconds(8), 6).toJson())).isEmpty();
        // a zone without its time in zone is not a zone
        assertThat(schemas.errors("isoband/pi/red/rep", zoned.toJson().replace(",\"time_in_zone_s\":6.2", ""))).isNotEmpty();
        assertThat(schemas.errors("isoband/pi/red/rep", zoned.toJson().replace("\"schema\":2", "\"schema\":1"))).isEmpty();
    }

    @Test
    void aSessionWithItsZoneTotalsAndAMaximumTestAreValid() {
        SessionSummary s = SessionSummary.of(ORIGIN, T, T.plusSeconds(900), Map.of(Verdict.HELD, 5), 40, 9, 6,
                new SessionSummary.Zone(5, 31.2, 70.4));
        assertThat(schemas.errors("isoband/pi/red/session", s.toJson())).isEmpty();
        MaxTestMessage m = MaxTestMessage.of(ORIGIN, "left", 1, "high", T, 318.4, new double[] {301, 318.4, Double.NaN});
        assertThat(schemas.errors("isoband/pi/red/max_test", m.toJson())).isEmpty();
        assertThat(schemas.errors("isoband/pi/red/max_test", m.toJson().replace("\"leg\":\"left\"", "\"leg\":null"))).isNotEmpty();
    }
}
