package org.isoband.gateway.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Home Assistant's rules for an MQTT discovery config, as its source states them (homeassistant/components/mqtt
 * and homeassistant/components/sensor, read for issue 16); docs/mqtt.md "Home Assistant's rules" is the same
 * table in words, each row naming the file. {@link #violations} checks one config as it crossed the broker and
 * names every rule it breaks; {@link #acrossConfigs} the rules that span configs. Only the device and state
 * classes isoband could use are listed beyond the names; a class not listed is reported, to be looked up.
 */
final class HomeAssistantRules {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** discovery.py TOPIC_MATCHER: {@code <component>/[<node_id>/]<object_id>/config}. */
    static final Pattern TOPIC = Pattern.compile("(?<component>\\w+)/(?:(?<node>[a-zA-Z0-9_-]+)/)?(?<object>[a-zA-Z0-9_-]+)/config");
    /** const.py SUPPORTED_COMPONENTS, the ones isoband uses (all of them are in it). */
    static final Set<String> COMPONENTS = Set.of("sensor", "binary_sensor", "event");

    /** schemas.py MQTT_ENTITY_COMMON_SCHEMA (with the availability schemas) and config.py MQTT_RO_SCHEMA. */
    static final Set<String> COMMON_KEYS = Set.of("availability", "availability_mode", "availability_template",
            "availability_topic", "payload_available", "payload_not_available", "device", "entity_picture", "origin",
            "enabled_by_default", "entity_category", "icon", "json_attributes_topic", "json_attributes_template",
            "default_entity_id", "object_id", "message_expiry_interval", "unique_id", "visible_by_default",
            "qos", "encoding", "state_topic", "value_template");
    /** Each platform's own options: sensor.py, binary_sensor.py, event.py (their DISCOVERY_SCHEMA drops others silently). */
    static final Map<String, Set<String>> PLATFORM_KEYS = Map.of(
            "sensor", Set.of("device_class", "expire_after", "force_update", "last_reset_value_template", "name", "options",
                    "suggested_display_precision", "state_class", "unit_of_measurement"),
            "binary_sensor", Set.of("device_class", "expire_after", "force_update", "name", "off_delay", "payload_off", "payload_on"),
            "event", Set.of("device_class", "name", "event_types"));
    /** schemas.py MQTT_ENTITY_DEVICE_INFO_SCHEMA. */
    static final Set<String> DEVICE_KEYS = Set.of("identifiers", "connections", "manufacturer", "model", "model_id", "name",
            "hw_version", "serial_number", "sw_version", "via_device", "suggested_area", "configuration_url");
    /** schemas.py MQTT_ORIGIN_INFO_SCHEMA: a closed schema, an unknown key makes the whole config invalid. */
    static final Set<String> ORIGIN_KEYS = Set.of("name", "sw_version", "support_url");
    /** const.py AVAILABILITY_MODES. */
    static final Set<String> AVAILABILITY_MODES = Set.of("all", "any", "latest");
    /** helpers/entity.py ENTITY_CATEGORIES_SCHEMA (EntityCategory). */
    static final Set<String> ENTITY_CATEGORIES = Set.of("config", "diagnostic");
    /** sensor/const.py SensorStateClass. */
    static final Set<String> STATE_CLASSES = Set.of("measurement", "measurement_angle", "total", "total_increasing");
    /** sensor/const.py DEVICE_CLASS_STATE_CLASSES, for the classes isoband uses: the state classes each allows. */
    static final Map<String, Set<String>> SENSOR_DEVICE_CLASS_STATE_CLASSES = Map.of(
            "battery", Set.of("measurement"), "duration", STATE_CLASSES, "enum", Set.of(), "timestamp", Set.of(),
            "weight", Set.of("measurement", "total", "total_increasing"));
    /**
     * sensor/const.py DEVICE_CLASS_UNITS (UnitOfTime for duration; PERCENTAGE, const.py's "%", the one unit of
     * battery); enum and timestamp take none (sensor.py, sensor/__init__.py).
     */
    static final Map<String, Set<String>> SENSOR_DEVICE_CLASS_UNITS = Map.of(
            "battery", Set.of("%"), "duration", Set.of("d", "h", "min", "s", "ms", "μs"), "enum", Set.of(), "timestamp", Set.of(),
            "weight", Set.of("kg", "g", "mg", "µg", "oz", "lb", "st"));
    /** binary_sensor/__init__.py BinarySensorDeviceClass, the one isoband uses. */
    static final Set<String> BINARY_DEVICE_CLASSES = Set.of("connectivity", "problem", "running");
    /** helpers/config_validation.py configuration_url: http(s) or homeassistant:// URLs. */
    private static final Pattern URL = Pattern.compile("(https?|homeassistant)://\\S+");

    private HomeAssistantRules() {
    }

    /** The rules one config breaks, each naming its source file; empty when Home Assistant accepts it. */
    static List<String> violations(String discoveryPrefix, String topic, String payload) {
        List<String> out = new ArrayList<>();
        if (!topic.startsWith(discoveryPrefix + "/")) {
            out.add("discovery.py: topic " + topic + " is not under the discovery prefix " + discoveryPrefix);
            return out;
        }
        var m = TOPIC.matcher(topic.substring(discoveryPrefix.length() + 1));
        if (!m.matches()) {
            out.add("discovery.py TOPIC_MATCHER: " + topic + " is not <component>/[<node_id>/]<object_id>/config of [a-zA-Z0-9_-]");
            return out;
        }
        String component = m.group("component");
        if (!COMPONENTS.contains(component)) {
            out.add("const.py SUPPORTED_COMPONENTS: component " + component + " not expected here");
            return out;
        }
        JsonNode c;
        try {
            c = JSON.readTree(payload);
        } catch (IOException e) {
            out.add("discovery.py json_loads_object: not JSON: " + payload);
            return out;
        }
        if (c == null || !c.isObject()) {
            out.add("discovery.py json_loads_object: not a JSON object");
            return out;
        }
        keys(c, out, component);
        origin(c.get("origin"), out);
        device(c.get("device"), out);
        availability(c, out);
        common(c, out);
        switch (component) {
            case "sensor" -> sensor(c, out);
            case "binary_sensor" -> binarySensor(c, out);
            case "event" -> event(c, out);
            default -> throw new IllegalStateException(component);
        }
        return out;
    }

    private static void keys(JsonNode c, List<String> out, String component) {
        for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!COMMON_KEYS.contains(key) && !PLATFORM_KEYS.get(component).contains(key)) {
                out.add(component + ".py DISCOVERY_SCHEMA (extra=REMOVE_EXTRA): unknown option " + key + " would be dropped silently");
            }
        }
    }

    private static void origin(JsonNode o, List<String> out) {
        if (o == null) {
            return; // optional; ours always has one (checked by the tests)
        }
        if (!o.path("name").isTextual() || o.path("name").asText().isEmpty()) {
            out.add("schemas.py MQTT_ORIGIN_INFO_SCHEMA: origin needs a name");
        }
        o.fieldNames().forEachRemaining(k -> {
            if (!ORIGIN_KEYS.contains(k)) {
                out.add("schemas.py MQTT_ORIGIN_INFO_SCHEMA: unknown origin key " + k + " (the whole config is refused)");
            }
        });
        if (o.has("support_url") && !URL.matcher(o.get("support_url").asText()).matches()) {
            out.add("schemas.py MQTT_ORIGIN_INFO_SCHEMA: support_url is not a URL: " + o.get("support_url"));
        }
    }

    private static void device(JsonNode d, List<String> out) {
        if (d == null) {
            return;
        }
        d.fieldNames().forEachRemaining(k -> {
            if (!DEVICE_KEYS.contains(k)) {
                out.add("schemas.py MQTT_ENTITY_DEVICE_INFO_SCHEMA: unknown device key " + k);
            }
        });
        boolean identified = d.path("identifiers").size() > 0 || d.path("connections").size() > 0
                || d.path("identifiers").isTextual();
        if (!identified) {
            out.add("schemas.py validate_device_has_at_least_one_identifier: device needs identifiers or connections");
        }
        for (JsonNode pair : d.path("connections")) {
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
                out.add("schemas.py MQTT_ENTITY_DEVICE_INFO_SCHEMA: a connection is a pair of strings, got " + pair);
            }
        }
        if (d.has("configuration_url") && !URL.matcher(d.get("configuration_url").asText()).matches()) {
            out.add("schemas.py cv.configuration_url: not a URL: " + d.get("configuration_url"));
        }
    }

    private static void availability(JsonNode c, List<String> out) {
        if (c.has("availability") && c.has("availability_topic")) {
            out.add("schemas.py: availability and availability_topic are exclusive");
        }
        if (c.has("availability")) {
            for (JsonNode a : c.get("availability")) {
                if (!a.path("topic").isTextual() || a.path("topic").asText().isEmpty()) {
                    out.add("schemas.py MQTT_AVAILABILITY_LIST_SCHEMA: every availability entry needs a topic");
                }
            }
        }
        if (c.has("availability_mode") && !AVAILABILITY_MODES.contains(c.get("availability_mode").asText())) {
            out.add("schemas.py: availability_mode must be all, any or latest, got " + c.get("availability_mode"));
        }
    }

    private static void common(JsonNode c, List<String> out) {
        if (!c.path("state_topic").isTextual() || c.path("state_topic").asText().isEmpty()
                || c.path("state_topic").asText().matches(".*[+#].*")) {
            out.add("config.py MQTT_RO_SCHEMA: state_topic is required (a topic without wildcards here)");
        }
        if (!c.path("unique_id").isTextual()) {
            out.add("schemas.py MQTT_ENTITY_COMMON_SCHEMA: unique_id (a string) is needed for the entity registry and a device");
        }
        if (c.has("enabled_by_default") && !c.get("enabled_by_default").isBoolean()) {
            out.add("schemas.py: enabled_by_default must be a boolean");
        }
        if (c.has("entity_category") && !ENTITY_CATEGORIES.contains(c.get("entity_category").asText())) {
            out.add("helpers/entity.py ENTITY_CATEGORIES_SCHEMA: entity_category must be config or diagnostic");
        }
        if (c.has("qos") && !(c.get("qos").isInt() && c.get("qos").asInt() >= 0 && c.get("qos").asInt() <= 2)) {
            out.add("config.py valid_qos_schema: qos must be 0, 1 or 2");
        }
    }

    private static void sensor(JsonNode c, List<String> out) {
        String deviceClass = c.path("device_class").asText(null);
        String stateClass = c.path("state_class").asText(null);
        String unit = c.path("unit_of_measurement").asText(null);
        if (c.has("options")) {
            if (c.get("options").isEmpty()) {
                out.add("sensor.py: an empty options list is not allowed");
            }
            if (stateClass != null || unit != null) {
                out.add("sensor.py: options are not allowed together with state_class or unit_of_measurement");
            }
            if (!"enum".equals(deviceClass)) {
                out.add("sensor.py: options must be used together with device class enum");
            }
        }
        if (c.has("last_reset_value_template") && !"total".equals(stateClass)) {
            out.add("sensor.py: last_reset_value_template needs state class total");
        }
        if (stateClass != null && !STATE_CLASSES.contains(stateClass)) {
            out.add("sensor/const.py SensorStateClass: unknown state class " + stateClass);
        }
        if (c.has("expire_after") && !(c.get("expire_after").isInt() && c.get("expire_after").asInt() >= 0)) {
            out.add("sensor.py: expire_after must be a positive integer (seconds)");
        }
        if (c.has("suggested_display_precision") && !(c.get("suggested_display_precision").isInt()
                && c.get("suggested_display_precision").asInt() >= 0)) {
            out.add("sensor.py: suggested_display_precision must be a positive integer");
        }
        if (deviceClass != null) {
            if (!SENSOR_DEVICE_CLASS_STATE_CLASSES.containsKey(deviceClass)) {
                out.add("sensor/const.py: device class " + deviceClass + " is not in this table: look it up first");
                return;
            }
            if (stateClass != null && !SENSOR_DEVICE_CLASS_STATE_CLASSES.get(deviceClass).contains(stateClass)) {
                out.add("sensor/const.py DEVICE_CLASS_STATE_CLASSES: device class " + deviceClass + " does not take state class " + stateClass);
            }
            if (unit != null && !SENSOR_DEVICE_CLASS_UNITS.get(deviceClass).contains(unit)) {
                out.add("sensor/const.py DEVICE_CLASS_UNITS: device class " + deviceClass + " does not take unit " + unit);
            }
        }
    }

    private static void binarySensor(JsonNode c, List<String> out) {
        if (c.has("device_class") && !BINARY_DEVICE_CLASSES.contains(c.get("device_class").asText())) {
            out.add("binary_sensor/__init__.py: device class " + c.get("device_class") + " is not in this table: look it up first");
        }
        for (String k : List.of("payload_on", "payload_off")) {
            if (c.has(k) && !c.get(k).isTextual()) {
                out.add("binary_sensor.py: " + k + " must be a string");
            }
        }
    }

    private static void event(JsonNode c, List<String> out) {
        JsonNode types = c.get("event_types");
        if (types == null || !types.isArray() || types.isEmpty()) {
            out.add("event.py: event_types is required, a list of strings");
            return;
        }
        for (JsonNode t : types) {
            if (!t.isTextual()) {
                out.add("event.py: event_types must be strings, got " + t);
            }
        }
    }

    /** Rules across configs: unique ids unique (entity_platform.py refuses a duplicate), one device per identifier. */
    static List<String> acrossConfigs(Map<String, JsonNode> configs) {
        List<String> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Map.Entry<String, JsonNode> e : configs.entrySet()) {
            String id = e.getValue().path("unique_id").asText();
            if (!ids.add(id)) {
                out.add("helpers/entity_platform.py: unique_id " + id + " is used twice (" + e.getKey() + ")");
            }
        }
        return out;
    }
}
