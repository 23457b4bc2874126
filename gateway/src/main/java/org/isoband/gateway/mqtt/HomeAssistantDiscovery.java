package org.isoband.gateway.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.isoband.core.detect.Phase;
import org.isoband.core.detect.Verdict;

/**
 * Home Assistant MQTT discovery configs for one band (https://www.home-assistant.io/integrations/mqtt/#mqtt-discovery):
 * one device per configured band, with a force sensor, the phase, the steady seconds of the last rep, reps
 * today, the held share of today's reps, and the rep as an {@code event} entity whose event types are the
 * verdicts. Every entity is available only while both the gateway's {@code status} and the band's
 * {@code availability} (the data heartbeat) say online ({@code availability_mode: all}), so Home Assistant shows
 * the band unavailable when its sensor is gone even though the gateway is up. Full option names are used,
 * not abbreviations: the configs are few and retained, and readable ones are easier to check.
 */
final class HomeAssistantDiscovery {
    /** A retained discovery config: its topic and JSON. */
    record Config(String topic, String band, String payload) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TopicNames topics;
    private final String version;
    private final int forceExpireS;

    /**
     * @param forceExpireS seconds after which Home Assistant shows the force as unknown when no batch came
     */
    HomeAssistantDiscovery(TopicNames topics, String version, int forceExpireS) {
        this.topics = topics;
        this.version = version;
        this.forceExpireS = forceExpireS;
    }

    List<Config> configs(String bandName) {
        String band = TopicNames.sanitize(bandName);
        List<Config> out = new ArrayList<>();

        ObjectNode force = entity(band, "force", "Force", topics.force(band), "{{ value_json.last_n }}");
        force.put("unit_of_measurement", "N");
        force.put("state_class", "measurement");
        force.put("suggested_display_precision", 1);
        force.put("expire_after", forceExpireS);
        force.put("icon", "mdi:arm-flex");
        out.add(config("sensor", band, "force", force));

        ObjectNode phase = entity(band, "phase", "Phase", topics.state(band), "{{ value_json.phase }}");
        phase.put("device_class", "enum");
        ArrayNode phases = phase.putArray("options");
        for (Phase p : Phase.values()) {
            phases.add(p.name());
        }
        phase.put("icon", "mdi:timer-sand");
        out.add(config("sensor", band, "phase", phase));

        ObjectNode steady = entity(band, "last_steady", "Steady seconds of the last rep", topics.rep(band), "{{ value_json.steady_s }}");
        steady.put("device_class", "duration");
        steady.put("unit_of_measurement", "s");
        steady.put("state_class", "measurement");
        steady.put("suggested_display_precision", 1);
        out.add(config("sensor", band, "last_steady", steady));

        ObjectNode today = entity(band, "reps_today", "Reps today", topics.state(band), "{{ value_json.reps_today }}");
        today.put("state_class", "total_increasing");
        today.put("unit_of_measurement", "reps");
        today.put("icon", "mdi:counter");
        out.add(config("sensor", band, "reps_today", today));

        // JSON null renders as None, which an MQTT sensor shows as unknown: no ratio before the first rep.
        ObjectNode held = entity(band, "held_ratio", "Held reps today", topics.state(band), "{{ value_json.held_pct_today }}");
        held.put("unit_of_measurement", "%");
        held.put("state_class", "measurement");
        held.put("suggested_display_precision", 0);
        held.put("icon", "mdi:check-circle-outline");
        out.add(config("sensor", band, "held_ratio", held));

        ObjectNode rep = entity(band, "rep", "Rep", topics.rep(band),
                "{\"event_type\": \"{{ value_json.verdict | lower }}\", \"rep\": {{ value_json.rep }},"
                        + " \"steady_s\": {{ value_json.steady_s }}, \"id\": \"{{ value_json.id }}\"}");
        ArrayNode types = rep.putArray("event_types");
        for (Verdict v : Verdict.values()) {
            types.add(v.name().toLowerCase(Locale.ROOT));
        }
        rep.put("icon", "mdi:weight-lifter");
        out.add(config("event", band, "rep", rep));
        return out;
    }

    private ObjectNode entity(String band, String object, String name, String stateTopic, String valueTemplate) {
        ObjectNode c = JSON.createObjectNode();
        c.put("name", name);
        c.put("unique_id", topics.nodeId(band) + "_" + object);
        c.put("state_topic", stateTopic);
        c.put("value_template", valueTemplate);
        c.put("qos", 1);
        ArrayNode availability = c.putArray("availability");
        for (String topic : List.of(topics.status(), topics.availability(band))) {
            availability.addObject().put("topic", topic).put("payload_available", "online").put("payload_not_available", "offline");
        }
        c.put("availability_mode", "all");
        ObjectNode device = c.putObject("device");
        device.putArray("identifiers").add(topics.nodeId(band));
        device.put("name", "isoband " + band);
        device.put("manufacturer", "isoband");
        device.put("model", "Resistance band force sensor");
        device.put("sw_version", version);
        ObjectNode origin = c.putObject("origin");
        origin.put("name", "isoband");
        origin.put("sw_version", version);
        return c;
    }

    private Config config(String component, String band, String object, ObjectNode payload) {
        return new Config(topics.discovery(component, band, object), band, payload.toString());
    }
}
