package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MqttTopicFilterTest {
    @Test
    void matchesLikeABroker() {
        assertThat(MqttTopicFilter.matches("homeassistant/#", "homeassistant/status")).isTrue();
        assertThat(MqttTopicFilter.matches("homeassistant/#", "homeassistant")).isTrue();
        assertThat(MqttTopicFilter.matches("ha_custom/#", "homeassistant/status")).isFalse();
        assertThat(MqttTopicFilter.matches("isoband/pi/+/state", "isoband/pi/red/state")).isTrue();
        assertThat(MqttTopicFilter.matches("isoband/pi/+/state", "isoband/pi/red/x/state")).isFalse();
        assertThat(MqttTopicFilter.matches("a/b", "a/b/c")).isFalse();
    }
}
