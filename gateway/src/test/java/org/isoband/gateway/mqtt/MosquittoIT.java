package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.isoband.core.detect.DetectorConfig;
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

/**
 * The publisher against the real Mosquitto, read by {@code mosquitto_sub}, whose output is validated against
 * the JSON Schemas in docs/schemas. Skipped with a message when Mosquitto is absent; required when CI=true.
 */
class MosquittoIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private MosquittoBroker broker;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final PayloadSchemas schemas = new PayloadSchemas();

    @BeforeEach
    void startBroker() {
        MosquittoBroker.assumeInstalled();
        broker = MosquittoBroker.start(dir.resolve("mosquitto"));
    }

    @AfterEach
    void stopAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private <T extends AutoCloseable> T track(T resource) {
        open.add(resource);
        return resource;
    }

    private MqttConfig config() {
        return MqttConfig.of(broker.url(), "Mosquitto Pi", List.of("red"), dir.resolve("outbox.db"))
                .withBackoff(Backoff.DEFAULT.withDelays(Duration.ofMillis(200), Duration.ofSeconds(2)))
                .withHeartbeat(1);
    }

    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    private static Set<String> repIds(MosquittoSub sub) {
        Set<String> ids = new HashSet<>();
        sub.payloadsEndingWith("/rep").forEach(p -> ids.add(RepMessage.fromJson(p).id()));
        return ids;
    }

    /** Every contract payload mosquitto_sub printed is valid against its schema; returns how many were checked. */
    private int assertValid(MosquittoSub sub) {
        int checked = 0;
        for (MosquittoSub.Line line : sub.lines) {
            if (line.topic().startsWith("isoband/") && schemas.hasSchemaFor(line.topic())) {
                assertThat(schemas.errors(line.topic(), line.payload())).as("%s %s", line.topic(), line.payload()).isEmpty();
                checked++;
            }
        }
        return checked;
    }

    @Test
    void aLiveSessionReadByMosquittoSubIsValidAgainstTheSchemas() throws Exception {
        MosquittoSub sub = track(new MosquittoSub(broker.port(), null, "isoband/#", "homeassistant/#"));
        Thread.sleep(300);
        MqttPublisher publisher = MqttPublisher.start(config());
        assertThat(await(() -> publisher.stats().connected())).isTrue();
        BandSession session = new BandSession("Mosquitto Pi", "red", DetectorConfig.DEFAULTS, publisher, SampleClock.system(), ZoneId.systemDefault());
        SimulatedSource source = new SimulatedSource(new SimulatedSession(Scenario.SET, 3, SensorModel.loadCell(80)), 20);
        source.start(session);
        source.awaitEnd();
        session.end();
        assertThat(publisher.awaitDrained(WAIT)).isTrue();
        publisher.close();

        assertThat(await(() -> sub.payloadsEndingWith("/status").contains("offline"))).isTrue();
        assertThat(repIds(sub)).hasSize(6);
        assertThat(sub.payloadsEndingWith("/session")).hasSize(1);
        assertThat(sub.payloadsEndingWith("/force")).isNotEmpty();
        assertThat(sub.payloadsEndingWith("/state")).isNotEmpty();
        assertThat(assertValid(sub)).isGreaterThan(40);
        List<MosquittoSub.Line> configs = sub.on(t -> t.startsWith("homeassistant/"));
        assertThat(configs).hasSize(12); // the gateway's 3 entities, the band's 9 (HomeAssistantMosquittoIT checks them)
        for (MosquittoSub.Line c : configs) {
            JsonNode config = JSON.readTree(c.payload());
            assertThat(config.get("state_topic").asText()).startsWith("isoband/mosquitto_pi/");
        }
        assertThat(sub.payloadsEndingWith("/force_1s")).isNotEmpty();

        // A consumer that comes later gets the retained topics, flagged retained by the broker.
        MosquittoSub late = track(new MosquittoSub(broker.port(), null, "isoband/#", "homeassistant/#"));
        assertThat(await(() -> late.lines.size() >= 9)).isTrue();
        Thread.sleep(300);
        assertThat(late.lines).allSatisfy(l -> assertThat(l.retained()).as(l.topic()).isTrue());
        assertThat(late.payloadsEndingWith("/status")).containsExactly("offline");
        assertThat(late.payloadsEndingWith("/availability")).containsExactly("offline");
        assertThat(late.payloadsEndingWith("/state")).hasSize(1);
        assertThat(late.on(t -> t.startsWith("homeassistant/"))).hasSize(12);
        assertValid(late);
    }

    @Test
    void theBrokerKilledAndRestartedMidSessionLosesNoRepAndCountsNoneTwice() throws Exception {
        MosquittoSub sub = track(new MosquittoSub(broker.port(), "dashboard-it", "isoband/#"));
        Thread.sleep(300);
        MqttPublisher publisher = track(MqttPublisher.start(config()));
        assertThat(await(() -> publisher.stats().connected())).isTrue();
        Set<String> sent = new HashSet<>();
        for (int i = 1; i <= 40; i++) {
            RepMessage rep = TestReps.rep("red", i);
            sent.add(rep.id());
            publisher.publishRep(rep);
        }
        assertThat(publisher.awaitDrained(WAIT)).isTrue();
        // Acknowledged by the broker is not yet delivered: a broker killed now may lose its own queue.
        assertThat(await(() -> repIds(sub).size() == 40)).isTrue();

        broker.kill();
        assertThat(await(() -> !publisher.stats().connected())).isTrue();
        for (int i = 41; i <= 80; i++) {
            RepMessage rep = TestReps.rep("red", i);
            sent.add(rep.id());
            publisher.publishRep(rep);
        }
        Thread.sleep(500);
        assertThat(publisher.stats().unsent()).isEqualTo(40);
        broker.startAgain();
        for (int i = 81; i <= 120; i++) {
            RepMessage rep = TestReps.rep("red", i);
            sent.add(rep.id());
            publisher.publishRep(rep);
        }

        assertThat(publisher.awaitDrained(WAIT)).isTrue();
        assertThat(await(() -> repIds(sub).size() == 120)).as("received %d of 120", repIds(sub).size()).isTrue();
        assertThat(repIds(sub)).isEqualTo(sent);
        assertValid(sub);
    }
}
