package org.isoband.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.isoband.core.detect.Verdict;
import org.junit.jupiter.api.Test;

class SessionSummaryTest {
    static SessionSummary sample() {
        return SessionSummary.of(RepMessageTest.ORIGIN, Instant.parse("2026-11-24T08:00:00Z"),
                Instant.parse("2026-11-24T08:20:00Z"), Map.of(Verdict.HELD, 5, Verdict.MOVED, 1), 47.25, 9.5, 6);
    }

    @Test
    void roundTripsWithEveryVerdictCounted() {
        SessionSummary summary = sample();

        SessionSummary back = SessionSummary.fromJson(summary.toJson());

        assertThat(back).isEqualTo(summary);
        assertThat(back.reps()).isEqualTo(6);
        assertThat(back.held()).isEqualTo(5);
        assertThat(back.verdicts()).containsEntry(Verdict.SHORT, 0).hasSize(Verdict.values().length);
    }

    @Test
    void countsThatDoNotAddUpAreRejected() {
        String json = sample().toJson().replace("\"reps\":6", "\"reps\":7");

        assertThatThrownBy(() -> SessionSummary.fromJson(json))
                .isInstanceOf(MessageFormatException.class).hasMessage("session, field verdicts: counts add up to 6, not to reps 7");
        assertThatThrownBy(() -> SessionSummary.fromJson(sample().toJson().replace("\"MOVED\"", "\"WOBBLED\"")))
                .isInstanceOf(MessageFormatException.class).hasMessage("session, field verdicts.WOBBLED: unknown verdict");
    }

    @Test
    void aSessionWithZonesCarriesItsZoneFiguresAndAnOldOneIsStillRead() {
        SessionSummary zoned = SessionSummary.of(RepMessageTest.ORIGIN, Instant.parse("2026-11-24T08:00:00Z"),
                Instant.parse("2026-11-24T08:20:00Z"), Map.of(Verdict.HELD, 5), 40, 9.5, 6,
                new SessionSummary.Zone(5, 31.25, 70.04));

        assertThat(SessionSummary.fromJson(zoned.toJson())).isEqualTo(zoned);
        assertThat(zoned.toJson()).contains("\"schema\":2", "\"zone_reps\":5", "\"time_in_zone_s\":31.25",
                "\"mean_pct_of_max\":70.0");
        SessionSummary old = SessionSummary.fromJson(sample().toJson().replace("\"schema\":2", "\"schema\":1"));
        assertThat(old.zone()).isNull();
        assertThat(old.reps()).isEqualTo(6);
    }
}
