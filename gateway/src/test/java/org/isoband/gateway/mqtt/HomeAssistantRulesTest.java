package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rules checker itself: each rule catches the mistake it is for (so the tests that use it can fail). */
class HomeAssistantRulesTest {
    private static final String OK = "{\"name\":\"Phase\",\"unique_id\":\"u1\",\"state_topic\":\"isoband/pi/red/state\","
            + "\"device_class\":\"enum\",\"options\":[\"REST\"],\"device\":{\"identifiers\":[\"d\"]},\"origin\":{\"name\":\"isoband\"}}";
    private static final String TOPIC = "homeassistant/sensor/node/phase/config";

    private static java.util.List<String> check(String payload) {
        return HomeAssistantRules.violations("homeassistant", TOPIC, payload);
    }

    @Test
    void aGoodConfigPasses() {
        assertThat(check(OK)).isEmpty();
    }

    @Test
    void optionsWithAUnitOrWithoutTheEnumClassAreRefused() {
        assertThat(check(OK.replace("\"device_class\":\"enum\",", "\"unit_of_measurement\":\"s\",")))
                .anyMatch(v -> v.startsWith("sensor.py: options are not allowed"))
                .anyMatch(v -> v.startsWith("sensor.py: options must be used together with device class enum"));
    }

    @Test
    void aDeviceClassWithAUnitOrStateClassItDoesNotTakeIsRefused() {
        String duration = OK.replace("\"device_class\":\"enum\",\"options\":[\"REST\"]",
                "\"device_class\":\"duration\",\"unit_of_measurement\":\"N\"");
        String timestamp = OK.replace("\"device_class\":\"enum\",\"options\":[\"REST\"]",
                "\"device_class\":\"timestamp\",\"state_class\":\"measurement\"");

        assertThat(check(duration)).anyMatch(v -> v.contains("DEVICE_CLASS_UNITS"));
        assertThat(check(timestamp)).anyMatch(v -> v.contains("DEVICE_CLASS_STATE_CLASSES"));
    }

    @Test
    void aDeviceWithoutIdentifiersAndAnUnknownOriginKeyAreRefused() {
        assertThat(check(OK.replace("{\"identifiers\":[\"d\"]}", "{\"name\":\"x\"}")))
                .anyMatch(v -> v.contains("needs identifiers or connections"));
        assertThat(check(OK.replace("{\"name\":\"isoband\"}", "{\"name\":\"isoband\",\"gateway\":\"pi\"}")))
                .anyMatch(v -> v.contains("unknown origin key gateway"));
    }

    @Test
    void aMisspelledOptionIsReportedBecauseHomeAssistantWouldDropItSilently() {
        assertThat(check(OK.replace("\"device_class\"", "\"devcie_class\"")))
                .anyMatch(v -> v.contains("unknown option devcie_class"));
    }

    @Test
    void availabilityEntriesNeedATopicAndAKnownMode() {
        String bad = OK.replace("\"name\":\"Phase\"", "\"name\":\"Phase\",\"availability\":[{\"payload_available\":\"on\"}],"
                + "\"availability_mode\":\"most\"");

        assertThat(check(bad)).anyMatch(v -> v.contains("needs a topic")).anyMatch(v -> v.contains("all, any or latest"));
    }

    @Test
    void anEventNeedsItsTypesAndTheTopicItsShape() {
        String event = "{\"name\":\"Rep\",\"unique_id\":\"u2\",\"state_topic\":\"t\"}";

        assertThat(HomeAssistantRules.violations("homeassistant", "homeassistant/event/node/rep/config", event))
                .anyMatch(v -> v.startsWith("event.py: event_types is required"));
        assertThat(HomeAssistantRules.violations("homeassistant", "homeassistant/sensor/no de/x/config", OK))
                .anyMatch(v -> v.startsWith("discovery.py TOPIC_MATCHER"));
    }
}
