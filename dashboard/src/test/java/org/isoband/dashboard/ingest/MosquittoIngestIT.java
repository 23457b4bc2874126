package org.isoband.dashboard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isoband.dashboard.testing.Reps.held;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.isoband.core.detect.Phase;
import org.isoband.core.message.RepMessage;
import org.isoband.dashboard.Dashboard;
import org.isoband.dashboard.DashboardSettings;
import org.isoband.dashboard.RunningDashboard;
import org.isoband.dashboard.store.RepQuery;
import org.isoband.dashboard.testing.Mosquitto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard subscribed to a real Mosquitto broker, with {@code mosquitto_pub} as the gateways: duplicates are
 * stored once, malformed payloads are counted and dropped, any number of gateways and bands get through, and reps
 * published while the dashboard was down arrive when it comes back (its persistent session).
 */
@org.junit.jupiter.api.extension.ExtendWith(org.isoband.dashboard.testing.ProgramsRequired.class)
class MosquittoIngestIT {
    @TempDir
    static Path dir;
    static Mosquitto broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = Mosquitto.start(dir);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private static RunningDashboard dashboard(String db) throws InterruptedException {
        RunningDashboard d = Dashboard.start(DashboardSettings.defaults().withPort(0).withDatabase(dir.resolve(db).toString())
                .withBroker(broker.url(), null, null, "isoband").withZone(ZoneOffset.UTC));
        assertThat(d.awaitSubscribed(15, TimeUnit.SECONDS)).as("subscribed to " + broker).isTrue();
        return d;
    }

    @Test
    void duplicates_stored_once_and_malformed_payloads_counted_and_dropped() throws Exception {
        try (RunningDashboard d = dashboard("dup.db")) {
            RepMessage r1 = held("band1", "right", 0, 1, Instant.parse("2026-11-24T18:00:00Z"));
            RepMessage r2 = held("band1", "right", 0, 2, Instant.parse("2026-11-24T18:00:20Z"));
            RepMessage other = new RepMessage(r1.id().replace('a', 'b').replace('1', '2'), "garage", "blue", "x", "left", 1, 1,
                    r1.start(), r1.end(), 7, 6, r1.verdict(), 1, 2, 3, 4, 5, 6, 0);

            broker.publish("isoband/pi/band1/rep", r1.toJson());
            broker.publish("isoband/pi/band1/rep", r1.toJson());
            broker.publish("isoband/pi/band1/rep", "{\"schema\":1,\"id\":\"truncated");
            broker.publish("isoband/pi/band1/rep", r1.toJson().replace("\"rep\":1", "\"rep\":\"one\""));
            broker.publish("isoband/pi/band1/rep", r2.toJson());
            broker.publish("isoband/pi/band1/state", "[]");
            broker.publish("isoband/pi/status", "online");
            broker.publish("isoband/pi/band1/state", IngestTest.state("pi", "band1", Phase.HOLD).toJson());
            broker.publish("isoband/garage/blue/rep", other.toJson());
            broker.publish("isoband/pi/band1/rep", r2.toJson());

            waitFor(() -> d.ingest().counts().reps() == 3 && d.ingest().counts().duplicates() == 2
                    && d.ingest().counts().malformed() == 3 && d.ingest().counts().states() == 1, Duration.ofSeconds(15));
            IngestCounts c = d.ingest().counts();
            assertThat(c.malformedByTopic()).containsEntry("isoband/pi/band1/rep", 2L).containsEntry("isoband/pi/band1/state", 1L);
            assertThat(d.store().reps(RepQuery.ALL)).extracting(s -> s.rep().id()).containsExactly(r1.id(), other.id(), r2.id());
            assertThat(d.ingest().live().gateways()).containsEntry("pi", true);
        }
    }

    @Test
    void reps_published_while_the_dashboard_was_down_arrive_when_it_is_back() throws Exception {
        RepMessage before = held("band9", "left", 3, 1, Instant.parse("2026-11-20T18:00:00Z"));
        RepMessage during = held("band9", "left", 3, 2, Instant.parse("2026-11-20T18:00:30Z"));
        try (RunningDashboard d = dashboard("restart.db")) {
            broker.publish("isoband/pi/band9/rep", before.toJson());
            waitFor(() -> d.ingest().counts().reps() == 1, Duration.ofSeconds(10));
        }
        broker.publish("isoband/pi/band9/rep", during.toJson());
        try (RunningDashboard d = dashboard("restart.db")) {
            waitFor(() -> d.store().count() == 2, Duration.ofSeconds(10));
            assertThat(d.store().reps(RepQuery.ALL)).extracting(s -> s.rep().id()).containsExactly(before.id(), during.id());
        }
    }

    static void waitFor(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout);
            }
            Thread.sleep(20);
        }
    }
}
