package org.isoband.gateway.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds, among the retained discovery configs the broker holds, those this gateway announced for bands it no
 * longer has, without any local record of what it announced (a lost or new outbox file does not matter): on
 * every connection the publisher subscribes to {@code homeassistant/#} and hands each retained config here.
 * A config is this gateway's when its origin is isoband and its state topic is under
 * {@code <prefix>/<gateway>/} (the topics name the gateway; the origin cannot, Home Assistant refuses unknown
 * origin keys). One not announced now is cleared (an empty retained payload: Home Assistant deletes the
 * entity and the broker the config); when its band is gone, so are the band's retained state and availability.
 * This is zigbee2mqtt's way, which tells its configs by their availability topic. Publisher thread only.
 */
final class DiscoveryCleanup {
    /** Retained topics to clear (publish an empty retained payload to). */
    record Clear(List<String> topics, String band) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TopicNames names;
    private final Set<String> wanted;
    private final Set<String> configuredBands;
    private final Set<String> bandsCleared = new HashSet<>();

    /**
     * @param wanted          the config topics announced now
     * @param configuredBands the configured bands' topic levels
     */
    DiscoveryCleanup(TopicNames names, Set<String> wanted, Set<String> configuredBands) {
        this.names = names;
        this.wanted = Set.copyOf(wanted);
        this.configuredBands = Set.copyOf(configuredBands);
    }

    /** What to clear for one retained message on the discovery prefix; nothing for configs not ours or wanted. */
    Clear retained(String topic, String payload) {
        if (!topic.startsWith(names.discoveryPrefix() + "/") || !topic.endsWith("/config") || wanted.contains(topic)
                || payload == null || payload.isEmpty()) {
            return null;
        }
        JsonNode config;
        try {
            config = JSON.readTree(payload);
        } catch (IOException e) {
            return null; // not ours: we publish JSON
        }
        if (config == null || !HomeAssistantDiscovery.ORIGIN.equals(config.at("/origin/name").asText(null))) {
            return null;
        }
        String stateTopic = config.path("state_topic").asText("");
        if (!stateTopic.startsWith(names.prefix() + "/" + names.gateway() + "/")) {
            return null;
        }
        List<String> clear = new ArrayList<>(List.of(topic));
        String band = names.bandOf(stateTopic);
        if (band != null && !configuredBands.contains(band) && bandsCleared.add(band)) {
            clear.add(names.state(band));
            clear.add(names.availability(band));
        }
        return new Clear(clear, band);
    }
}
