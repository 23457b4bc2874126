package org.isoband.dashboard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isoband.dashboard.testing.Reps.held;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.isoband.dashboard.store.Database;
import org.isoband.dashboard.store.RepStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResyncTest {
    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private RepStore store;
    private final List<String> asked = new ArrayList<>();
    private Instant now = T0;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private Resync resync;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("d.db").toString());
        store = new RepStore(db);
        resync = new Resync("isoband", store, (topic, payload) -> asked.add(topic + " " + new String(payload, StandardCharsets.UTF_8)), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBrokerThatKeptOurSessionNeedsNoReplay() {
        resync.connected(true);
        resync.arrived("isoband/pi/status", text("online"));
        assertThat(asked).isEmpty();
    }

    @Test
    void withoutASessionEachGatewayComingOnlineIsAskedForItsEventsSinceAnHourBeforeOurNewestRep() {
        store.add(held("band1", "right", 0, 1, T0.minusSeconds(600)), null, T0);
        resync.connected(false);
        resync.arrived("isoband/pi/status", text("online"));
        resync.arrived("isoband/pi/band1/state", text("{}"));
        resync.arrived("isoband/garage/status", text("offline"));

        Instant newestEnd = T0.minusSeconds(600).plusMillis(8750);
        assertThat(asked).containsExactly("isoband/pi/replay {\"schema\":1,\"since\":\"" + newestEnd.minus(Duration.ofHours(1)) + "\"}");
    }

    @Test
    void aGatewayWeHaveNothingOfIsAskedForItsWholeLog() {
        resync.connected(false);
        resync.arrived("isoband/new_pi/status", text("online"));
        assertThat(asked).containsExactly("isoband/new_pi/replay {\"schema\":1,\"since\":\"" + T0.minus(Duration.ofDays(31)) + "\"}");
    }

    @Test
    void aGatewayComingBackAgainIsAskedAgainButNotMoreOftenThanEveryTenSeconds() {
        resync.connected(false);
        resync.arrived("isoband/pi/status", text("online"));
        now = now.plusSeconds(5);
        resync.arrived("isoband/pi/status", text("online"));
        now = now.plusSeconds(6);
        resync.arrived("isoband/pi/status", text("online"));
        assertThat(asked).hasSize(2);
    }

    @Test
    void aGapInTheSequenceAsksForTheFirstMissingEventOnce() {
        resync.seen("pi", 40);
        resync.seen("pi", 41);
        resync.seen("pi", 44);
        resync.seen("pi", 46);
        assertThat(asked).containsExactly("isoband/pi/replay {\"schema\":1,\"from_seq\":42}");

        now = now.plusSeconds(10);
        resync.seen("pi", 48);
        assertThat(asked).hasSize(2).last().isEqualTo("isoband/pi/replay {\"schema\":1,\"from_seq\":47}");
    }

    @Test
    void eventsArrivingOutOfOrderBehindTheNewestAreNoGap() {
        resync.seen("pi", 10);
        resync.seen("pi", 9);
        resync.seen("pi", 11);
        assertThat(asked).isEmpty();
    }
}
