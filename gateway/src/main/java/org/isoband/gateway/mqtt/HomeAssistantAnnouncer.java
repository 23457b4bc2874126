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
 * Publishes the {@link HomeAssistantDiscovery} configs of the configured bands on every connection and when
 * Home Assistant announces {@code online}, and removes (an empty retained config) those announced earlier for a
 * band that is no longer configured. Which configs were announced is kept in the outbox file. On the loop.
 */
final class HomeAssistantAnnouncer {
    private static final Logger log = LoggerFactory.getLogger(HomeAssistantAnnouncer.class);

    private final TopicNames topics;
    private final HomeAssistantDiscovery discovery;
    private final List<String> bands;
    private final PublishChannel channel;
    private final PublisherLoop loop;
    private final OutboxDrain drain;

    HomeAssistantAnnouncer(TopicNames topics, HomeAssistantDiscovery discovery, List<String> bands,
                           PublishChannel channel, PublisherLoop loop, OutboxDrain drain) {
        this.topics = topics;
        this.discovery = discovery;
        this.bands = bands;
        this.channel = channel;
        this.loop = loop;
        this.drain = drain;
    }

    /** The topic Home Assistant announces itself on; subscribe to it on every connection. */
    String statusTopic() {
        return topics.homeAssistantStatus();
    }

    /** A message on {@link #statusTopic}: Home Assistant restarted and may have lost what it knew. */
    boolean isBirth(String topic, byte[] payload) {
        return topic.equals(topics.homeAssistantStatus()) && "online".equals(new String(payload, StandardCharsets.UTF_8));
    }

    /** Announces the configured bands and removes the configs of bands announced before but gone now. */
    void announce() {
        Map<String, String> before = new LinkedHashMap<>();
        Outbox outbox = drain.outbox();
        if (outbox != null) {
            try {
                before.putAll(outbox.announced());
            } catch (OutboxException e) {
                drain.troubleBegins(e);
            }
        }
        Set<String> wanted = new HashSet<>();
        for (String band : bands) {
            for (HomeAssistantDiscovery.Config c : discovery.configs(band)) {
                wanted.add(c.topic());
                boolean known = before.containsKey(c.topic());
                send(c.topic(), c.payload(), () -> {
                    if (!known && drain.outbox() != null) {
                        drain.outbox().announce(c.topic(), c.band());
                    }
                });
            }
        }
        for (Map.Entry<String, String> old : before.entrySet()) {
            if (!wanted.contains(old.getKey())) {
                send(old.getKey(), "", () -> {
                    if (drain.outbox() != null) {
                        drain.outbox().forget(old.getKey());
                    }
                    log.info("home assistant: removed {} (band {} is no longer configured)", old.getKey(), old.getValue());
                });
            }
        }
    }

    /** Publishes a retained config; {@code afterAck} runs on the loop once the broker took it (else: next time). */
    private void send(String topic, String payload, Runnable afterAck) {
        channel.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, true, result -> {
            if (result instanceof PublishResult.Accepted) {
                loop.execute(() -> {
                    try {
                        afterAck.run();
                    } catch (OutboxException e) {
                        drain.troubleBegins(e);
                    }
                });
            }
        });
    }
}
