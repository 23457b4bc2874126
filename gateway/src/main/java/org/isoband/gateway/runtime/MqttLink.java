package org.isoband.gateway.runtime;

import java.time.ZoneId;
import java.util.Locale;
import org.isoband.gateway.mqtt.BandMessages;
import org.isoband.gateway.mqtt.HomeAssistantOptions;
import org.isoband.gateway.mqtt.MqttConfig;
import org.isoband.gateway.mqtt.MqttPublisher;
import org.isoband.gateway.mqtt.MqttSessionObserver;
import org.isoband.gateway.mqtt.PublisherStats;

/**
 * The gateway's MQTT side for one band, as a part: the publisher with its outbox, the session observer that
 * feeds it, and the broker status in words for the screen. Present only when the configuration names a broker.
 */
public final class MqttLink implements Part {
    private final MqttConfig config;
    private final HomeAssistantOptions homeAssistant;
    private final String band;
    private final double holdTargetS;
    private MqttPublisher publisher;

    public MqttLink(MqttConfig config, HomeAssistantOptions homeAssistant, String band, double holdTargetS) {
        this.config = config;
        this.homeAssistant = homeAssistant;
        this.band = band;
        this.holdTargetS = holdTargetS;
    }

    @Override
    public String name() {
        return "mqtt";
    }

    @Override
    public void start(PartContext context) {
        publisher = MqttPublisher.start(config, homeAssistant);
        // Samples are stamped with the source's clock (a simulated band played faster runs its own).
        context.listen(new MqttSessionObserver(new BandMessages(config.gateway(), band, holdTargetS, publisher,
                context.sampleClock(), ZoneId.systemDefault())));
        context.brokerStatus(this::status);
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
    public void stop() {
        publisher.close(java.time.Duration.ofSeconds(10));
    }
}
