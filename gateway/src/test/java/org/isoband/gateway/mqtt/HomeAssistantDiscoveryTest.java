package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HomeAssistantDiscoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TopicNames topics = new TopicNames("isoband", "Garage Pi", "homeassistant");
    private final HomeAssistantDiscovery discovery = new HomeAssistantDiscovery(topics, "1.2.3", 10);

    private Map<String, JsonNode> configs(String band) throws Exception {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        for (HomeAssistantDiscovery.Config c : discovery.configs(band)) {
            out.put(c.topic(), JSON.readTree(c.payload()));
        }
        return out;
    }

    @Test
    void announcesOneDeviceWithSixEntitiesPerBand() throws Exception {
        Map<String, JsonNode> c = configs("Red Band");

        assertThat(c.keySet()).containsExactly(
                "homeassistant/sensor/isoband_garage_pi_red_band/force/config",
                "homeassistant/sensor/isoband_garage_pi_red_band/phase/config",
                "homeassistant/sensor/isoband_garage_pi_red_band/last_steady/config",
                "homeassistant/sensor/isoband_garage_pi_red_band/reps_today/config",
                "homeassistant/sensor/isoband_garage_pi_red_band/held_ratio/config",
                "homeassistant/event/isoband_garage_pi_red_band/rep/config");
        List<String> uniqueIds = new ArrayList<>();
        for (JsonNode entity : c.values()) {
            uniqueIds.add(entity.get("unique_id").asText());
            assertThat(entity.at("/device/identifiers/0").asText()).isEqualTo("isoband_garage_pi_red_band");
            assertThat(entity.at("/device/name").asText()).isEqualTo("isoband red_band");
            assertThat(entity.at("/device/sw_version").asText()).isEqualTo("1.2.3");
            assertThat(entity.at("/origin/name").asText()).isEqualTo("isoband");
            assertThat(entity.get("availability_mode").asText()).isEqualTo("all");
            assertThat(entity.get("availability").findValuesAsText("topic")).containsExactly(
                    "isoband/garage_pi/status", "isoband/garage_pi/red_band/availability");
        }
        assertThat(uniqueIds).doesNotHaveDuplicates();
    }

    @Test
    void entitiesReadTheContractsTopicsWithUnitsAndExpiry() throws Exception {
        Map<String, JsonNode> c = configs("red");
        JsonNode force = c.get("homeassistant/sensor/isoband_garage_pi_red/force/config");
        JsonNode phase = c.get("homeassistant/sensor/isoband_garage_pi_red/phase/config");
        JsonNode steady = c.get("homeassistant/sensor/isoband_garage_pi_red/last_steady/config");
        JsonNode today = c.get("homeassistant/sensor/isoband_garage_pi_red/reps_today/config");
        JsonNode held = c.get("homeassistant/sensor/isoband_garage_pi_red/held_ratio/config");

        assertThat(force.get("state_topic").asText()).isEqualTo("isoband/garage_pi/red/force");
        assertThat(force.get("unit_of_measurement").asText()).isEqualTo("N");
        assertThat(force.get("expire_after").asInt()).isEqualTo(10);
        assertThat(force.get("value_template").asText()).isEqualTo("{{ value_json.last_n }}");
        assertThat(phase.get("state_topic").asText()).isEqualTo("isoband/garage_pi/red/state");
        assertThat(phase.get("device_class").asText()).isEqualTo("enum");
        assertThat(phase.get("options").toString()).isEqualTo("[\"REST\",\"RAMP\",\"HOLD\",\"UNSTEADY\",\"RELEASE\"]");
        assertThat(steady.get("state_topic").asText()).isEqualTo("isoband/garage_pi/red/rep");
        assertThat(steady.get("unit_of_measurement").asText()).isEqualTo("s");
        assertThat(steady.get("device_class").asText()).isEqualTo("duration");
        assertThat(today.get("value_template").asText()).isEqualTo("{{ value_json.reps_today }}");
        assertThat(held.get("unit_of_measurement").asText()).isEqualTo("%");
    }

    @Test
    void theRepIsAnEventEntityWhoseTypesAreTheVerdicts() throws Exception {
        JsonNode rep = configs("red").get("homeassistant/event/isoband_garage_pi_red/rep/config");

        assertThat(rep.get("state_topic").asText()).isEqualTo("isoband/garage_pi/red/rep");
        List<String> types = new ArrayList<>();
        rep.get("event_types").forEach(t -> types.add(t.asText()));
        assertThat(types).containsExactly("held", "short", "moved", "unsteady", "interrupted");
        assertThat(rep.get("value_template").asText()).contains("\"event_type\": \"{{ value_json.verdict | lower }}\"");
    }

    @Test
    void twoBandsAreTwoDevices() throws Exception {
        var devices = java.util.stream.Stream.of("red", "blue")
                .flatMap(b -> discovery.configs(b).stream())
                .map(c -> readUnchecked(c.payload()).at("/device/identifiers/0").asText())
                .collect(Collectors.toSet());

        assertThat(devices).containsExactlyInAnyOrder("isoband_garage_pi_red", "isoband_garage_pi_blue");
    }

    private static JsonNode readUnchecked(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
