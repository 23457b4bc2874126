package org.isoband.gateway.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Home Assistant would make of the retained topics a late subscriber (as Home Assistant is after a
 * restart) finds on the broker: the discovery configs and, per entity, whether it is available, by the rules of
 * entity.py (MqttAvailabilityMixin.available: with {@code availability_mode: all} every topic's last payload
 * must be its {@code payload_available}; a topic that never said so counts as not available; without an
 * availability list the entity is available while Home Assistant is connected).
 */
final class HomeAssistantView {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** topic -> newest payload, of the retained messages (an empty payload deletes). */
    final Map<String, String> retained = new LinkedHashMap<>();
    /** config topic -> config, of the retained non-empty configs. */
    final Map<String, JsonNode> configs = new LinkedHashMap<>();

    HomeAssistantView(Iterable<MosquittoSub.Line> lines, String discoveryPrefix) {
        for (MosquittoSub.Line l : lines) {
            if (!l.retained()) {
                continue;
            }
            if (l.payload().isEmpty()) {
                retained.remove(l.topic());
                configs.remove(l.topic());
                continue;
            }
            retained.put(l.topic(), l.payload());
            if (l.topic().startsWith(discoveryPrefix + "/") && l.topic().endsWith("/config")) {
                try {
                    configs.put(l.topic(), JSON.readTree(l.payload()));
                } catch (IOException e) {
                    throw new AssertionError(l.topic() + ": not JSON", e);
                }
            }
        }
    }

    /** The config of the entity whose unique id ends with {@code _object}. */
    JsonNode entity(String object) {
        return configs.values().stream().filter(c -> c.path("unique_id").asText().endsWith("_" + object)).findFirst()
                .orElseThrow(() -> new AssertionError("no entity " + object + " in " + configs.keySet()));
    }

    boolean available(String object) {
        JsonNode c = entity(object);
        if (!c.has("availability")) {
            return true;
        }
        String mode = c.path("availability_mode").asText("latest");
        boolean all = true;
        boolean any = false;
        for (JsonNode a : c.get("availability")) {
            boolean up = a.path("payload_available").asText("online").equals(retained.get(a.get("topic").asText()));
            all &= up;
            any |= up;
        }
        return switch (mode) {
            case "all" -> all;
            case "any" -> any;
            default -> throw new AssertionError("mode " + mode + " depends on arrival order, not checked here");
        };
    }

    /** A binary sensor's state: on, off, or unknown (binary_sensor.py: payload_on / payload_off, else ignored). */
    String binaryState(String object) {
        JsonNode c = entity(object);
        String payload = retained.get(c.get("state_topic").asText());
        if (c.path("payload_on").asText("ON").equals(payload)) {
            return "on";
        }
        return c.path("payload_off").asText("OFF").equals(payload) ? "off" : "unknown";
    }

    /** The retained payload an entity reads, as JSON. */
    JsonNode stateOf(String object) {
        try {
            return JSON.readTree(retained.get(entity(object).get("state_topic").asText()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
