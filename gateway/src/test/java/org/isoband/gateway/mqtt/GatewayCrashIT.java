package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.isoband.core.message.RepMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway process killed with SIGKILL while it has unsent events, then started again on the same outbox:
 * every rep arrives, and none twice by id.
 */
class GatewayCrashIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();
    private EmbeddedBroker broker;

    @AfterEach
    void cleanUp() {
        processes.forEach(Process::destroyForcibly);
        if (broker != null) {
            broker.close();
        }
    }

    /** The gateway as a separate JVM on the test class path; its stdout lines are collected. */
    private record Gateway(Process process, List<String> out) {
        List<String> ids() {
            return out.stream().filter(l -> l.startsWith("rep ")).map(l -> l.substring(4)).toList();
        }

        boolean printed(String prefix) {
            return out.stream().anyMatch(l -> l.startsWith(prefix));
        }
    }

    private Gateway start(String mode, int count, String name) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashTestGateway.class.getName(),
                mode, broker.url(), dir.resolve("outbox.db").toString(), Integer.toString(count));
        Process p = new ProcessBuilder(command).redirectError(dir.resolve(name + ".err").toFile()).start();
        processes.add(p);
        List<String> out = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    out.add(line);
                }
            } catch (IOException e) {
                // The process was killed.
            }
        }, "gateway-stdout");
        reader.setDaemon(true);
        reader.start();
        return new Gateway(p, out);
    }

    private static Set<String> receivedIds(TestSubscriber sub) {
        Set<String> ids = new HashSet<>();
        sub.payloadsEndingWith("/rep").forEach(p -> ids.add(RepMessage.fromJson(p).id()));
        return ids;
    }

    /** Every event in the outbox file, sent or not. */
    private Set<String> storedIds() throws java.sql.SQLException {
        Set<String> ids = new HashSet<>();
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("outbox.db"));
             var rs = db.createStatement().executeQuery("SELECT id FROM outbox")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }


    private void restartAndDrain(TestSubscriber sub) throws Exception {
        Gateway second = start("drain", 0, "second");
        assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.out()).as(Files.readString(dir.resolve("second.err"))).contains("drained");
        assertThat(second.process().exitValue()).isZero();
    }

    @Test
    void aGatewayKilledWithUnsentEventsDeliversThemAllAfterARestart() throws Exception {
        broker = EmbeddedBroker.start();
        broker.stop();                                            // the Wi-Fi is down: everything stays in the outbox
        Gateway first = start("produce", 200, "first");
        assertThat(await(() -> first.printed("produced"))).as("produced").isTrue();
        first.process().destroyForcibly();                        // SIGKILL: no goodbye, no flush
        assertThat(first.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(first.process().exitValue()).isEqualTo(137);
        assertThat(first.ids()).hasSize(200);
        try (Outbox outbox = Outbox.open(dir.resolve("outbox.db"), PrunePolicy.DEFAULT)) {
            assertThat(outbox.unsentCount()).as("unsent at the kill").isEqualTo(200);
        }

        broker.startAgain();
        TestSubscriber sub = new TestSubscriber(broker.url(), "isoband/#");
        try {
            restartAndDrain(sub);
            assertThat(sub.await(WAIT, () -> receivedIds(sub).size() == 200))
                    .as("received %d of 200", receivedIds(sub).size()).isTrue();
            assertThat(receivedIds(sub)).isEqualTo(new HashSet<>(first.ids()));
        } finally {
            sub.close();
        }
    }

    @Test
    void aGatewayKilledWhilePublishingDeliversEveryStoredRepAfterARestart() throws Exception {
        broker = EmbeddedBroker.start();
        TestSubscriber sub = new TestSubscriber(broker.url(), "isoband/#");
        try {
            Gateway first = start("produce", 300, "first");
            assertThat(sub.await(WAIT, () -> receivedIds(sub).size() >= 50)).isTrue();
            first.process().destroyForcibly();                    // mid-stream: some in flight, the rest unsent
            assertThat(first.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
            List<String> handedOver = first.ids();
            Set<String> stored = storedIds();
            // publishRep returns once the rep is in the outbox: every rep handed over survives the kill.
            List<String> notStored = handedOver.stream().filter(id -> !stored.contains(id)).toList();
            assertThat(notStored).as("handed over but not in the outbox at the kill").isEmpty();
            // Whether any were still unacknowledged at the kill depends on timing here; that a killed gateway's
            // unsent events all arrive is what aGatewayKilledWithUnsentEventsDeliversThemAllAfterARestart checks.

            restartAndDrain(sub);

            Set<String> expected = new HashSet<>(handedOver);
            assertThat(sub.await(WAIT, () -> receivedIds(sub).containsAll(expected)))
                    .as("received %d of %d", receivedIds(sub).size(), expected.size()).isTrue();
            // The kill may land between a rep's storing and its id's printing: that one rep arrives unannounced.
            Set<String> extra = new HashSet<>(receivedIds(sub));
            extra.removeAll(expected);
            assertThat(extra).hasSizeLessThanOrEqualTo(1);
        } finally {
            sub.close();
        }
    }

    private static boolean await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    @Test
    void theBrokerSaysOfflineForAGatewayThatVanished() throws Exception {
        broker = EmbeddedBroker.start();
        TestSubscriber sub = new TestSubscriber(broker.url(), "isoband/+/status");
        try {
            Gateway gateway = start("produce", 5, "vanishing");
            assertThat(sub.await(WAIT, () -> sub.payloadsEndingWith("/status").contains("online"))).isTrue();
            assertThat(sub.await(WAIT, () -> gateway.printed("produced"))).isTrue();

            gateway.process().destroyForcibly();

            assertThat(sub.await(WAIT, () -> sub.payloadsEndingWith("/status").contains("offline"))).as("Last Will").isTrue();
            assertThat(sub.messages.get(sub.messages.size() - 1).topic()).isEqualTo("isoband/crash_pi/status");
        } finally {
            sub.close();
        }
    }
}
