package org.isoband.gateway.mqtt;

import org.isoband.core.mqtt.PublishResult;

import org.isoband.core.mqtt.ReasonCode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.isoband.core.retry.Backoff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ack bookkeeping without a broker: a channel that records publishes and answers them when told. */
class OutboxDrainTest {
    @TempDir
    Path dir;

    /** What a broker would have been asked to publish, and how to answer it. */
    static final class FakeChannel implements PublishChannel {
        record Publish(String topic, String payload, Consumer<PublishResult> done) {
        }

        final List<Publish> pending = new ArrayList<>();
        final List<String> published = new ArrayList<>();

        @Override
        public void publish(String topic, byte[] payload, int qos, boolean retained, Consumer<PublishResult> done) {
            String text = new String(payload, StandardCharsets.UTF_8);
            published.add(text);
            pending.add(new Publish(topic, text, done));
        }

        void answerAll(PublishResult result) {
            List<Publish> now = new ArrayList<>(pending);
            pending.clear();
            now.forEach(p -> p.done().accept(result));
        }
    }

    /** The publisher loop, run by hand. */
    static final class ManualLoop implements Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable command) {
            tasks.add(command);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    private final FakeChannel channel = new FakeChannel();
    private final ManualLoop loop = new ManualLoop();
    private long nowNanos;
    private OutboxDrain drain;

    private static final PublishResult.Refused NOT_AUTHORIZED = new PublishResult.Refused(new ReasonCode(0x87));

    @BeforeEach
    void open() {
        drain = drain(dir.resolve("outbox.db"), PrunePolicy.DEFAULT);
    }

    private OutboxDrain drain(Path file, PrunePolicy policy) {
        OutboxDrain d = new OutboxDrain(file, policy, channel, loop,
                Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC), () -> nowNanos,
                new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5), 0), new Random(1));
        d.open();
        return d;
    }

    private void store(int n) {
        for (int i = 0; i < n; i++) {
            drain.expect();
            drain.store(OutboxTest.rep("red", "HELD", 1));
        }
        loop.runAll();
    }

    @Test
    void anEventIsSentOnlyWhenTheBrokerAcknowledgesIt() {
        drain.connected(65_535);
        store(3);
        assertThat(channel.pending).hasSize(3);
        assertThat(drain.unsent()).isEqualTo(3);

        channel.answerAll(PublishResult.Accepted.OK);
        loop.runAll();

        assertThat(drain.unsent()).isZero();
        assertThat(drain.acked()).isEqualTo(3);
        assertThat(drain.outbox().unsentCount()).isZero();
    }

    @Test
    void aNewEventIsPublishedWhileItsStoreCommitsAndMarkedSentOnlyAfterTheCommit() throws Exception {
        Path file = dir.resolve("outbox.db");
        List<Long> committedRowsAtPublish = new ArrayList<>();
        PublishChannel watching = (topic, payload, qos, retained, done) -> {
            // Another connection sees only committed rows: the publish comes before the commit's fsync.
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                 java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM outbox")) {
                rs.next();
                committedRowsAtPublish.add(rs.getLong(1));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            channel.publish(topic, payload, qos, retained, done);
        };
        drain = new OutboxDrain(file, PrunePolicy.DEFAULT, watching, loop,
                Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC), () -> nowNanos,
                new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5), 0), new Random(1));
        drain.open();
        drain.connected(65_535);
        store(1);
        store(1);

        assertThat(committedRowsAtPublish).containsExactly(0L, 1L);
        assertThat(channel.published).hasSize(2);
        channel.answerAll(PublishResult.Accepted.OK);
        loop.runAll();
        assertThat(drain.outbox().unsentCount()).isZero();
        assertThat(drain.unsent()).isZero();
    }

    @Test
    void anEventBehindOlderUnpublishedOnesWaitsForThemAfterTheCommit() {
        drain.connected(2);
        store(3); // the window takes two
        assertThat(channel.pending).hasSize(2);
        store(1); // the third is older and still waits: the fourth may not overtake it
        assertThat(channel.pending).hasSize(2);

        channel.answerAll(PublishResult.Accepted.OK);
        loop.runAll();
        channel.answerAll(PublishResult.Accepted.OK);
        loop.runAll();
        assertThat(channel.published).as("oldest first").containsExactlyElementsOf(
                drain.outbox().sent(0, 10).stream().map(OutboxEntry::payload).toList());
    }

    @Test
    void noMatchingSubscribersIsSuccess() {
        drain.connected(65_535);
        store(1);
        channel.answerAll(new PublishResult.Accepted(new ReasonCode(0x10)));
        loop.runAll();
        assertThat(drain.unsent()).isZero();
    }

    @Test
    void neverMoreInFlightThanTheWindowOrTheBrokersReceiveMaximum() {
        drain.connected(20);
        store(50);
        assertThat(channel.pending).hasSize(20);

        channel.answerAll(PublishResult.Accepted.OK);
        loop.runAll();
        assertThat(channel.pending).hasSize(20);
        assertThat(drain.unsent()).isEqualTo(30);
    }

    @Test
    void aRefusedEventStaysUnsentAndIsTriedAgainAfterTheBackoff() {
        drain.connected(65_535);
        store(2);
        channel.answerAll(NOT_AUTHORIZED);
        loop.runAll();

        assertThat(drain.unsent()).isEqualTo(2);
        assertThat(drain.refusedTotal()).isEqualTo(2);
        assertThat(drain.outbox().unsentCount()).isEqualTo(2);
        assertThat(channel.pending).as("not hammered while the rule stands").isEmpty();

        nowNanos += Duration.ofSeconds(4).toNanos();
        drain.tick();
        assertThat(channel.pending).isEmpty();

        nowNanos += Duration.ofSeconds(1).toNanos();
        drain.tick();
        assertThat(channel.pending).hasSize(2);
        channel.answerAll(PublishResult.Accepted.OK);
        loop.runAll();
        assertThat(drain.unsent()).isZero();
    }

    @Test
    void eventsAfterARefusedOneStillGoOut() {
        drain.connected(65_535);
        store(1);
        channel.answerAll(NOT_AUTHORIZED);
        loop.runAll();
        store(2);
        assertThat(channel.pending).hasSize(2);
    }

    @Test
    void theRetryOfRefusedEventsWaitsLongerEachTimeTheyAreRefusedAgain() {
        drain.connected(65_535);
        store(1);
        channel.answerAll(NOT_AUTHORIZED);
        loop.runAll();
        nowNanos += Duration.ofSeconds(5).toNanos();
        drain.tick();
        channel.answerAll(NOT_AUTHORIZED);
        loop.runAll();

        nowNanos += Duration.ofSeconds(9).toNanos();
        drain.tick();
        assertThat(channel.pending).isEmpty();
        nowNanos += Duration.ofSeconds(1).toNanos();
        drain.tick();
        assertThat(channel.pending).hasSize(1);
    }

    @Test
    void unansweredEventsArePublishedAgainOnReconnect() {
        drain.connected(65_535);
        store(3);
        drain.disconnected();
        channel.answerAll(new PublishResult.Unanswered("connection lost"));
        loop.runAll();
        assertThat(drain.unsent()).isEqualTo(3);

        drain.connected(65_535);
        assertThat(channel.pending).hasSize(3);
        assertThat(channel.published).hasSize(6);
    }

    @Test
    void aLateAckAfterAReconnectStillMarksTheEventSent() {
        drain.connected(65_535);
        store(1);
        FakeChannel.Publish first = channel.pending.remove(0);
        drain.disconnected();
        drain.connected(65_535);
        first.done().accept(PublishResult.Accepted.OK);
        loop.runAll();
        assertThat(drain.unsent()).isZero();
    }

    @Test
    void anUnwritableOutboxKeepsEventsInMemoryAndPublishesThemFromThere() throws Exception {
        Path blocked = dir.resolve("not-a-dir");
        Files.writeString(blocked, "a file where the outbox's folder should be");
        drain = drain(blocked.resolve("outbox.db"), PrunePolicy.DEFAULT);
        drain.connected(65_535);
        store(2);

        assertThat(drain.inMemory()).isEqualTo(2);
        assertThat(channel.pending).hasSize(2);
        channel.answerAll(PublishResult.Accepted.OK);
        loop.runAll();
        assertThat(drain.unsent()).isZero();
        assertThat(drain.inMemory()).isZero();
    }

    @Test
    void pastTheMemoryLimitTheOldestAreDroppedAndCounted() throws Exception {
        Path blocked = dir.resolve("not-a-dir");
        Files.writeString(blocked, "x");
        drain = drain(blocked.resolve("outbox.db"), PrunePolicy.DEFAULT.withMemoryEvents(3));
        store(5);
        assertThat(drain.inMemory()).isEqualTo(3);
        assertThat(drain.droppedFromMemory()).isEqualTo(2);
        assertThat(drain.unsent()).isEqualTo(3);
    }

    @Test
    void eventsInMemoryMoveToTheFileWhenItCanBeWrittenAgain() throws Exception {
        Path folder = dir.resolve("later");
        Files.writeString(folder, "x");
        drain = drain(folder.resolve("outbox.db"), PrunePolicy.DEFAULT);
        store(2);
        Files.delete(folder);
        Files.createDirectory(folder);

        nowNanos += OutboxDrain.RETRY_STORE.toNanos();
        drain.tick();
        assertThat(drain.inMemory()).isZero();
        assertThat(drain.outbox().unsentCount()).isEqualTo(2);
        assertThat(drain.unsent()).isEqualTo(2);
    }

    @Test
    void aStopWithTheOutboxUnwritableSavesTheEventsBesideItAndTheNextStartTakesThemBack() throws Exception {
        Path file = dir.resolve("stopped.db");
        Files.createDirectory(file); // where the outbox should be, something SQLite cannot open
        drain = drain(file, PrunePolicy.DEFAULT);
        store(3);
        assertThat(drain.inMemory()).isEqualTo(3);

        assertThat(drain.saveLeftovers()).containsExactly(3, 0);
        assertThat(FallbackFile.beside(file)).exists();
        assertThat(drain.unsent()).isZero();

        Files.delete(file);
        OutboxDrain next = drain(file, PrunePolicy.DEFAULT);
        assertThat(next.unsent()).isEqualTo(3);
        assertThat(next.outbox().unsentCount()).isEqualTo(3);
        assertThat(FallbackFile.beside(file)).doesNotExist();
    }

    @Test
    void whatCanBeWrittenNowhereIsCountedAsLost() throws Exception {
        Path blocked = dir.resolve("not-a-dir");
        Files.writeString(blocked, "x");
        drain = drain(blocked.resolve("outbox.db"), PrunePolicy.DEFAULT);
        store(2);
        assertThat(drain.saveLeftovers()).containsExactly(0, 2);
        assertThat(drain.inMemory()).isEqualTo(2);
    }

    @Test
    void eventsAlreadyInTheFileNeedNoSaving() {
        store(2);
        assertThat(drain.saveLeftovers()).containsExactly(0, 0);
        assertThat(FallbackFile.beside(dir.resolve("outbox.db"))).doesNotExist();
    }
}
