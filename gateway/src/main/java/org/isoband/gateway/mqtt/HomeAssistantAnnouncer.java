package org.isoband.gateway.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Home Assistant's side of the publisher, on the loop: publishes the {@link HomeAssistantDiscovery} configs of
 * the gateway and the configured bands on every connection and when Home Assistant announces {@code online} on
 * its birth topic (then the live state again too); clears the configs of bands no longer configured, found in
 * the retained configs the broker holds ({@link DiscoveryCleanup}: no local record, so a lost outbox file does
 * not matter); reads the bands' retained states back for their newest rep; publishes the gateway's
 * {@link GatewayDiagnostics}.
 *
 * <p>What it subscribes to on a connection: the birth topic, {@code <discovery prefix>/#} and the gateway's own
 * {@code <prefix>/<gw>/+/state}. The broker sends the retained messages at once; after {@link #SCAN_MS} the
 * two scans are over and their messages are ignored (the transport has no unsubscribe yet; the traffic on them
 * is a few configs when some program restarts, and our own states).
 */
final class HomeAssistantAnnouncer {
    private static final Logger log = LoggerFactory.getLogger(HomeAssistantAnnouncer.class);
    /** How long the retained configs and states are read after connecting: the broker sends them at once. */
    static final long SCAN_MS = 5_000;

    private final TopicNames topics;
    private final HomeAssistantDiscovery discovery;
    private final HomeAssistantOptions options;
    private final List<String> bands;
    private final Set<String> configuredBands = new HashSet<>();
    private final PublishChannel channel;
    private final Availability availability;
    private final GatewayDiagnostics diagnostics;
    private final String ownStates;
    private DiscoveryCleanup cleanup;
    private long scanUntilNanos = Long.MIN_VALUE;
    private boolean connected;
    private int lastInMemory;
    private long lastRefused;

    HomeAssistantAnnouncer(TopicNames topics, HomeAssistantDiscovery discovery, HomeAssistantOptions options,
                           List<String> bands, PublishChannel channel, Availability availability) {
        this.topics = topics;
        this.discovery = discovery;
        this.options = options;
        this.bands = List.copyOf(bands);
        for (String band : bands) {
            configuredBands.add(TopicNames.sanitize(band));
        }
        this.channel = channel;
        this.availability = availability;
        this.diagnostics = new GatewayDiagnostics(topics.gateway(), options.clock());
        this.ownStates = topics.prefix() + "/" + topics.gateway() + "/+/state";
    }

    /** What to subscribe to on every connection. */
    List<String> subscriptions() {
        // Under the discovery prefix (the default) the birth topic is in the scan's filter already; subscribed
        // twice, an MQTT 5 broker delivers each birth once per subscription, and we would announce twice.
        if (MqttTopicFilter.matches(topics.allDiscovery(), options.statusTopic())) {
            return List.of(topics.allDiscovery(), ownStates);
        }
        return List.of(options.statusTopic(), topics.allDiscovery(), ownStates);
    }

    /** Connected (after subscribing): the scans begin, the configs and the diagnostics go out. */
    void connected(long unsent, int inMemory) {
        connected = true;
        scanUntilNanos = System.nanoTime() + SCAN_MS * 1_000_000;
        announce();
        send(topics.diagnostics(), diagnostics.due(unsent, inMemory, true));
    }

    void disconnected(String reason) {
        connected = false;
        diagnostics.error(reason);
    }

    /** Announces the gateway and every configured band. */
    void announce() {
        Map<String, String> configs = new LinkedHashMap<>();
        for (HomeAssistantDiscovery.Config c : discovery.gatewayConfigs()) {
            configs.put(c.topic(), c.payload());
        }
        for (String band : bands) {
            for (HomeAssistantDiscovery.Config c : discovery.configs(band)) {
                configs.put(c.topic(), c.payload());
            }
        }
        cleanup = new DiscoveryCleanup(topics, configs.keySet(), configuredBands);
        configs.forEach(this::send);
    }

    /** A message on one of the {@link #subscriptions}. */
    void message(String topic, byte[] bytes) {
        String payload = new String(bytes, StandardCharsets.UTF_8);
        if (topic.equals(options.statusTopic())) {
            if ("online".equals(payload)) {
                // Home Assistant restarted and may have lost what it knew: the configs, then the live state again.
                announce();
                availability.republish();
            }
            return;
        }
        if (System.nanoTime() - scanUntilNanos > 0) {
            // The scan is over; the subscriptions stay (the transport has no unsubscribe), their messages are ignored.
            return;
        }
        if (topic.startsWith(topics.discoveryPrefix() + "/")) {
            DiscoveryCleanup.Clear clear = cleanup == null ? null : cleanup.retained(topic, payload);
            if (clear != null) {
                clear.topics().forEach(t -> send(t, ""));
                boolean gone = clear.band() != null && !configuredBands.contains(clear.band());
                log.info("home assistant: removed {} ({})", topic,
                        gone ? "band " + clear.band() + " is no longer configured" : "no longer announced");
            }
            return;
        }
        String band = topics.bandOf(topic);
        if (band != null && topic.equals(topics.state(band))) {
            availability.retainedState(band, payload);
        }
    }

    /**
     * A few times a second: the diagnostics when they changed; an outbox that began keeping events in memory, or
     * a broker that began refusing some, is the last error.
     */
    void tick(long unsent, int inMemory, long refusedTotal) {
        if (inMemory > 0 && lastInMemory == 0) {
            diagnostics.error("the outbox file cannot be written: events are kept in memory (see the log)");
        }
        if (refusedTotal > lastRefused) {
            diagnostics.error("the broker refused " + (refusedTotal - lastRefused) + " event(s) (see the log)");
        }
        lastInMemory = inMemory;
        lastRefused = refusedTotal;
        if (connected) {
            String due = diagnostics.due(unsent, inMemory, false);
            if (due != null) {
                send(topics.diagnostics(), due);
            }
        }
    }

    private void send(String topic, String payload) {
        channel.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, true, result -> { });
    }
}
