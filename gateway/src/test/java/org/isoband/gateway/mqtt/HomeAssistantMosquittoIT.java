package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.isoband.core.detect.HoldState;
import org.isoband.core.detect.Phase;
import org.isoband.core.detect.RepEvent;
import org.isoband.core.detect.Verdict;
import org.isoband.core.message.ForceBatch;
import org.isoband.core.retry.Backoff;
import org.isoband.device.source.LinkState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 against the real Mosquitto: the discovery configs that really crossed the broker, read by
 * {@code mosquitto_sub} as Home Assistant would find them (a late subscriber gets the retained topics), checked
 * against Home Assistant's rules ({@link HomeAssistantRules}) and its availability logic
 * ({@link HomeAssistantView}). Home Assistant's restart is its birth message, sent with {@code mosquitto_pub}.
 */
class HomeAssistantMosquittoIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PUB = Path.of("/usr/bin/mosquitto_pub");
    private static final String GATEWAY = "Garage Pi";
    private static final String GW = "garage_pi";
    /** The gateway's 3 entities and a band's 8. */
    private static final int GATEWAY_CONFIGS = 3;
    private static final int BAND_CONFIGS = 9;

    @TempDir
    Path dir;
    private MosquittoBroker broker;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void startBroker() {
        MosquittoBroker.assumeInstalled();
        broker = MosquittoBroker.start(dir.resolve("mosquitto"), false);
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

    private MqttConfig config(List<String> bands, String outbox) {
        return MqttConfig.of(broker.url(), GATEWAY, bands, dir.resolve(outbox))
                .withBackoff(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), 0.5))
                .withHeartbeat(1);
    }

    private MqttPublisher start(MqttConfig config, HomeAssistantOptions options) throws InterruptedException {
        MqttPublisher publisher = track(MqttPublisher.start(config, options));
        assertThat(await(() -> publisher.stats().connected())).isTrue();
        return publisher;
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

    private MosquittoSub subscribe(String... filters) throws InterruptedException {
        MosquittoSub sub = track(new MosquittoSub(broker.port(), null, filters));
        Thread.sleep(300);
        return sub;
    }

    /** Home Assistant as it comes back: subscribes to everything and takes the retained messages. */
    private HomeAssistantView homeAssistant(String prefix, int configs) throws InterruptedException {
        MosquittoSub late = subscribe(prefix + "/#", "isoband/#");
        assertThat(await(() -> new HomeAssistantView(late.lines, prefix).configs.size() >= configs)).isTrue();
        Thread.sleep(300);
        return new HomeAssistantView(late.lines, prefix);
    }

    /**
     * What a Home Assistant that subscribes now is given, once it holds {@code configs} configs: asked again by a
     * new subscriber until then (clears made after a subscription reach it as live messages, not as the retained
     * state), for at most {@link #WAIT}; the last view otherwise.
     */
    private HomeAssistantView retainedOnceSettled(String prefix, int configs) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try (MosquittoSub now = new MosquittoSub(broker.port(), null, prefix + "/#", "isoband/#")) {
                Thread.sleep(500);
                HomeAssistantView view = new HomeAssistantView(now.lines, prefix);
                if (view.configs.size() == configs || System.nanoTime() > deadline) {
                    return view;
                }
            }
        }
    }

    private void publish(String topic, String payload) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PUB.toString(), "-h", "127.0.0.1", "-p", Integer.toString(broker.port()), "-q", "1",
                "-t", topic, "-m", payload).inheritIO().start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }

    /** A band that finished one HELD rep of 7.25 steady seconds and rests since, its sensor link streaming. */
    private static BandMessages oneRepDone(MqttPublisher publisher, String band) {
        BandMessages messages = new BandMessages(GATEWAY, band, 6, publisher, SampleClock.system(), ZoneId.systemDefault());
        messages.link(LinkState.STREAMING);
        long now = System.nanoTime();
        RepEvent rep = new RepEvent(1, now - 9_000_000_000L, now, now - 8_000_000_000L, 7.25, Verdict.HELD, 180, 190, 1.5, 0.2, 30, 150, 0);
        messages.rep(rep, new HoldState(Phase.REST, now, 30, 30, 0, 7.25, 0, 0));
        return messages;
    }

    @Test
    void everyConfigThatCrossedMosquittoKeepsHomeAssistantsRules() throws Exception {
        HomeAssistantOptions options = HomeAssistantOptions.defaults().withDashboard("http://127.0.0.1:8080")
                .withHardwareId("Red Band", "F0:0D:12:34:AB:CD");
        MqttPublisher publisher = start(config(List.of("Red Band"), "outbox.db"), options);
        oneRepDone(publisher, "Red Band");

        HomeAssistantView ha = homeAssistant("homeassistant", GATEWAY_CONFIGS + BAND_CONFIGS);

        assertThat(ha.configs).hasSize(GATEWAY_CONFIGS + BAND_CONFIGS);
        ha.configs.forEach((topic, config) -> assertThat(HomeAssistantRules.violations("homeassistant", topic, config.toString()))
                .as(topic).isEmpty());
        assertThat(HomeAssistantRules.acrossConfigs(ha.configs)).isEmpty();
        for (JsonNode c : ha.configs.values()) {
            assertThat(c.at("/origin/name").asText()).isEqualTo("isoband");
            // Home Assistant marks an entity available only once every availability topic said so: they are retained.
            for (JsonNode a : c.path("availability")) {
                assertThat(ha.retained).as("availability topic of %s", c.get("unique_id")).containsKey(a.get("topic").asText());
            }
        }
        // Everything but the live force and the rep event has a retained value Home Assistant finds on (re)start.
        for (String object : List.of("status", "unsent", "last_error", "connected", "phase", "last_steady", "last_rep_at",
                "reps_today", "held_ratio", "battery")) {
            assertThat(ha.retained).as(object).containsKey(ha.entity(object).get("state_topic").asText());
        }
        assertThat(ha.entity("force").at("/device/connections/0/1").asText()).isEqualTo("f0:0d:12:34:ab:cd");
        assertThat(ha.entity("force").at("/device/name").asText()).isEqualTo("Red Band");
        assertThat(ha.entity("force").at("/device/via_device").asText()).isEqualTo(ha.entity("status").at("/device/identifiers/0").asText());
        assertThat(ha.entity("status").at("/device/configuration_url").asText()).isEqualTo("http://127.0.0.1:8080");
        assertThat(new PayloadSchemas().errors(GW + "/diagnostics", ha.retained.get("isoband/" + GW + "/diagnostics"))).isEmpty();
    }

    @Test
    void anIdleBandsCountersStayAvailableWhileItsLiveEntitiesAreNot() throws Exception {
        MqttPublisher publisher = start(config(List.of("red"), "outbox.db"), HomeAssistantOptions.defaults());
        oneRepDone(publisher, "red");
        Thread.sleep(1500); // past the 1 s heartbeat: no samples, the band is not streaming

        HomeAssistantView ha = homeAssistant("homeassistant", GATEWAY_CONFIGS + BAND_CONFIGS);

        assertThat(ha.binaryState("status")).as("the gateway is connected").isEqualTo("on");
        assertThat(ha.binaryState("connected")).as("the band streams").isEqualTo("off");
        assertThat(ha.available("connected")).isTrue();
        for (String counter : List.of("reps_today", "held_ratio", "last_steady", "last_rep_at", "battery", "rep", "unsent", "last_error")) {
            assertThat(ha.available(counter)).as(counter).isTrue();
        }
        assertThat(ha.available("force")).isFalse();
        assertThat(ha.available("phase")).isFalse();
        assertThat(ha.stateOf("reps_today").get("reps_today").asInt()).isEqualTo(1);

        publisher.close();
        HomeAssistantView after = homeAssistant("homeassistant", GATEWAY_CONFIGS + BAND_CONFIGS);
        assertThat(after.binaryState("status")).isEqualTo("off");
        assertThat(after.available("reps_today")).as("the gateway is gone").isFalse();
    }

    @Test
    void afterHomeAssistantRestartsTheDiscoveryIsRepublishedAndTheLastSteadyIsKnown() throws Exception {
        MqttPublisher publisher = start(config(List.of("red"), "outbox.db"), HomeAssistantOptions.defaults());
        oneRepDone(publisher, "red");
        MosquittoSub sub = subscribe("homeassistant/#", "isoband/#");
        assertThat(await(() -> new HomeAssistantView(sub.lines, "homeassistant").configs.size() == GATEWAY_CONFIGS + BAND_CONFIGS)).isTrue();

        publish("homeassistant/status", "online");

        assertThat(await(() -> sub.on(t -> t.endsWith("/config")).stream().filter(l -> !l.retained()).count()
                >= GATEWAY_CONFIGS + BAND_CONFIGS)).as("every config again").isTrue();
        assertThat(await(() -> sub.on(t -> t.equals("isoband/" + GW + "/red/state")).stream().anyMatch(l -> !l.retained())))
                .as("the state again").isTrue();
        HomeAssistantView ha = new HomeAssistantView(sub.lines, "homeassistant");
        JsonNode last = ha.stateOf("last_steady").get("last_rep");
        assertThat(last.get("steady_s").asDouble()).isEqualTo(7.25);
        assertThat(last.get("verdict").asText()).isEqualTo("HELD");
    }

    @Test
    void theLastSteadySurvivesAGatewayRestartThroughTheRetainedState() throws Exception {
        MqttPublisher before = start(config(List.of("red"), "outbox.db"), HomeAssistantOptions.defaults());
        oneRepDone(before, "red");
        Thread.sleep(300);
        before.close();

        MqttPublisher after = start(config(List.of("red"), "outbox.db"), HomeAssistantOptions.defaults());
        new BandMessages(GATEWAY, "red", 6, after, SampleClock.system(), ZoneId.systemDefault()).link(LinkState.STREAMING);
        MosquittoSub sub = subscribe("isoband/" + GW + "/red/state");
        assertThat(await(() -> !sub.lines.isEmpty() && readUnchecked(sub.lines.get(sub.lines.size() - 1).payload())
                .path("last_rep").path("steady_s").asDouble() == 7.25)).isTrue();
        assertThat(JSON.readTree(sub.lines.get(sub.lines.size() - 1).payload()).get("reps_today").asInt()).isEqualTo(1);
    }

    @Test
    void aRemovedBandIsClearedWithItsRetainedStateEvenWithAnEmptyOutboxFile() throws Exception {
        MqttPublisher before = start(config(List.of("red", "blue"), "first.db"), HomeAssistantOptions.defaults());
        oneRepDone(before, "blue");
        oneRepDone(before, "red");
        HomeAssistantView both = homeAssistant("homeassistant", GATEWAY_CONFIGS + 2 * BAND_CONFIGS);
        assertThat(both.retained).containsKeys("isoband/" + GW + "/blue/state", "isoband/" + GW + "/blue/availability");
        before.close();

        start(config(List.of("red"), "a-new-empty-outbox.db"), HomeAssistantOptions.defaults());

        HomeAssistantView ha = retainedOnceSettled("homeassistant", GATEWAY_CONFIGS + BAND_CONFIGS);
        assertThat(ha.configs).hasSize(GATEWAY_CONFIGS + BAND_CONFIGS);
        assertThat(ha.configs.keySet()).noneMatch(t -> t.contains("_blue/"));
        assertThat(ha.retained.keySet()).noneMatch(t -> t.startsWith("isoband/" + GW + "/blue/"));
        assertThat(ha.retained).containsKey("isoband/" + GW + "/red/state");
    }

    @Test
    void withACustomDiscoveryPrefixTheBirthOnHomeAssistantsDefaultTopicIsHeard() throws Exception {
        start(config(List.of("red"), "outbox.db").withDiscoveryPrefix("ha_custom"), HomeAssistantOptions.defaults());
        MosquittoSub sub = subscribe("ha_custom/#", "homeassistant/#");
        assertThat(await(() -> new HomeAssistantView(sub.lines, "ha_custom").configs.size() == GATEWAY_CONFIGS + BAND_CONFIGS)).isTrue();
        assertThat(sub.on(t -> t.startsWith("homeassistant/"))).isEmpty();

        publish("ha_custom/status", "online");
        Thread.sleep(1000);
        assertThat(sub.on(t -> t.endsWith("/config")).stream().filter(l -> !l.retained())).as("not the birth topic").isEmpty();

        publish("homeassistant/status", "online");
        assertThat(await(() -> sub.on(t -> t.startsWith("ha_custom/") && t.endsWith("/config")).stream()
                .filter(l -> !l.retained()).count() == GATEWAY_CONFIGS + BAND_CONFIGS)).isTrue();
    }

    @Test
    void atLocalMidnightTheStateIsRepublishedWithNothingDoneToday() throws Exception {
        Instant now = Instant.now();
        Instant midnight = now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Clock beforeMidnight = Clock.offset(Clock.system(ZoneOffset.UTC), Duration.between(now, midnight).minusMillis(8000));
        MqttPublisher publisher = start(config(List.of("red"), "outbox.db"), HomeAssistantOptions.defaults().withClock(beforeMidnight));
        oneRepDone(publisher, "red");
        MosquittoSub sub = subscribe("isoband/" + GW + "/red/state");
        assertThat(await(() -> !sub.lines.isEmpty())).isTrue();
        assertThat(JSON.readTree(sub.lines.get(0).payload()).get("reps_today").asInt()).isEqualTo(1);

        assertThat(await(() -> sub.lines.stream().anyMatch(l -> l.payload().contains("\"reps_today\":0")))).isTrue();
        JsonNode rolled = JSON.readTree(sub.lines.get(sub.lines.size() - 1).payload());
        assertThat(rolled.get("reps_today").asInt()).isZero();
        assertThat(rolled.get("held_pct_today").isNull()).isTrue();
        assertThat(rolled.path("last_rep").path("steady_s").asDouble()).as("the last rep stays").isEqualTo(7.25);
        assertThat(Instant.parse(rolled.get("at").asText())).isAfterOrEqualTo(midnight);
    }

    @Test
    void homeAssistantsForceIsOneMeanASecondWhileTheDashboardsStreamIsFullRate() throws Exception {
        MqttPublisher publisher = start(config(List.of("red"), "outbox.db"), HomeAssistantOptions.defaults());
        BandMessages band = new BandMessages(GATEWAY, "red", 6, publisher, SampleClock.system(), ZoneId.systemDefault());
        band.link(LinkState.STREAMING);
        MosquittoSub sub = subscribe("isoband/" + GW + "/red/#");
        PayloadSchemas schemas = new PayloadSchemas();

        long start = System.nanoTime();
        int i = 0;
        while (System.nanoTime() - start < 6_000_000_000L) {
            band.sample(System.nanoTime(), 100 + 50 * Math.sin(i++ / 30.0)); // a 100 Hz sensor, the force changing
            Thread.sleep(10);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(1200);

        List<String> means = sub.payloadsEndingWith("/force_1s");
        List<String> batches = sub.payloadsEndingWith("/force");
        assertThat(means.size()).isBetween((int) seconds - 1, (int) seconds + 1);
        means.forEach(m -> assertThat(schemas.errors("isoband/" + GW + "/red/force_1s", m)).as(m).isEmpty());
        assertThat(batches.size()).as("the dashboard's stream").isGreaterThan(5 * (int) seconds);
        long changesBefore = distinctChanges(batches.stream().map(b -> ForceBatch.fromJson(b).lastNewtons()).toList());
        long changesAfter = distinctChanges(means.stream().map(m -> readUnchecked(m).get("mean_n").asDouble()).toList());
        System.out.printf(Locale.ROOT, "home assistant force entity, state rows per hour while a band streams: before %.0f"
                        + " (last_n of every batch, %d changes in %.1f s), after %.0f (the mean of each second, %d in %.1f s)%n",
                changesBefore * 3600 / seconds, changesBefore, seconds, changesAfter * 3600 / seconds, changesAfter, seconds);
        assertThat(changesAfter * 5).isLessThan(changesBefore);
    }

    private static long distinctChanges(List<Double> values) {
        long changes = 0;
        Double before = null;
        for (Double v : values) {
            if (!v.equals(before)) {
                changes++;
            }
            before = v;
        }
        return changes;
    }

    private static JsonNode readUnchecked(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
