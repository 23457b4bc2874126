package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HomeAssistantDiscoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TopicNames topics = new TopicNames("isoband", "Garage Pi", "homeassistant");
    private final HomeAssistantOptions options = HomeAssistantOptions.defaults();

    private static Map<String, JsonNode> read(List<HomeAssistantDiscovery.Config> configs) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (HomeAssistantDiscovery.Config c : configs) {
            try {
                out.put(c.topic(), JSON.readTree(c.payload()));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    private Map<String, JsonNode> configs(HomeAssistantOptions o, String band) {
        HomeAssistantDiscovery d = new HomeAssistantDiscovery(topics, "Garage Pi", "1.2.3", 10, o);
        return read(d.configs(band));
    }

    private static List<String> availability(JsonNode entity) {
        return entity.path("availability").findValuesAsText("topic");
    }

    @Test
    void everyConfigKeepsHomeAssistantsRules() {
        HomeAssistantDiscovery d = new HomeAssistantDiscovery(topics, "Garage Pi", "1.2.3", 10,
                options.withDashboard("http://pi.local:8080").withHardwareId("red", "F0:0D:12:34:AB:CD"));
        List<HomeAssistantDiscovery.Config> all = new ArrayList<>(d.gatewayConfigs());
        all.addAll(d.configs("red"));
        all.addAll(d.configs("Blue band"));

        for (HomeAssistantDiscovery.Config c : all) {
            assertThat(HomeAssistantRules.violations("homeassistant", c.topic(), c.payload())).as(c.topic()).isEmpty();
        }
        assertThat(HomeAssistantRules.acrossConfigs(read(all))).isEmpty();
    }

    @Test
    void theGatewayStatusGatesEverythingAndTheBandsStreamingOnlyTheLiveEntities() {
        Map<String, JsonNode> c = configs(options, "red");
        String node = "homeassistant/%s/isoband_garage_pi_red/%s/config";

        for (String live : List.of("force", "phase")) {
            assertThat(availability(c.get(node.formatted("sensor", live)))).as(live)
                    .containsExactly("isoband/garage_pi/status", "isoband/garage_pi/red/availability");
            assertThat(c.get(node.formatted("sensor", live)).get("availability_mode").asText()).isEqualTo("all");
        }
        for (String counter : List.of("last_steady", "last_rep_at", "reps_today", "held_ratio", "battery")) {
            assertThat(availability(c.get(node.formatted("sensor", counter)))).as(counter).containsExactly("isoband/garage_pi/status");
        }
        assertThat(availability(c.get(node.formatted("event", "rep")))).containsExactly("isoband/garage_pi/status");
        JsonNode streaming = c.get(node.formatted("binary_sensor", "connected"));
        assertThat(streaming.get("device_class").asText()).isEqualTo("connectivity");
        assertThat(streaming.get("state_topic").asText()).isEqualTo("isoband/garage_pi/red/availability");
        assertThat(streaming.get("payload_on").asText()).isEqualTo("online");
        assertThat(availability(streaming)).containsExactly("isoband/garage_pi/status");
    }

    @Test
    void theForceEntityReadsTheMeanOfEachSecondAndIsDisabledByDefault() {
        JsonNode force = configs(options, "red").get("homeassistant/sensor/isoband_garage_pi_red/force/config");

        assertThat(force.get("state_topic").asText()).isEqualTo("isoband/garage_pi/red/force_1s");
        assertThat(force.get("value_template").asText()).isEqualTo("{{ value_json.mean_n }}");
        assertThat(force.get("enabled_by_default").asBoolean()).isFalse();
        assertThat(force.get("expire_after").asInt()).isEqualTo(10);
    }

    @Test
    void theLastRepIsReadFromTheRetainedState() {
        Map<String, JsonNode> c = configs(options, "red");

        JsonNode steady = c.get("homeassistant/sensor/isoband_garage_pi_red/last_steady/config");
        assertThat(steady.get("state_topic").asText()).isEqualTo("isoband/garage_pi/red/state");
        assertThat(steady.get("value_template").asText()).contains("value_json.last_rep.steady_s");
        assertThat(steady.get("json_attributes_topic").asText()).isEqualTo("isoband/garage_pi/red/state");
        JsonNode at = c.get("homeassistant/sensor/isoband_garage_pi_red/last_rep_at/config");
        assertThat(at.get("device_class").asText()).isEqualTo("timestamp");
    }

    @Test
    void eachBandHasABatteryDiagnosticReadFromItsStateUnknownWhenTheSensorReportsNone() {
        JsonNode battery = configs(options, "red").get("homeassistant/sensor/isoband_garage_pi_red/battery/config");

        assertThat(battery.get("device_class").asText()).isEqualTo("battery");
        assertThat(battery.get("unit_of_measurement").asText()).isEqualTo("%");
        assertThat(battery.get("state_class").asText()).isEqualTo("measurement");
        assertThat(battery.get("entity_category").asText()).isEqualTo("diagnostic");
        assertThat(battery.get("state_topic").asText()).isEqualTo("isoband/garage_pi/red/state");
        assertThat(battery.get("value_template").asText())
                .isEqualTo("{{ value_json.battery_pct if value_json.battery_pct is defined else 'None' }}");
        assertThat(battery.get("unique_id").asText()).isEqualTo("isoband_garage_pi_red_battery");
    }

    @Test
    void aGatewayDeviceCarriesItsConnectionDiagnosticsAndTheDashboardLink() {
        HomeAssistantDiscovery d = new HomeAssistantDiscovery(topics, "Garage Pi", "1.2.3", 10,
                options.withDashboard("http://pi.local:8080"));
        Map<String, JsonNode> g = read(d.gatewayConfigs());

        JsonNode status = g.get("homeassistant/binary_sensor/isoband_gateway_garage_pi/status/config");
        assertThat(status.get("state_topic").asText()).isEqualTo("isoband/garage_pi/status");
        assertThat(status.get("device_class").asText()).isEqualTo("connectivity");
        assertThat(status.has("availability")).isFalse();
        assertThat(status.at("/device/name").asText()).isEqualTo("Garage Pi");
        assertThat(status.at("/device/configuration_url").asText()).isEqualTo("http://pi.local:8080");
        for (String diagnostic : List.of("unsent", "last_error")) {
            JsonNode e = g.get("homeassistant/sensor/isoband_gateway_garage_pi/" + diagnostic + "/config");
            assertThat(e.get("state_topic").asText()).isEqualTo("isoband/garage_pi/diagnostics");
            assertThat(e.get("entity_category").asText()).isEqualTo("diagnostic");
        }
        for (JsonNode band : configs(options, "red").values()) {
            assertThat(band.at("/device/via_device").asText()).isEqualTo("isoband_gateway_garage_pi");
            assertThat(band.at("/origin/support_url").asText()).startsWith("https://");
        }
    }

    @Test
    void withoutADashboardThereIsNoConfigurationUrl() {
        HomeAssistantDiscovery d = new HomeAssistantDiscovery(topics, "Garage Pi", "1.2.3", 10, options);

        assertThat(read(d.gatewayConfigs()).values()).allSatisfy(e -> assertThat(e.at("/device").has("configuration_url")).isFalse());
    }

    @Test
    void aBandWithABleAddressIsThatDeviceWhateverItsNameOrGateway() {
        HomeAssistantOptions withAddress = options.withHardwareId("Red Band", "F0:0D:12:34:AB:CD");
        Map<String, JsonNode> here = configs(withAddress, "Red Band");
        Map<String, JsonNode> elsewhere = read(new HomeAssistantDiscovery(new TopicNames("isoband", "Attic", "homeassistant"),
                "Attic", "1.2.3", 10, withAddress.withHardwareId("Red Band", "f0:0d:12:34:ab:cd")).configs("Red Band"));

        JsonNode force = here.get("homeassistant/sensor/isoband_f0_0d_12_34_ab_cd/force/config");
        assertThat(force.get("unique_id").asText()).isEqualTo("isoband_f0_0d_12_34_ab_cd_force");
        assertThat(force.at("/device/identifiers/0").asText()).isEqualTo("isoband_f0_0d_12_34_ab_cd");
        assertThat(force.at("/device/connections/0").toString()).isEqualTo("[\"bluetooth\",\"f0:0d:12:34:ab:cd\"]");
        assertThat(force.at("/device/name").asText()).isEqualTo("Red Band");
        assertThat(elsewhere.keySet()).isEqualTo(here.keySet());
        assertThat(elsewhere.get("homeassistant/sensor/isoband_f0_0d_12_34_ab_cd/force/config").get("state_topic").asText())
                .isEqualTo("isoband/attic/red_band/force_1s");
    }

    @Test
    void aConfiguredIdThatIsNoAddressIdentifiesTheBandWithoutAConnection() {
        JsonNode force = configs(options.withHardwareId("red", "Band-0042"), "red")
                .get("homeassistant/sensor/isoband_band-0042/force/config");

        assertThat(force.at("/device/identifiers/0").asText()).isEqualTo("isoband_band-0042");
        assertThat(force.at("/device").has("connections")).isFalse();
    }

    @Test
    void aBandKnownByNameOnlyKeepsTheIdsItHadBefore() {
        Map<String, JsonNode> c = configs(options, "Red Band");

        assertThat(c.keySet()).contains("homeassistant/sensor/isoband_garage_pi_red_band/force/config",
                "homeassistant/event/isoband_garage_pi_red_band/rep/config");
        assertThat(c.get("homeassistant/sensor/isoband_garage_pi_red_band/force/config").get("unique_id").asText())
                .isEqualTo("isoband_garage_pi_red_band_force");
    }

    @Test
    void theRepEventCarriesTheRepsEndAndSkipsReplays() {
        JsonNode rep = configs(options, "red").get("homeassistant/event/isoband_garage_pi_red/rep/config");

        List<String> types = new ArrayList<>();
        rep.get("event_types").forEach(t -> types.add(t.asText()));
        assertThat(types).containsExactly("held", "short", "moved", "unsteady", "interrupted");
        assertThat(rep.get("value_template").asText())
                .contains("\"end\": {{ r.end | tojson }}")
                .contains("(now() - (r.end | as_datetime)).total_seconds() < 120");
    }
}
