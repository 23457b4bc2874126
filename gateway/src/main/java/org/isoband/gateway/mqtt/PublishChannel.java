package org.isoband.gateway.mqtt;

import org.isoband.core.mqtt.PublishResult;

import java.util.function.Consumer;

/**
 * The one thing the publisher's parts need from a broker: publish, and hear what became of it. The
 * {@link OutboxDrain} and the live topics are written against this, so they are tested without a broker.
 */
@FunctionalInterface
public interface PublishChannel {

    /**
     * Publishes and returns at once; {@code done} is called exactly once, on any thread, with the result (at
     * once with {@link PublishResult.Unanswered} when not connected).
     */
    void publish(String topic, byte[] payload, int qos, boolean retained, Consumer<PublishResult> done);
}
