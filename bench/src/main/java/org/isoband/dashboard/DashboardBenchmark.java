package org.isoband.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.isoband.core.detect.Verdict;
import org.isoband.core.message.RepMessage;
import org.isoband.dashboard.ingest.Ingest;
import org.isoband.dashboard.store.History;
import org.isoband.dashboard.testing.Mosquitto;
import org.isoband.dashboard.testing.Programs;

/**
 * Figures for docs/performance.md, printed, never asserted (a shared 2-core machine makes timed tests flaky): a
 * program, not a test; {@code bench/dashboard-bench.sh} runs it. In the dashboard's package for its
 * package-private parts; the dashboard's test jar gives it the Mosquitto helper.
 */
public final class DashboardBenchmark {
    static final int INGEST_REPS = 20_000;
    static final int WARMUP_REPS = 2_000;

    private static Path dir;

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        dir = Files.createTempDirectory("isoband-dashboard-bench");
        ingestRateIntoSqlite();
        ingestRateThroughMosquitto();
        historyOfAYear();
    }

    /** Rep events through the whole ingest (parse, validate, de-duplicate, insert, commit), one at a time. */
    static void ingestRateIntoSqlite() throws Exception {
        try (RunningDashboard d = Dashboard.start(DashboardSettings.defaults().withPort(0)
                .withDatabase(dir.resolve("ingest.db").toString()).withZone(ZoneOffset.UTC))) {
            Ingest ingest = d.ingest();
            List<byte[]> payloads = payloads(WARMUP_REPS + INGEST_REPS);
            for (int i = 0; i < WARMUP_REPS; i++) {
                ingest.accept("isoband/pi/band1/rep", payloads.get(i));
            }
            long t0 = System.nanoTime();
            for (int i = WARMUP_REPS; i < payloads.size(); i++) {
                ingest.accept("isoband/pi/band1/rep", payloads.get(i));
            }
            double s = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            for (int i = WARMUP_REPS; i < WARMUP_REPS + 5000; i++) {
                ingest.accept("isoband/pi/band1/rep", payloads.get(i));
            }
            double dupS = (System.nanoTime() - t1) / 1e9;
            print("ingest, in process: %d new reps in %.2f s = %,.0f reps/s (%.1f us each); 5,000 duplicates at %,.0f/s; stored %d",
                    INGEST_REPS, s, INGEST_REPS / s, s * 1e6 / INGEST_REPS, 5000 / dupS, d.store().count());
        }
    }

    /**
     * The same through a real Mosquitto, as the reps would come: published at QoS 1 by a Paho client (as the
     * gateway's outbox does, 500 in flight), received by the dashboard's subscription. Also with
     * {@code mosquitto_pub -l} at QoS 0 (its line mode at QoS 1 waits for each acknowledgement, ~10 a second,
     * which would measure mosquitto_pub, not the dashboard).
     */
    static void ingestRateThroughMosquitto() throws Exception {
        if (Programs.find("/usr/sbin/mosquitto").isEmpty()) {
            print("ingest through mosquitto: skipped, mosquitto not installed");
            return;
        }
        int n = 10_000;
        try (Mosquitto broker = Mosquitto.start(dir);
             RunningDashboard d = Dashboard.start(DashboardSettings.defaults().withPort(0)
                     .withDatabase(dir.resolve("mqtt.db").toString()).withBroker(broker.url(), null, null, "isoband"))) {
            d.awaitSubscribed(15, TimeUnit.SECONDS);
            List<byte[]> payloads = payloads(2 * n);

            long t0 = System.nanoTime();
            org.eclipse.paho.client.mqttv3.MqttAsyncClient pub = new org.eclipse.paho.client.mqttv3.MqttAsyncClient(
                    broker.url(), "bench-publisher", new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
            org.eclipse.paho.client.mqttv3.MqttConnectOptions options = new org.eclipse.paho.client.mqttv3.MqttConnectOptions();
            options.setMaxInflight(1000);
            pub.connect(options).waitForCompletion(10_000);
            List<org.eclipse.paho.client.mqttv3.IMqttDeliveryToken> tokens = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (tokens.size() >= 500) {
                    tokens.remove(0).waitForCompletion(10_000);
                }
                tokens.add(pub.publish("isoband/pi/band1/rep", payloads.get(i), 1, false));
            }
            for (var token : tokens) {
                token.waitForCompletion(10_000);
            }
            pub.disconnect().waitForCompletion(5000);
            pub.close();
            waitForReps(d, n);
            double s = (System.nanoTime() - t0) / 1e9;
            print("ingest through mosquitto, QoS 1 from a Paho publisher: %d of %d reps stored in %.2f s = %,.0f reps/s",
                    d.ingest().counts().reps(), n, s, d.ingest().counts().reps() / s);

            List<String> lines = new ArrayList<>();
            for (byte[] p : payloads.subList(n, 2 * n)) {
                lines.add(new String(p, StandardCharsets.UTF_8));
            }
            long t1 = System.nanoTime();
            broker.publishLines("isoband/pi/band1/rep", lines);
            waitForReps(d, 2 * n);
            double s1 = (System.nanoTime() - t1) / 1e9;
            long second = d.ingest().counts().reps() - n;
            print("ingest through mosquitto, QoS 0 from one mosquitto_pub -l: %d of %d reps stored in %.2f s = %,.0f reps/s",
                    second, n, s1, second / s1);
        }
    }

    private static void waitForReps(RunningDashboard d, long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (d.ingest().counts().reps() < n && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
    }

    /**
     * A year of a diligent athlete on two bands (a household): 3 sessions a week, both legs, 5 angles, 10 reps
     * each, 52 weeks: 31,200 reps with their plan place and zone, a maximum test at each position every 4 weeks.
     * Then the time of the history, strength and session APIs over 52 weeks, on loopback (the target: 300 ms).
     */
    static void historyOfAYear() throws Exception {
        try (RunningDashboard d = Dashboard.start(DashboardSettings.defaults().withPort(0)
                .withDatabase(dir.resolve("year.db").toString()).withZone(ZoneOffset.UTC))) {
            Random random = new Random(1);
            org.isoband.dashboard.store.StrengthStore strength = new org.isoband.dashboard.store.StrengthStore(d.store().database());
            LocalDate monday = History.weekOf(LocalDate.now(ZoneOffset.UTC)).minusWeeks(51);
            long t0 = System.nanoTime();
            int reps = 0;
            for (String band : List.of("red", "blue")) {
                for (int week = 0; week < 52; week++) {
                    for (int session = 0; session < 3; session++) {
                        Instant t = monday.plusWeeks(week).plusDays(session * 2L).atTime(18, band.equals("red") ? 0 : 20)
                                .toInstant(ZoneOffset.UTC);
                        String id = band + "-" + week + "-" + session;
                        if (session == 0 && week % 4 == 0) {
                            for (String leg : List.of("right", "left")) {
                                for (int angle = 0; angle < 5; angle++) {
                                    strength.addMaxTest(new org.isoband.core.message.MaxTestMessage(UUID.randomUUID().toString(),
                                            "home", band, id, leg, angle, "angle " + angle, t, 260 + week, new double[] {250, 260 + week}), t);
                                }
                            }
                        }
                        for (String leg : List.of("right", "left")) {
                            for (int angle = 0; angle < 5; angle++) {
                                for (int r = 1; r <= 10; r++) {
                                    double steady = Math.max(0, 6 + random.nextGaussian() * 1.5);
                                    Verdict v = steady >= 6 ? Verdict.HELD : Verdict.SHORT;
                                    d.store().add(new RepMessage(UUID.randomUUID().toString(), "home", band, id, leg, angle, r,
                                            t, t.plusMillis((long) (steady * 1000) + 1500), steady, 6, v, 180, 185, 1.8, 0.4,
                                            30, 150 + random.nextGaussian() * 5, 0,
                                            new org.isoband.core.message.PlanPlace("angle " + angle, r, 10, 1),
                                            new org.isoband.core.message.ZoneFigures(260, 60, 80, 5.5, 69.2)), null, t);
                                    t = t.plusSeconds(20);
                                    reps++;
                                }
                            }
                        }
                    }
                }
            }
            print("history: seeded %,d reps (a year, two bands) in %.1f s", reps, (System.nanoTime() - t0) / 1e9);
            HttpClient http = HttpClient.newHttpClient();
            time(http, d.url() + "api/history?weeks=52", "GET /api/history?weeks=52 (all bands)");
            time(http, d.url() + "api/history?weeks=52&band=red", "GET /api/history?weeks=52&band=red");
            time(http, d.url() + "api/strength?weeks=52", "GET /api/strength?weeks=52 (all bands)");
            time(http, d.url() + "api/strength?weeks=52&band=red", "GET /api/strength?weeks=52&band=red");
            time(http, d.url() + "api/sessions", "GET /api/sessions (a year, newest 100)");
            time(http, d.url() + "api/sessions/red-51-2", "GET /api/sessions/{id} (100 reps, no curves)");
            time(http, d.url() + "api/reps?band=red", "GET /api/reps?band=red (15,600 reps as JSON)");
            time(http, d.url() + "api/reps.csv", "GET /api/reps.csv (31,200 reps)");
            time(http, d.url() + "api/today", "GET /api/today");
            print("database file: %.1f MB", Files.size(dir.resolve("year.db")) / 1e6);
        }
    }

    private static void time(HttpClient http, String url, String what) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
        int size = 0;
        for (int i = 0; i < 10; i++) {
            size = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body().length;
        }
        int runs = 15;
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            ms[i] = (System.nanoTime() - t) / 1e6;
            if (r.statusCode() != 200) {
                throw new AssertionError(url + ": " + r.statusCode());
            }
        }
        Arrays.sort(ms);
        // CPU time of the whole process per request: what the request costs whatever else the machine runs (a
        // shared machine's wall times grow with its load; the CPU a request needs does not)
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        for (int i = 0; i < 10; i++) {
            http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / 10;
        print("%-46s %7.1f ms median, %7.1f ms p90, %7.1f ms max over %d requests (%,d bytes); %.1f ms CPU each", what,
                ms[runs / 2], ms[(int) (runs * 0.9)], ms[runs - 1], runs, size, cpuMs);
    }

    private static List<byte[]> payloads(int n) {
        List<byte[]> all = new ArrayList<>(n);
        Instant t = Instant.parse("2026-01-05T18:00:00Z");
        for (int i = 0; i < n; i++) {
            RepMessage r = new RepMessage(UUID.randomUUID().toString(), "pi", "band1", "s" + i / 100, i % 2 == 0 ? "right" : "left",
                    i % 5, i % 10 + 1, t, t.plusMillis(8200), 7.125, 6, Verdict.HELD, 180.25, 186.5, 1.75, 0.5, 30.25, 150, 0);
            all.add(r.toJson().getBytes(StandardCharsets.UTF_8));
            t = t.plusSeconds(20);
        }
        return all;
    }

    private static void print(String format, Object... args) {
        System.out.println("BENCH " + String.format(Locale.ROOT, format, args));
    }
}
