package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.isoband.core.detect.DetectorConfig;
import org.isoband.core.message.ForceBatch;
import org.isoband.core.message.RepMessage;
import org.isoband.device.sim.Scenario;
import org.isoband.device.sim.SensorModel;
import org.isoband.device.sim.SimulatedSession;
import org.isoband.device.sim.SimulatedSource;
import org.isoband.core.retry.Backoff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publisher against the embedded broker (Moquette) over TCP, with an independent subscriber. */
class MqttPublisherIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private EmbeddedBroker broker;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final PayloadSchemas schemas = new PayloadSchemas();

    @BeforeEach
    void startBroker() {
        broker = EmbeddedBroker.start();
    }

    @AfterEach
    void stopAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        broker.close();
    }

    private MqttConfig config(List<String> bands) {
        return MqttConfig.of(broker.url(), "Test Pi", bands, dir.resolve("outbox.db")).withProtocol(broker.protocol())
                .withBackoff(Backoff.DEFAULT.withDelays(Duration.ofMillis(200), Duration.ofSeconds(2)))
                .withHeartbeat(1);
    }

    private <T extends AutoCloseable> T track(T resource) {
        open.add(resource);
        return resource;
    }

    private TestSubscriber subscriber() {
        return track(new TestSubscriber(broker.url(), "isoband/#", "homeassistant/#"));
    }

    private static Set<String> ids(List<String> repPayloads) {
        Set<String> ids = new HashSet<>();
        for (String p : repPayloads) {
            ids.add(RepMessage.fromJson(p).id());
        }
        return ids;
    }

    private void assertValid(TestSubscriber sub) {
        for (TestSubscriber.Received m : sub.messages) {
            if (m.topic().startsWith("isoband/") && schemas.hasSchemaFor(m.topic())) {
                assertThat(schemas.errors(m.topic(), m.payload())).as("%s %s", m.topic(), m.payload()).isEmpty();
            }
        }
    }

    @Test
    void aLiveSessionArrivesWholeValidAndRateLimited() throws Exception {
        TestSubscriber sub = subscriber();
        MqttPublisher publisher = track(MqttPublisher.start(config(List.of("red"))));
        assertThat(sub.await(WAIT, () -> publisher.stats().connected())).isTrue();

        BandSession session = new BandSession("Test Pi", "red", DetectorConfig.DEFAULTS, publisher, SampleClock.system(), ZoneId.systemDefault());
        SimulatedSource source = new SimulatedSource(new SimulatedSession(Scenario.SET, 7, SensorModel.loadCell(80)), 20);
        long started = System.nanoTime();
        source.start(session);
        source.awaitEnd();
        double seconds = (System.nanoTime() - started) / 1e9;
        session.end();
        assertThat(publisher.awaitDrained(WAIT)).isTrue();
        assertThat(sub.await(WAIT, () -> sub.payloadsEndingWith("/session").size() == 1)).isTrue();
        assertThat(sub.await(WAIT, () -> sub.payloadsEndingWith("/availability").contains("offline"))).as("heartbeat lost").isTrue();

        List<String> reps = sub.payloadsEndingWith("/red/rep");
        assertThat(reps).hasSize(6);
        assertThat(ids(reps)).hasSize(6);
        assertThat(reps.stream().map(p -> RepMessage.fromJson(p).verdict().name()).toList())
                .containsExactly("HELD", "SHORT", "HELD", "MOVED", "UNSTEADY", "HELD");
        assertThat(sub.payloadsEndingWith("/red/state")).hasSizeGreaterThan(12);
        List<String> force = sub.payloadsEndingWith("/red/force");
        assertThat(force.size()).as("force batches in %.1f s", seconds).isBetween((int) (seconds * 5), (int) (seconds * 10) + 2);
        long samples = force.stream().mapToLong(p -> ForceBatch.fromJson(p).size()).sum();
        assertThat(samples).isGreaterThan(5000);
        assertThat(sub.payloadsEndingWith("/availability")).startsWith("offline", "online");
        // The gateway's 3 entities and the band's 9.
        assertThat(sub.on(t -> t.startsWith("homeassistant/") && t.endsWith("/config"))).hasSize(12);
        assertThat(sub.payloadsEndingWith("test_pi/status")).containsExactly("online");
        assertValid(sub);

        publisher.close();
        assertThat(sub.await(WAIT, () -> sub.payloadsEndingWith("test_pi/status").contains("offline"))).isTrue();

        // What a consumer that comes later finds: the retained status, state and discovery configs.
        TestSubscriber late = subscriber();
        assertThat(late.await(WAIT, () -> late.on(t -> t.startsWith("homeassistant/")).size() == 12
                && late.payloadsEndingWith("/state").size() == 1 && late.payloadsEndingWith("/status").size() == 1)).isTrue();
        // (Moquette 0.17 does not set the retained flag on delivery; MosquittoIT checks the flag.)
        assertThat(late.payloadsEndingWith("/status")).containsExactly("offline");
        assertThat(JSON.readTree(late.payloadsEndingWith("/state").get(0)).get("rep").asInt()).isEqualTo(6);
    }

    @Test
    void eventsPublishedWhileTheBrokerIsDownArriveAfterItsRestartNoneLost() throws Exception {
        broker.stop();
        broker = EmbeddedBroker.start(dir.resolve("broker"));
        // A consumer with a persistent session, as the dashboard has: the broker queues for it while it is away.
        TestSubscriber sub = track(new TestSubscriber(broker.url(), true, "isoband/#"));
        MqttPublisher publisher = track(MqttPublisher.start(config(List.of("red"))));
        assertThat(sub.await(WAIT, () -> publisher.stats().connected())).isTrue();
        Set<String> sent = new HashSet<>();
        for (int i = 1; i <= 50; i++) {
            RepMessage rep = TestReps.rep("red", i);
            sent.add(rep.id());
            publisher.publishRep(rep);
        }
        assertThat(publisher.awaitDrained(WAIT)).isTrue();
        // Acknowledged by the broker is not yet delivered: a broker stopped now may lose its own queue.
        assertThat(sub.await(WAIT, () -> ids(sub.payloadsEndingWith("/rep")).size() == 50)).isTrue();

        broker.stop();
        assertThat(sub.await(WAIT, () -> !publisher.stats().connected())).isTrue();
        for (int i = 51; i <= 100; i++) {
            RepMessage rep = TestReps.rep("red", i);
            sent.add(rep.id());
            publisher.publishRep(rep);
        }
        Thread.sleep(300);
        assertThat(publisher.stats().unsent()).isEqualTo(50);
        assertThat(publisher.stats().forceDropped()).isZero();
        broker.startAgain();
        sub.connect();
        for (int i = 101; i <= 150; i++) {
            RepMessage rep = TestReps.rep("red", i);
            sent.add(rep.id());
            publisher.publishRep(rep);
        }

        assertThat(publisher.awaitDrained(WAIT)).isTrue();
        assertThat(sub.await(WAIT, () -> ids(sub.payloadsEndingWith("/rep")).size() == 150))
                .as("reps received: %d", ids(sub.payloadsEndingWith("/rep")).size()).isTrue();
        assertThat(ids(sub.payloadsEndingWith("/rep"))).isEqualTo(sent);
        assertThat(publisher.stats().connects()).isEqualTo(2);
        assertValid(sub);
    }

    @Test
    void aFullOutboxIsReportedOnceAndTheNewestEventsAreKeptInMemory() throws Exception {
        broker.stop();
        broker = EmbeddedBroker.start(dir.resolve("broker"));
        // Subscribed before the publisher ever connects: the broker queues for this persistent session.
        TestSubscriber sub = track(new TestSubscriber(broker.url(), true, "isoband/#"));
        broker.stop();
        MqttConfig small = config(List.of("red")).withPrune(PrunePolicy.DEFAULT.withMaxFileBytes(64 * 1024).withMemoryEvents(200));
        // The gateway logs through SLF4J to java.util.logging: listen there.
        java.util.logging.Logger mqttLog = java.util.logging.Logger.getLogger("org.isoband.gateway.mqtt");
        StringBuilder captured = new StringBuilder();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                synchronized (captured) {
                    captured.append(r.getLevel()).append(' ').append(new java.util.logging.SimpleFormatter().formatMessage(r));
                    if (r.getThrown() != null) {
                        captured.append("\tat ").append(r.getThrown());
                    }
                    captured.append('\n');
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        List<RepMessage> sent = new ArrayList<>();
        MqttPublisher publisher;
        mqttLog.addHandler(capture);
        try {
            publisher = track(MqttPublisher.start(small));
            for (int i = 1; i <= 600; i++) {
                RepMessage rep = TestReps.rep("red", i);
                sent.add(rep);
                publisher.publishRep(rep);
                if (i % 10 == 0) {
                    Thread.sleep(5); // reps come in small groups, stored in small transactions until the file is full
                }
            }
            Thread.sleep(1000);
        } finally {
            mqttLog.removeHandler(capture);
        }
        PublisherStats stats = publisher.stats();
        assertThat(stats.inMemory()).isEqualTo(200);
        assertThat(stats.droppedFromMemory()).isPositive();
        assertThat(stats.unsent()).isEqualTo(600 - stats.droppedFromMemory());
        assertThat(stats.unsent() - stats.inMemory()).as("stored in the file before it was full").isGreaterThan(20);
        String log;
        synchronized (captured) {
            log = captured.toString();
        }
        assertThat(log.lines().filter(l -> l.contains("OUTBOX NOT WRITABLE"))).hasSize(1);
        assertThat(log).contains("outbox.db: cannot store", "disk or outbox size limit full", "OUTBOX MEMORY FULL").doesNotContain("\tat ");

        broker.startAgain();
        sub.connect();
        assertThat(publisher.awaitDrained(WAIT)).isTrue();
        long expected = 600 - stats.droppedFromMemory();
        assertThat(sub.await(WAIT, () -> ids(sub.payloadsEndingWith("/rep")).size() == expected)).isTrue();
        Set<String> newest = new HashSet<>();
        sent.subList(400, 600).forEach(r -> newest.add(r.id()));
        assertThat(ids(sub.payloadsEndingWith("/rep"))).containsAll(newest);
    }

    @Test
    void aBandRemovedFromTheConfigIsRemovedFromHomeAssistant() throws Exception {
        TestSubscriber sub = subscriber();
        MqttPublisher before = MqttPublisher.start(config(List.of("red", "blue")));
        assertThat(sub.await(WAIT, () -> sub.on(t -> t.startsWith("homeassistant/")).size() == 21)).isTrue();
        Thread.sleep(200);
        before.close();

        MqttPublisher after = track(MqttPublisher.start(config(List.of("red"))));
        assertThat(sub.await(WAIT, () -> sub.on(t -> t.contains("_blue/")).stream().filter(m -> m.payload().isEmpty()).count() == 9)).isTrue();
        Thread.sleep(200);
        after.close();

        TestSubscriber late = subscriber();
        assertThat(late.await(WAIT, () -> late.on(t -> t.startsWith("homeassistant/")).size() == 12)).isTrue();
        Thread.sleep(300);
        assertThat(late.on(t -> t.startsWith("homeassistant/"))).noneSatisfy(m -> assertThat(m.topic()).contains("_blue/"));
        assertThat(late.on(t -> t.startsWith("isoband/test_pi/blue/"))).as("the removed band's retained state").isEmpty();
    }

    @Test
    void forceSamplesAreDroppedAndCountedWhileNotConnectedNeverQueued() throws Exception {
        broker.stop();
        MqttPublisher publisher = track(MqttPublisher.start(config(List.of("red"))));
        java.time.Instant t = java.time.Instant.now();
        for (int i = 0; i < 500; i++) {
            publisher.publishForce("red", t.plusMillis(i), 100 + i);
        }
        Thread.sleep(500);

        assertThat(publisher.stats().forceDropped()).isEqualTo(500);
        assertThat(publisher.stats().forceBatches()).isZero();
    }
}
