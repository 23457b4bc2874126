package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MqttConfigTest {
    private static final Path OUTBOX = Path.of("outbox.db");

    private static MqttConfig base() {
        return MqttConfig.of("tcp://broker.local:1883", "Garage Pi", List.of("red", "Blue Band"), OUTBOX);
    }

    @Test
    void hasTheDefaults() {
        MqttConfig c = base();

        assertThat(c.topicPrefix()).isEqualTo("isoband");
        assertThat(c.discoveryPrefix()).isEqualTo("homeassistant");
        assertThat(c.forceRateHz()).isEqualTo(10);
        assertThat(c.clientId()).isEqualTo("isoband-garage_pi");
        assertThat(c.username()).isNull();
        assertThat(c.tls()).isFalse();
        assertThat(c.prune()).isEqualTo(PrunePolicy.DEFAULT);
        assertThat(c.topics().status()).isEqualTo("isoband/garage_pi/status");
    }

    @Test
    void neverShowsThePassword() {
        MqttConfig c = base().withCredentials("isoband", "s3cret-pass");

        assertThat(c.toString()).doesNotContain("s3cret-pass").contains("password=****", "username=isoband");
        assertThat(base().toString()).contains("password=null");
    }

    @Test
    void acceptsTlsWithACaAndAClientCertificate() {
        MqttConfig c = base().withBroker("ssl://broker.local:8883").withTls(Path.of("ca.pem"), Path.of("c.pem"), Path.of("k.pem"));

        assertThat(c.tls()).isTrue();
    }

    @Test
    void refusesWhatCannotWork() {
        assertThatThrownBy(() -> base().withBroker("http://broker:1883"))
                .hasMessageContaining("must start with tcp:// or ssl://");
        assertThatThrownBy(() -> base().withBroker("tcp://"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base().withCredentials(null, "secret"))
                .hasMessage("a broker password needs a username");
        assertThatThrownBy(() -> base().withTls(Path.of("ca.pem"), null, null))
                .hasMessageContaining("needs an ssl:// broker URL");
        assertThatThrownBy(() -> base().withBroker("ssl://b:8883").withTls(null, Path.of("c.pem"), null))
                .hasMessageContaining("needs its key");
        assertThatThrownBy(() -> base().withBands(List.of("Red", "red!")))
                .hasMessageContaining("two bands have the same topic name \"red\"");
        assertThatThrownBy(() -> base().withForceRate(0)).hasMessageContaining("force rate");
        assertThatThrownBy(() -> base().withForceRate(500)).hasMessageContaining("force rate");
        assertThatThrownBy(() -> base().withTopicPrefix("iso/#")).hasMessageContaining("wildcards");
        assertThatThrownBy(() -> base().withClientId("")).hasMessageContaining("client id");
        assertThatThrownBy(() -> MqttConfig.of("tcp://b", "!!!", List.of(), OUTBOX)).hasMessageContaining("no letters or digits");
    }
}
