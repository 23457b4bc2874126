package org.isoband.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.isoband.core.coach.PlanPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal on a real SQLite file, closed and reopened as after a crash. */
class SessionJournalTest {
    private static final Instant T0 = Instant.parse("2026-11-24T07:00:00Z");

    @TempDir
    Path dir;

    @Test
    void anUnfinishedSessionIsFoundAfterReopeningTheFile() throws Exception {
        Path file = dir.resolve("gw").resolve("gateway.db");
        String id;
        try (SessionJournal j = new SessionJournal(file, Clock.fixed(T0, ZoneOffset.UTC))) {
            id = j.start(PlanPosition.START);
            j.save(id, new PlanPosition(0, 2, 3, 2, 12, false));
        }

        try (SessionJournal j = new SessionJournal(file, Clock.fixed(T0.plusSeconds(600), ZoneOffset.UTC))) {
            assertThat(j.unfinished(T0.minus(Duration.ofHours(2)))).hasValueSatisfying(s -> {
                assertThat(s.id()).isEqualTo(id);
                assertThat(s.position()).isEqualTo(new PlanPosition(0, 2, 3, 2, 12, false));
            });
            assertThat(j.unfinished(T0.plusSeconds(60))).as("too old to offer").isEmpty();
        }
    }

    @Test
    void aFinishedSessionIsNotOfferedAndCountsForTheWeek() throws Exception {
        try (SessionJournal j = new SessionJournal(dir.resolve("gateway.db"), Clock.fixed(T0, ZoneOffset.UTC))) {
            String id = j.start(PlanPosition.START);
            j.save(id, new PlanPosition(1, 4, 5, 1, 50, true));
            j.start(PlanPosition.START);

            assertThat(j.unfinished(T0.minusSeconds(60)).map(SavedSession::id)).isNotEqualTo(java.util.Optional.of(id));
            assertThat(j.sessionsSince(T0.minus(Duration.ofDays(7)))).isEqualTo(1);
        }
    }

    @Test
    void theSafetyNoticeIsRememberedOnceRead() throws Exception {
        Path file = dir.resolve("gateway.db");
        try (SessionJournal j = new SessionJournal(file, Clock.systemUTC())) {
            assertThat(j.safetyNoticeRead()).isFalse();
            j.markSafetyNoticeRead();
        }
        try (SessionJournal j = new SessionJournal(file, Clock.systemUTC())) {
            assertThat(j.safetyNoticeRead()).isTrue();
        }
    }
}
