package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DiscoveryCleanupTest {
    private final TopicNames names = new TopicNames("isoband", "garage", "homeassistant");
    private final DiscoveryCleanup cleanup = new DiscoveryCleanup(names,
            Set.of("homeassistant/sensor/isoband_garage_red/force/config"), Set.of("red"));

    private static String config(String origin, String stateTopic) {
        return "{\"name\":\"x\",\"state_topic\":\"" + stateTopic + "\",\"origin\":{\"name\":\"" + origin + "\"}}";
    }

    @Test
    void aRemovedBandsConfigIsClearedWithItsRetainedStateAndAvailability() {
        DiscoveryCleanup.Clear clear = cleanup.retained("homeassistant/sensor/isoband_garage_blue/force/config",
                config("isoband", "isoband/garage/blue/force_1s"));

        assertThat(clear.topics()).containsExactly("homeassistant/sensor/isoband_garage_blue/force/config",
                "isoband/garage/blue/state", "isoband/garage/blue/availability");
        assertThat(clear.band()).isEqualTo("blue");
    }

    @Test
    void theBandsStateIsClearedOnceForAllItsConfigs() {
        cleanup.retained("homeassistant/sensor/isoband_garage_blue/force/config", config("isoband", "isoband/garage/blue/force_1s"));

        assertThat(cleanup.retained("homeassistant/sensor/isoband_garage_blue/phase/config",
                config("isoband", "isoband/garage/blue/state")).topics())
                .containsExactly("homeassistant/sensor/isoband_garage_blue/phase/config");
    }

    @Test
    void aConfigStillAnnouncedIsKept() {
        assertThat(cleanup.retained("homeassistant/sensor/isoband_garage_red/force/config",
                config("isoband", "isoband/garage/red/force_1s"))).isNull();
    }

    @Test
    void anOldConfigOfABandStillConfiguredGoesButItsStateStays() {
        DiscoveryCleanup.Clear clear = cleanup.retained("homeassistant/sensor/isoband_garage_red/old_thing/config",
                config("isoband", "isoband/garage/red/state"));

        assertThat(clear.topics()).containsExactly("homeassistant/sensor/isoband_garage_red/old_thing/config");
    }

    @Test
    void otherProgramsAndOtherGatewaysAreLeftAlone() {
        assertThat(cleanup.retained("homeassistant/sensor/0x00158d/temperature/config",
                config("Zigbee2MQTT", "zigbee2mqtt/kitchen"))).isNull();
        assertThat(cleanup.retained("homeassistant/sensor/isoband_attic_blue/force/config",
                config("isoband", "isoband/attic/blue/force_1s"))).isNull();
        assertThat(cleanup.retained("homeassistant/sensor/x/y/config", "not json")).isNull();
        assertThat(cleanup.retained("homeassistant/sensor/x/y/config", "")).isNull();
        assertThat(cleanup.retained("homeassistant/status", "online")).isNull();
    }
}
