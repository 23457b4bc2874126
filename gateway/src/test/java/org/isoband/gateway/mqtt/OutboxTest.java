package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
    @TempDir
    Path dir;

    static OutboxEntry rep(String band, String verdict, long createdMs) {
        String id = UUID.randomUUID().toString();
        return new OutboxEntry(0, id, OutboxEntry.REP, band, verdict, "isoband/pi/" + band + "/rep",
                "{\"id\":\"" + id + "\"}", createdMs);
    }

    private List<String> ids(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::id).toList();
    }

    @Test
    void keepsUnsentEventsInOrderAcrossAReopenInWalMode() throws Exception {
        Path file = dir.resolve("outbox.db");
        List<OutboxEntry> events = List.of(rep("red", "HELD", 1), rep("red", "SHORT", 2), rep("blue", "HELD", 3));
        try (Outbox outbox = Outbox.open(file, PrunePolicy.DEFAULT)) {
            List<OutboxEntry> stored = outbox.add(events);
            assertThat(stored).extracting(OutboxEntry::seq).isSorted().doesNotContain(0L);
        }

        try (Outbox outbox = Outbox.open(file, PrunePolicy.DEFAULT)) {
            assertThat(ids(outbox.unsent(0, 10))).isEqualTo(ids(events));
            assertThat(outbox.unsent(0, 10).get(0).payload()).isEqualTo(events.get(0).payload());
            assertThat(outbox.unsentCount()).isEqualTo(3);
        }
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + file); ResultSet rs = db.createStatement().executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
    }

    @Test
    void anEventIsSentOnlyOnceMarkedAndStoringItTwiceChangesNothing() {
        try (Outbox outbox = Outbox.open(dir.resolve("o.db"), PrunePolicy.DEFAULT)) {
            OutboxEntry a = rep("red", "HELD", 1);
            OutboxEntry b = rep("red", "MOVED", 2);
            List<OutboxEntry> stored = outbox.add(List.of(a, b));

            assertThat(outbox.add(List.of(a))).isEmpty();
            assertThat(outbox.markSent(List.of(a.id(), "never-stored"), 10)).isEqualTo(1);
            assertThat(outbox.markSent(List.of(a.id()), 11)).isZero();
            assertThat(ids(outbox.unsent(0, 10))).containsExactly(b.id());
            assertThat(outbox.unsent(stored.get(1).seq(), 10)).isEmpty();
            assertThat(outbox.unsentCount()).isEqualTo(1);
        }
    }

    @Test
    void pruningKeepsEveryUnsentEventAndBoundsTheSentOnes() {
        PrunePolicy policy = PrunePolicy.DEFAULT.withKeepSentRows(5);
        long day = Duration.ofDays(1).toMillis();
        try (Outbox outbox = Outbox.open(dir.resolve("o.db"), policy)) {
            List<OutboxEntry> events = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                events.add(rep("red", "HELD", i));
            }
            outbox.add(events);
            outbox.markSent(ids(events.subList(0, 20)), 0);          // 20 sent long ago
            long now = 40 * day;

            int deleted = outbox.prune(now);

            assertThat(deleted).isEqualTo(20);                        // all older than the log's 30 days
            assertThat(outbox.unsentCount()).isEqualTo(10);
            outbox.markSent(ids(events.subList(20, 30)), now);
            assertThat(outbox.prune(now)).isEqualTo(5);               // only the 5 newest sent are kept
            assertThat(outbox.size()).isEqualTo(5);
        }
    }

    @Test
    void countsABandsRepsSinceAnInstantForToday() {
        try (Outbox outbox = Outbox.open(dir.resolve("o.db"), PrunePolicy.DEFAULT)) {
            outbox.add(List.of(rep("red", "HELD", 100), rep("red", "SHORT", 200), rep("red", "HELD", 300),
                    rep("blue", "HELD", 300), rep("red", "HELD", 50)));

            assertThat(outbox.repCounts("red", 100)).isEqualTo(new RepCounts(3, 2));
            assertThat(outbox.repCounts("green", 0)).isEqualTo(RepCounts.NONE);
        }
    }

    @Test
    void remembersAnnouncedDiscoveryConfigsUntilForgotten() {
        try (Outbox outbox = Outbox.open(dir.resolve("o.db"), PrunePolicy.DEFAULT)) {
            outbox.announce("homeassistant/sensor/x/force/config", "red");
            outbox.announce("homeassistant/sensor/y/force/config", "blue");
            outbox.forget("homeassistant/sensor/x/force/config");

            assertThat(outbox.announced()).containsExactly(java.util.Map.entry("homeassistant/sensor/y/force/config", "blue"));
        }
    }

    @Test
    void aFullOutboxFailsWithATypedErrorNamingTheFileAndKeepsWhatWasStored() {
        Path file = dir.resolve("small.db");
        try (Outbox outbox = Outbox.open(file, PrunePolicy.DEFAULT.withMaxFileBytes(64 * 1024))) {
            String big = "x".repeat(4000);
            int stored = 0;
            OutboxException failure = null;
            for (int i = 0; i < 100 && failure == null; i++) {
                try {
                    outbox.add(List.of(new OutboxEntry(0, "id-" + i, OutboxEntry.REP, "red", "HELD", "t", big, i)));
                    stored++;
                } catch (OutboxException e) {
                    failure = e;
                }
            }

            assertThat(failure).isNotNull();
            assertThat(failure.full()).isTrue();
            assertThat(failure.file()).isEqualTo(file);
            assertThat(failure.getMessage()).startsWith(file + ": cannot store 1 event(s): disk or outbox size limit full");
            assertThat(outbox.unsentCount()).isEqualTo(stored).isGreaterThan(5);
        }
    }

    @Test
    void aFileThatCannotBeOpenedIsATypedErrorNamingIt() throws Exception {
        Path notADatabase = dir.resolve("junk.db");
        Files.writeString(notADatabase, "this is not an SQLite database, it is a text file with enough bytes in it ".repeat(20));
        Path missingDir = dir.resolve("no/such/dir/outbox.db");

        assertThatThrownBy(() -> Outbox.open(notADatabase, PrunePolicy.DEFAULT))
                .isInstanceOf(OutboxException.class).hasMessageStartingWith(notADatabase + ": cannot open the outbox");
        assertThatThrownBy(() -> Outbox.open(missingDir, PrunePolicy.DEFAULT))
                .isInstanceOf(OutboxException.class).hasMessageStartingWith(missingDir + ": cannot open the outbox");
    }

    @Test
    void theSentEventsAreTheReplayLogNumberedInTheirPayloadsWithNumbersNeverReused() {
        try (Outbox outbox = Outbox.open(dir.resolve("log.db"), PrunePolicy.DEFAULT.withKeepSentRows(1))) {
            List<OutboxEntry> events = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String id = UUID.randomUUID().toString();
                events.add(new OutboxEntry(0, id, OutboxEntry.REP, "red", "HELD", "isoband/pi/red/rep",
                        "{\"schema\":1,\"id\":\"" + id + "\"}", 1000L * i));
            }
            List<OutboxEntry> stored = outbox.add(events);
            assertThat(stored.get(2).payload()).startsWith("{\"schema\":1,\"seq\":" + stored.get(2).seq() + ",");
            outbox.markSent(ids(events.subList(0, 3)), 5000);

            assertThat(outbox.sent(stored.get(0).seq(), 10)).extracting(OutboxEntry::id).containsExactly(events.get(1).id(), events.get(2).id());
            assertThat(outbox.seqBefore(2000)).isEqualTo(stored.get(2).seq() - 1);
            assertThat(outbox.lastSeq()).isEqualTo(stored.get(3).seq());

            outbox.prune(6000); // keeps one sent row: the number of the pruned ones is not given again
            List<OutboxEntry> later = outbox.add(List.of(rep("red", "HELD", 7000)));
            assertThat(later.get(0).seq()).isEqualTo(stored.get(3).seq() + 1);
        }
    }
}
