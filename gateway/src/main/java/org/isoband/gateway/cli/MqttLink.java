package org.isoband.gateway.cli;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.isoband.gateway.mqtt.BandMessages;
import org.isoband.gateway.mqtt.HomeAssistantOptions;
import org.isoband.gateway.mqtt.MqttConfig;
import org.isoband.gateway.mqtt.MqttPublisher;
import org.isoband.gateway.mqtt.MqttSessionObserver;
import org.isoband.gateway.mqtt.PublisherStats;
import org.isoband.gateway.mqtt.SampleClock;

/**
 * The gateway's MQTT side for one band, as `run` and `demo` use it: the publisher with its outbox, the session
 * observer that feeds it, and the broker status in words for the screen.
 */
final class MqttLink implements AutoCloseable {
    private final MqttPublisher publisher;
    private final MqttSessionObserver observer;

    /**
     * @param sampleNanos the clock samples are stamped with (a simulated band played faster runs its own)
     */
    MqttLink(MqttConfig config, HomeAssistantOptions homeAssistant, String band, double holdTargetS, LongSupplier sampleNanos) {
        this.publisher = MqttPublisher.start(config, homeAssistant);
        this.observer = new MqttSessionObserver(new BandMessages(config.gateway(), band, holdTargetS, publisher,
                new SampleClock(Clock.systemUTC(), sampleNanos), ZoneId.systemDefault()));
    }

    MqttSessionObserver observer() {
        return observer;
    }

    /** "connected", or "offline (3 queued)". */
    String status() {
        PublisherStats s = publisher.stats();
        return s.connected() ? "connected" : String.format(Locale.ROOT, "offline (%d queued)", s.unsent());
    }

    /**
     * Waits up to 10 s for the broker to acknowledge (or the outbox to take) what is unsent, then says goodbye;
     * the publisher logs the closing line with what was left where.
     */
    @Override
    public void close() {
        publisher.close(java.time.Duration.ofSeconds(10));
    }
}
