package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.isoband.core.detect.HoldState;
import org.isoband.core.detect.Phase;
import org.isoband.core.detect.RepEvent;
import org.isoband.core.detect.Verdict;
import org.isoband.core.retry.Backoff;
import org.isoband.device.source.LinkState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configs' templates rendered with the real Jinja2 (python3-jinja2, src/test/resources/homeassistant/render.py)
 * against the payloads that crossed the real Mosquitto, and what they render checked against what each Home
 * Assistant platform accepts: a number (or None) for a sensor with a unit or state class (sensor.py
 * {@code _numeric_state_expected}), one of the options for an enum, a date-time for a timestamp, JSON with an
 * {@code event_type} of {@code event_types} for an event (event.py), and nothing at all for a replayed rep.
 * Skipped without python3 and Jinja2 or Mosquitto; required when CI=true.
 */
class HomeAssistantTemplatesIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path RENDER = Path.of("src", "test", "resources", "homeassistant", "render.py");
    private static final String GATEWAY = "Garage Pi";

    @TempDir
    Path dir;
    private MosquittoBroker broker;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        assumeJinja();
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

    private static void assumeJinja() throws Exception {
        boolean there = Files.isExecutable(PYTHON)
                && new ProcessBuilder(PYTHON.toString(), "-c", "import jinja2").start().waitFor() == 0;
        if (!there) {
            String message = "python3 with Jinja2 is not installed: apt-get install python3-jinja2";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + " -- required when CI=true");
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
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

    /** Renders each (template, payload) at {@code now} with Jinja2; an error fails the test with its message. */
    private static List<String> render(List<String[]> jobs, Instant now) throws IOException, InterruptedException {
        ArrayNode in = JSON.createArrayNode();
        for (String[] job : jobs) {
            in.addObject().put("template", job[0]).put("payload", job[1]).put("now", now.toString());
        }
        Process p = new ProcessBuilder(PYTHON.toString(), RENDER.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().write(in.toString().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> rendered = new ArrayList<>();
        for (JsonNode r : JSON.readTree(out)) {
            assertThat(r.has("error")).as("Jinja2: %s", r.path("error").asText()).isFalse();
            rendered.add(r.get("rendered").asText());
        }
        return rendered;
    }

    private static String one(String template, String payload, Instant now) throws IOException, InterruptedException {
        return render(List.<String[]>of(new String[] {template, payload}), now).get(0);
    }

    @Test
    void everyTemplateRendersWhatItsPlatformAccepts() throws Exception {
        MqttPublisher publisher = MqttPublisher.start(MqttConfig.of(broker.url(), GATEWAY, List.of("red"), dir.resolve("outbox.db"))
                .withBackoff(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), 0.5)), HomeAssistantOptions.defaults());
        open.add(publisher);
        MosquittoSub sub = new MosquittoSub(broker.port(), null, "homeassistant/#", "isoband/#");
        open.add(sub);
        Thread.sleep(300);
        assertThat(await(() -> publisher.stats().connected())).isTrue();
        BandMessages band = new BandMessages(GATEWAY, "red", 6, publisher, SampleClock.system(), ZoneId.systemDefault());
        band.link(LinkState.STREAMING);
        band.battery(64);
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 1_500_000_000L) {
            band.sample(System.nanoTime(), 120.5);
            Thread.sleep(10);
        }
        long now = System.nanoTime();
        band.rep(new RepEvent(1, now - 9_000_000_000L, now, now - 8_000_000_000L, 7.25, Verdict.HELD, 180, 190, 1.5, 0.2, 30, 150, 0),
                new HoldState(Phase.REST, now, 30, 30, 0, 7.25, 0, 0));
        assertThat(await(() -> !sub.payloadsEndingWith("/rep").isEmpty() && !sub.payloadsEndingWith("/force_1s").isEmpty()
                && new HomeAssistantView(retainedView(sub), "homeassistant").configs.size() == 12)).isTrue();
        Thread.sleep(300);
        HomeAssistantView ha = new HomeAssistantView(retainedView(sub), "homeassistant");

        int checked = 0;
        for (JsonNode c : ha.configs.values()) {
            String topic = c.get("state_topic").asText();
            List<MosquittoSub.Line> lines = sub.on(topic::equals);
            String payload = lines.get(lines.size() - 1).payload();
            String object = c.get("unique_id").asText().replaceFirst("^isoband_garage_pi_red_|^isoband_gateway_garage_pi_", "");
            if (!c.has("value_template")) {
                assertThat(payload).as(object).isIn(c.get("payload_on").asText(), c.get("payload_off").asText());
                checked++;
                continue;
            }
            String rendered = one(c.get("value_template").asText(), payload, Instant.now());
            if (c.has("event_types")) {
                JsonNode event = JSON.readTree(rendered);
                List<String> types = new ArrayList<>();
                c.get("event_types").forEach(t -> types.add(t.asText()));
                assertThat(event.get("event_type").asText()).isIn(types).isEqualTo("held");
                assertThat(event.get("end").asText()).isEqualTo(JSON.readTree(payload).get("end").asText());
                assertThat(event.get("steady_s").asDouble()).isEqualTo(7.25);
                Instant end = Instant.parse(event.get("end").asText());
                assertThat(one(c.get("value_template").asText(), payload, end.plusSeconds(119))).as("just in time").isNotEmpty();
                assertThat(one(c.get("value_template").asText(), payload, end.plusSeconds(121))).as("a replay").isEmpty();
                assertThat(one(c.get("value_template").asText(), payload, end.plus(Duration.ofDays(7)))).as("a week late").isEmpty();
            } else if ("enum".equals(c.path("device_class").asText())) {
                List<String> options = new ArrayList<>();
                c.get("options").forEach(o -> options.add(o.asText()));
                assertThat(rendered).as(object).isIn(options);
            } else if ("timestamp".equals(c.path("device_class").asText())) {
                assertThat(OffsetDateTime.parse(rendered).toInstant()).as(object)
                        .isEqualTo(Instant.parse(JSON.readTree(payload).at("/last_rep/end").asText()));
            } else if (c.has("unit_of_measurement") || c.has("state_class")) {
                assertThat(rendered).as("%s renders a number: %s", object, rendered).matches("-?\\d+(\\.\\d+)?");
            } else {
                assertThat(rendered).as(object).isNotEmpty().hasSizeLessThanOrEqualTo(255);
            }
            if (c.has("json_attributes_template")) {
                assertThat(JSON.readTree(one(c.get("json_attributes_template").asText(), payload, Instant.now())).isObject()).as(object).isTrue();
            }
            checked++;
        }
        assertThat(checked).isEqualTo(12);
        assertThat(one(ha.entity("last_steady").get("value_template").asText(), ha.retained.get("isoband/garage_pi/red/state"),
                Instant.now())).isEqualTo("7.25");
        assertThat(one(ha.entity("force").get("value_template").asText(), sub.payloadsEndingWith("/force_1s").get(0), Instant.now()))
                .isEqualTo("120.5");
        assertThat(one(ha.entity("battery").get("value_template").asText(), ha.retained.get("isoband/garage_pi/red/state"),
                Instant.now())).isEqualTo("64");
    }

    @Test
    void beforeTheFirstRepTheLastRepIsNoneWhichHomeAssistantShowsAsUnknown() throws Exception {
        HomeAssistantDiscovery d = new HomeAssistantDiscovery(new TopicNames("isoband", GATEWAY, "homeassistant"), GATEWAY, "dev", 10,
                HomeAssistantOptions.defaults());
        String state = new org.isoband.core.message.StateMessage("garage_pi", "red", "s", Phase.REST, null, null, 0, 0,
                Double.NaN, Double.NaN, "STREAMING", 0, 0, Instant.now()).toJson();
        List<String[]> jobs = new ArrayList<>();
        for (HomeAssistantDiscovery.Config c : d.configs("red")) {
            JsonNode config = JSON.readTree(c.payload());
            if (config.get("state_topic").asText().endsWith("/state")) {
                jobs.add(new String[] {config.get("value_template").asText(), state});
            }
        }

        assertThat(render(jobs, Instant.now())).containsExactly("REST", "None", "None", "0", "None", "None");
    }

    private static List<MosquittoSub.Line> retainedView(MosquittoSub sub) {
        // The subscriber was there before: what it saw live is what a late one would find retained.
        return sub.lines.stream().map(l -> new MosquittoSub.Line(true, l.topic(), l.payload())).toList();
    }
}
