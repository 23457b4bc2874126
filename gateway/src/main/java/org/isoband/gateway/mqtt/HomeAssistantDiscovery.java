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
 * Home Assistant MQTT discovery configs (one retained config per entity, docs/mqtt.md "Home Assistant"): a
 * gateway device and one device per configured band, each band {@code via_device} the gateway.
 *
 * <p>Availability comes in layers, the way zigbee2mqtt does it: the gateway's {@code status} gates every
 * entity; the band's streaming state is an entity of its own (a connectivity {@code binary_sensor}) and gates
 * only the live entities (force, phase), so the counters and the last rep stay available while the band
 * rests, which is most of the day. The force entity reads the one-a-second mean ({@link ForceMean}), not the
 * full-rate stream, and is disabled by default: it would be the only entity to fill Home Assistant's recorder.
 *
 * <p>A band with a hardware address (BLE address or configured id) is identified by it, so renaming it or
 * moving it to another gateway keeps its Home Assistant device; the device names are the configured names.
 * Full option names are used, not abbreviations: the configs are few and retained, and readable ones are easier
 * to check.
 */
final class HomeAssistantDiscovery {
    /**
     * A retained discovery config.
     *
     * @param band the band's topic level, or null for the gateway's own entities
     */
    record Config(String topic, String band, String payload) {
    }

    /** The origin's name, by which the start-up scan tells our configs from other programs'. */
    static final String ORIGIN = "isoband";
    static final String SUPPORT_URL = "https://github.com/isoband/isoband/blob/main/docs/mqtt.md";
    /** Rep events older than this when Home Assistant receives them are replays (after an outage): no event. */
    static final int REPLAY_WINDOW_S = 120;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TopicNames topics;
    private final String gatewayName;
    private final String version;
    private final int forceExpireS;
    private final HomeAssistantOptions options;

    /**
     * @param gatewayName  the gateway's configured name (its device's name)
     * @param forceExpireS seconds after which Home Assistant shows the force as unavailable when no mean came
     */
    HomeAssistantDiscovery(TopicNames topics, String gatewayName, String version, int forceExpireS, HomeAssistantOptions options) {
        this.topics = topics;
        this.gatewayName = gatewayName;
        this.version = version;
        this.forceExpireS = forceExpireS;
        this.options = options;
    }

    /** The gateway device's identifier, which every band device names as its {@code via_device}. */
    String gatewayId() {
        return "isoband_gateway_" + topics.gateway();
    }

    /** The node id of a band in discovery topics, also its device identifier: its hardware id when known. */
    String nodeId(String bandName) {
        String hardware = options.hardwareId(bandName);
        return hardware == null ? topics.nodeId(bandName) : "isoband_" + TopicNames.sanitize(hardware);
    }

    /** The gateway's own entities: its connection, unsent outbox events and last error. */
    List<Config> gatewayConfigs() {
        List<Config> out = new ArrayList<>();
        String node = gatewayId();

        // No availability list: this entity is the gateway's availability, "disconnected" says more than "unavailable".
        ObjectNode status = common(node, "status", "Connection", topics.status(), null, gatewayDevice(), List.of());
        status.put("device_class", "connectivity");
        status.put("payload_on", "online");
        status.put("payload_off", "offline");
        status.put("entity_category", "diagnostic");
        out.add(config("binary_sensor", node, "status", null, status));

        ObjectNode unsent = common(node, "unsent", "Unsent events", topics.diagnostics(), "{{ value_json.unsent }}",
                gatewayDevice(), List.of(topics.status()));
        unsent.put("state_class", "measurement");
        unsent.put("unit_of_measurement", "events");
        unsent.put("entity_category", "diagnostic");
        unsent.put("icon", "mdi:tray-full");
        out.add(config("sensor", node, "unsent", null, unsent));

        // JSON null renders as None, which an MQTT sensor shows as unknown: no error since the start.
        ObjectNode error = common(node, "last_error", "Last error", topics.diagnostics(), "{{ value_json.last_error }}",
                gatewayDevice(), List.of(topics.status()));
        error.put("entity_category", "diagnostic");
        error.put("icon", "mdi:alert-circle-outline");
        error.put("json_attributes_topic", topics.diagnostics());
        error.put("json_attributes_template", "{{ {'at': value_json.last_error_at} | tojson }}");
        out.add(config("sensor", node, "last_error", null, error));
        return out;
    }

    List<Config> configs(String bandName) {
        String band = TopicNames.sanitize(bandName);
        String node = nodeId(bandName);
        ObjectNode device = bandDevice(bandName, node);
        List<String> always = List.of(topics.status());
        List<String> live = List.of(topics.status(), topics.availability(band));
        List<Config> out = new ArrayList<>();

        ObjectNode connected = common(node, "connected", "Streaming", topics.availability(band), null, device, always);
        connected.put("device_class", "connectivity");
        connected.put("payload_on", "online");
        connected.put("payload_off", "offline");
        out.add(config("binary_sensor", node, "connected", band, connected));

        ObjectNode force = common(node, "force", "Force", topics.forceMean(band), "{{ value_json.mean_n }}", device, live);
        force.put("unit_of_measurement", "N");
        force.put("state_class", "measurement");
        force.put("suggested_display_precision", 1);
        force.put("expire_after", forceExpireS);
        force.put("enabled_by_default", false);
        force.put("icon", "mdi:arm-flex");
        out.add(config("sensor", node, "force", band, force));

        ObjectNode phase = common(node, "phase", "Phase", topics.state(band), "{{ value_json.phase }}", device, live);
        phase.put("device_class", "enum");
        ArrayNode phases = phase.putArray("options");
        for (Phase p : Phase.values()) {
            phases.add(p.name());
        }
        phase.put("icon", "mdi:timer-sand");
        out.add(config("sensor", node, "phase", band, phase));

        // From the retained state, not the rep event, so Home Assistant knows it again after a restart.
        ObjectNode steady = common(node, "last_steady", "Last steady hold", topics.state(band),
                "{{ value_json.last_rep.steady_s if value_json.last_rep else 'None' }}", device, always);
        steady.put("device_class", "duration");
        steady.put("unit_of_measurement", "s");
        steady.put("state_class", "measurement");
        steady.put("suggested_display_precision", 1);
        steady.put("json_attributes_topic", topics.state(band));
        steady.put("json_attributes_template", "{{ (value_json.last_rep or {}) | tojson }}");
        out.add(config("sensor", node, "last_steady", band, steady));

        ObjectNode lastAt = common(node, "last_rep_at", "Last rep", topics.state(band),
                "{{ value_json.last_rep.end if value_json.last_rep else 'None' }}", device, always);
        lastAt.put("device_class", "timestamp");
        lastAt.put("icon", "mdi:history");
        out.add(config("sensor", node, "last_rep_at", band, lastAt));

        ObjectNode today = common(node, "reps_today", "Reps today", topics.state(band), "{{ value_json.reps_today }}", device, always);
        today.put("state_class", "total_increasing");
        today.put("unit_of_measurement", "reps");
        today.put("icon", "mdi:counter");
        out.add(config("sensor", node, "reps_today", band, today));

        // JSON null renders as None, which an MQTT sensor shows as unknown: no ratio before the first rep.
        ObjectNode held = common(node, "held_ratio", "Held reps today", topics.state(band), "{{ value_json.held_pct_today }}",
                device, always);
        held.put("unit_of_measurement", "%");
        held.put("state_class", "measurement");
        held.put("suggested_display_precision", 0);
        held.put("icon", "mdi:check-circle-outline");
        out.add(config("sensor", node, "held_ratio", band, held));

        // A diagnostic: the gauge's own battery, from the retained state, so it is known again after a restart.
        // A band whose sensor reports none (wired load cells, most gauges) has no battery_pct: None, unknown.
        ObjectNode battery = common(node, "battery", "Battery", topics.state(band),
                "{{ value_json.battery_pct if value_json.battery_pct is defined else 'None' }}", device, always);
        battery.put("device_class", "battery");
        battery.put("unit_of_measurement", "%");
        battery.put("state_class", "measurement");
        battery.put("entity_category", "diagnostic");
        out.add(config("sensor", node, "battery", band, battery));

        ObjectNode rep = common(node, "rep", "Rep", topics.rep(band), repTemplate(), device, always);
        ArrayNode types = rep.putArray("event_types");
        for (Verdict v : Verdict.values()) {
            types.add(v.name().toLowerCase(Locale.ROOT));
        }
        rep.put("icon", "mdi:weight-lifter");
        out.add(config("event", node, "rep", band, rep));
        return out;
    }

    /**
     * The rep event as Home Assistant's event entity wants it ({@code event_type} plus attributes), or nothing
     * for a rep that ended more than {@link #REPLAY_WINDOW_S} ago: Home Assistant stamps an event on arrival and
     * does not de-duplicate, and it drops a payload that renders empty, so a replayed backlog fires nothing.
     */
    static String repTemplate() {
        return "{% set r = value_json %}"
                + "{% if r.end is defined and (now() - (r.end | as_datetime)).total_seconds() < " + REPLAY_WINDOW_S + " %}"
                + "{\"event_type\": {{ (r.verdict | lower) | tojson }}, \"rep\": {{ r.rep | tojson }},"
                + " \"steady_s\": {{ r.steady_s | tojson }}, \"end\": {{ r.end | tojson }}, \"id\": {{ r.id | tojson }}}"
                + "{% endif %}";
    }

    private ObjectNode gatewayDevice() {
        ObjectNode device = JSON.createObjectNode();
        device.putArray("identifiers").add(gatewayId());
        device.put("name", gatewayName);
        device.put("manufacturer", "isoband");
        device.put("model", "isoband gateway");
        device.put("sw_version", version);
        if (options.dashboardUrl() != null) {
            device.put("configuration_url", options.dashboardUrl());
        }
        return device;
    }

    private ObjectNode bandDevice(String bandName, String node) {
        ObjectNode device = JSON.createObjectNode();
        device.putArray("identifiers").add(node);
        String address = HomeAssistantOptions.bluetoothAddress(options.hardwareId(bandName));
        if (address != null) {
            device.putArray("connections").addArray().add("bluetooth").add(address);
        }
        device.put("name", bandName);
        device.put("manufacturer", "isoband");
        device.put("model", "Resistance band force sensor");
        device.put("sw_version", version);
        device.put("via_device", gatewayId());
        return device;
    }

    /** What every entity has: name, unique id, state topic, device, origin and its availability topics. */
    private ObjectNode common(String node, String object, String name, String stateTopic, String valueTemplate,
                              ObjectNode device, List<String> availability) {
        ObjectNode c = JSON.createObjectNode();
        c.put("name", name);
        c.put("unique_id", node + "_" + object);
        c.put("state_topic", stateTopic);
        if (valueTemplate != null) {
            c.put("value_template", valueTemplate);
        }
        c.put("qos", 1);
        if (!availability.isEmpty()) {
            ArrayNode list = c.putArray("availability");
            for (String topic : availability) {
                list.addObject().put("topic", topic).put("payload_available", "online").put("payload_not_available", "offline");
            }
            c.put("availability_mode", "all");
        }
        c.set("device", device);
        ObjectNode origin = c.putObject("origin");
        origin.put("name", ORIGIN);
        origin.put("sw_version", version);
        origin.put("support_url", SUPPORT_URL);
        return c;
    }

    private Config config(String component, String node, String object, String band, ObjectNode payload) {
        return new Config(topics.discovery(component, node, object), band, payload.toString());
    }
}
