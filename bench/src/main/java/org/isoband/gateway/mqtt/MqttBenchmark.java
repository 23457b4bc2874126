package org.isoband.gateway.mqtt;

import org.isoband.core.mqtt.MqttProtocol;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.isoband.core.detect.DetectorConfig;
import org.isoband.core.message.RepMessage;
import org.isoband.core.message.SessionSummary;
import org.isoband.core.message.StateMessage;
import org.isoband.device.sim.Scenario;
import org.isoband.device.sim.SensorModel;
import org.isoband.device.sim.SimulatedSession;
import org.isoband.device.sim.SimulatedSource;
import org.isoband.device.source.LinkState;
import org.isoband.device.source.SampleSink;

/**
 * Printed figures, not a test (bench/mqtt-bench.sh runs it on the gateway's test class path):
 *
 * <ul>
 *   <li>{@code latency}: from a sample entering the detector ({@link BandSession#sample}) to the {@code state}
 *       or {@code rep} message it caused arriving at a subscriber on loopback; p50/p99/max.</li>
 *   <li>{@code throughput}: rep events through the outbox (stored with fsync, published at QoS 1, PUBACK,
 *       marked sent): a burst as fast as they come, and a paced run at 2,000 events/s.</li>
 * </ul>
 *
 * <pre>MqttBenchmark latency|throughput mosquitto|moquette [WORK_DIR]</pre>
 */
public final class MqttBenchmark {
    private MqttBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String what = args[0];
        String brokerKind = args.length > 1 ? args[1] : "mosquitto";
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("isoband-mqtt-bench");
        Files.createDirectories(dir);
        AutoCloseable broker;
        String url;
        MqttProtocol protocol;
        if (brokerKind.equals("mosquitto")) {
            MosquittoBroker m = MosquittoBroker.start(dir.resolve("mosquitto-" + System.nanoTime()), false);
            broker = m;
            url = m.url();
            protocol = MqttProtocol.V5;
        } else {
            EmbeddedBroker e = EmbeddedBroker.start();
            broker = e;
            url = e.url();
            protocol = e.protocol();
        }
        System.out.printf(Locale.ROOT, "mqtt-bench: %s against %s at %s, %d cores, %s%n", what, brokerKind, url,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try {
            if (what.equals("latency")) {
                latency(url, protocol, dir);
            } else {
                throughput(url, protocol, dir);
            }
        } finally {
            broker.close();
        }
    }

    // ---- latency -------------------------------------------------------------------------------------------

    /** Publishes as the real publisher does, noting which sample (by its entry time) caused each message. */
    private static final class Stamping implements EventPublisher {
        private final EventPublisher inner;
        final Map<String, Long> causedAt = new ConcurrentHashMap<>();
        volatile long currentEntry;

        Stamping(EventPublisher inner) {
            this.inner = inner;
        }

        /** How long each publishRep took: the hand-off, which returns once the outbox has the rep (fsync). */
        final List<Long> handOffs = new CopyOnWriteArrayList<>();
        /** The states published right after a rep (the session's thread waited for the rep's store first). */
        final java.util.Set<String> afterRep = ConcurrentHashMap.newKeySet();
        private volatile boolean repJustPublished;

        @Override
        public void publishRep(RepMessage rep) {
            causedAt.put("rep " + rep.id(), currentEntry);
            long t0 = System.nanoTime();
            inner.publishRep(rep);
            handOffs.add(System.nanoTime() - t0);
            repJustPublished = true;
        }

        @Override
        public void publishState(StateMessage state) {
            String key = "state " + state.toJson();
            causedAt.put(key, currentEntry);
            if (repJustPublished) {
                afterRep.add(key);
                repJustPublished = false;
            }
            inner.publishState(state);
        }

        @Override
        public void publishForce(String band, Instant at, double newtons) {
            inner.publishForce(band, at, newtons);
        }

        @Override
        public void publishSessionSummary(SessionSummary summary) {
            inner.publishSessionSummary(summary);
        }

        @Override
        public void publishMaxTest(org.isoband.core.message.MaxTestMessage result) {
            inner.publishMaxTest(result);
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    private static void latency(String url, MqttProtocol protocol, Path dir) throws Exception {
        List<Long> latencies = new CopyOnWriteArrayList<>();
        List<Long> repLatencies = new CopyOnWriteArrayList<>();
        List<Long> afterRepLatencies = new CopyOnWriteArrayList<>();
        List<Long> otherStateLatencies = new CopyOnWriteArrayList<>();
        MqttConfig config = MqttConfig.of(url, "bench", List.of("red"), dir.resolve("latency-" + System.nanoTime() + ".db")).withProtocol(protocol);
        MqttPublisher publisher = MqttPublisher.start(config);
        Stamping stamping = new Stamping(publisher);
        MqttClient sub = subscriber(url, config.topics().state("red"), config.topics().rep("red"), (topic, payload, arrived) -> {
            String key = topic.endsWith("/rep") ? "rep " + RepMessage.fromJson(payload).id() : "state " + payload;
            Long entry = stamping.causedAt.remove(key);
            if (entry != null) {
                latencies.add(arrived - entry);
                if (topic.endsWith("/rep")) {
                    repLatencies.add(arrived - entry);
                } else if (stamping.afterRep.contains(key)) {
                    afterRepLatencies.add(arrived - entry);
                } else {
                    otherStateLatencies.add(arrived - entry);
                }
            }
        });
        while (!publisher.stats().connected()) {
            Thread.sleep(10);
        }
        BandSession session = new BandSession("bench", "red", DetectorConfig.DEFAULTS, stamping, SampleClock.system(), ZoneId.systemDefault());
        double speed = 10;
        SimulatedSession simulated = new SimulatedSession(Scenario.SESSION, 11, SensorModel.loadCell(80));
        System.out.printf(Locale.ROOT, "mqtt-bench: feeding a simulated session (%d reps, %.0f s at 80 Hz) at %.0fx real time ...%n",
                simulated.reps().size(), simulated.durationS(), speed);
        SimulatedSource source = new SimulatedSource(simulated, speed);
        source.start(new SampleSink() {
            @Override
            public void sample(long tNanos, double newtons) {
                stamping.currentEntry = System.nanoTime();
                session.sample(tNanos, newtons);
            }

            @Override
            public void linkState(LinkState state, String detail) {
                stamping.currentEntry = System.nanoTime();
                session.linkState(state, detail);
            }
        });
        source.awaitEnd();
        Thread.sleep(500);
        publisher.close();
        sub.disconnect();
        sub.close();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "mqtt-bench: latency sample -> state/rep at the subscriber: n=%d, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                sorted.length, ms(percentile(sorted, 50)), ms(percentile(sorted, 90)), ms(percentile(sorted, 99)), ms(sorted[sorted.length - 1]));
        long[] reps = repLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "mqtt-bench: of which rep events (stored with fsync first): n=%d, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                reps.length, ms(percentile(reps, 50)), ms(percentile(reps, 99)), ms(reps.length == 0 ? 0 : reps[reps.length - 1]));
        stage("the rep's hand-off (publishRep: stored, fsync)", stamping.handOffs);
        stage("states right after a rep", afterRepLatencies);
        stage("other states", otherStateLatencies);
        System.out.printf(Locale.ROOT, "mqtt-bench: target p99 < 20 ms: %s%n", ms(percentile(sorted, 99)) < 20 ? "met" : "MISSED");
    }

    /** One stage's or kind's figures, to see where the tail comes from. */
    private static void stage(String what, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return;
        }
        System.out.printf(Locale.ROOT, "mqtt-bench:   %s: n=%d, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", what,
                sorted.length, ms(percentile(sorted, 50)), ms(percentile(sorted, 90)), ms(percentile(sorted, 99)),
                ms(sorted[sorted.length - 1]));
    }

    // ---- throughput ----------------------------------------------------------------------------------------

    private static void throughput(String url, MqttProtocol protocol, Path dir) throws Exception {
        int burst = 20_000;
        MqttConfig config = MqttConfig.of(url, "bench", List.of("red"), dir.resolve("throughput-" + System.nanoTime() + ".db")).withProtocol(protocol);
        List<Long> received = new CopyOnWriteArrayList<>();
        MqttClient sub = subscriber(url, config.topics().rep("red"), null, (topic, payload, arrived) -> received.add(arrived));
        MqttPublisher publisher = MqttPublisher.start(config);
        while (!publisher.stats().connected()) {
            Thread.sleep(10);
        }
        List<RepMessage> reps = new ArrayList<>(burst);
        for (int i = 0; i < burst + 2_000 * 10; i++) {
            reps.add(TestReps.rep("red", i + 1));
        }
        // Warm-up: 2,000 events, not counted.
        for (int i = 0; i < 2_000; i++) {
            publisher.publishRep(TestReps.rep("red", i));
        }
        publisher.awaitDrained(Duration.ofSeconds(60));

        long start = System.nanoTime();
        for (int i = 0; i < burst; i++) {
            publisher.publishRep(reps.get(i));
        }
        long handedOver = System.nanoTime();
        boolean drained = publisher.awaitDrained(Duration.ofSeconds(120));
        long done = System.nanoTime();
        double seconds = (done - start) / 1e9;
        System.out.printf(Locale.ROOT, "mqtt-bench: burst of %d rep events: handed over in %.3f s, all stored, published and acknowledged in %.3f s%s: %.0f events/s%n",
                burst, (handedOver - start) / 1e9, seconds, drained ? "" : " (NOT DRAINED)", burst / seconds);

        // Paced: 2,000 events/s for 10 s, the backlog sampled every 10 ms.
        int rate = 2_000;
        int total = rate * 10;
        long unsentMax = 0;
        long t0 = System.nanoTime();
        int sent = 0;
        while (sent < total) {
            long due = (long) ((System.nanoTime() - t0) / 1e9 * rate);
            while (sent < Math.min(due, total)) {
                publisher.publishRep(reps.get(burst + sent));
                sent++;
            }
            unsentMax = Math.max(unsentMax, publisher.stats().unsent());
            Thread.sleep(10);
        }
        long paced = System.nanoTime();
        drained = publisher.awaitDrained(Duration.ofSeconds(60));
        long after = System.nanoTime();
        System.out.printf(Locale.ROOT, "mqtt-bench: paced %d events/s for %.1f s: backlog (stored, not yet acknowledged) at most %d events, drained %.3f s after the last%s%n",
                rate, (paced - t0) / 1e9, unsentMax, (after - paced) / 1e9, drained ? "" : " (NOT DRAINED)");
        System.out.printf(Locale.ROOT, "mqtt-bench: target >= 2,000 rep events/s sustained: %s%n",
                burst / seconds >= 2000 && unsentMax < rate ? "met" : "MISSED");
        Thread.sleep(500);
        System.out.printf(Locale.ROOT, "mqtt-bench: the subscriber received %d rep messages (%d expected, duplicates allowed)%n",
                received.size(), 2_000 + burst + total);
        publisher.close();
        sub.disconnect();
        sub.close();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private interface Arrival {
        void accept(String topic, String payload, long arrivedNanos);
    }

    private static MqttClient subscriber(String url, String topic, String other, Arrival arrival) throws Exception {
        MqttClient client = new MqttClient(url, "bench-sub-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String t, MqttMessage message) {
                arrival.accept(t, new String(message.getPayload(), StandardCharsets.UTF_8), System.nanoTime());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        client.connect();
        if (other == null) {
            client.subscribe(topic, 1);
        } else {
            client.subscribe(new String[] {topic, other}, new int[] {1, 1});
        }
        return client;
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

}
