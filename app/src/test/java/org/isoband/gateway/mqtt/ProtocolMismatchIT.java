package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.isoband.dashboard.RunningDashboard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MQTT 5 (the default) against a broker without it, the embedded Moquette 0.17: neither the gateway nor the
 * dashboard falls back by itself (docs/mqtt.md says why); each says, in its retry line, what to set.
 */
class ProtocolMismatchIT {
    private static final String HINT = "the broker does not speak MQTT 5: set mqtt.protocol: 3.1.1";

    @TempDir
    Path dir;

    @Test
    void mqtt5AgainstA311BrokerSaysToSetTheProtocolInsteadOfFallingBackSilently() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start();
             LogLines dashboardLog = LogLines.of("org.isoband.dashboard.ingest");
             LogLines gatewayLog = LogLines.of("org.isoband.gateway.mqtt")) {
            RunningDashboard dashboard = EndToEnd.dashboard(dir, broker.url());
            MqttPublisher publisher = MqttPublisher.start(MqttConfig.of(broker.url(), EndToEnd.GATEWAY, List.of("red"),
                    dir.resolve("outbox.db")));
            try {
                assertThat(EndToEnd.await(Duration.ofSeconds(60), () -> dashboardLog.contains(HINT) && gatewayLog.contains(HINT)))
                        .as(dashboardLog + "\n" + gatewayLog).isTrue();
                assertThat(dashboard.brokerConnected()).isFalse();
                assertThat(publisher.stats().connected()).isFalse();
            } finally {
                publisher.close(Duration.ZERO);
                dashboard.close();
            }
        }
    }
}
