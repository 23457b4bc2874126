package org.isoband.gateway.mqtt;

import org.isoband.core.mqtt.PublishResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MQTT 3.1.1 through Paho's {@code mqttv3} client, for brokers without MQTT 5 ({@code mqtt.protocol: 3.1.1}).
 * What it cannot tell: a 3.1.1 broker acknowledges a publish its access rules refuse with a plain PUBACK, so
 * every PUBACK here is {@link PublishResult.Accepted} and a refused rep is marked sent (only the replay log
 * can bring it back); and there is no will delay, so a network blip shows the gateway offline at once.
 */
final class Paho3Transport implements MqttTransport {
    private static final Logger log = LoggerFactory.getLogger(Paho3Transport.class);

    private final MqttConfig config;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private volatile Events events;

    Paho3Transport(MqttConfig config, int maxInflight) {
        this.config = config;
        try {
            client = new MqttAsyncClient(config.brokerUrl(), config.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("broker URL " + config.brokerUrl() + ": " + e.getMessage(), e);
        }
        options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        // The outbox, not the broker's session, is what makes events durable; a clean session keeps the
        // broker from replaying a stale queue to a gateway that was away for days.
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        options.setMaxInflight(maxInflight);
        options.setWill(config.topics().status(), "offline".getBytes(StandardCharsets.UTF_8), 1, true);
        if (config.username() != null) {
            options.setUserName(config.username());
        }
        if (config.password() != null) {
            options.setPassword(config.password().toCharArray());
        }
        options.setHttpsHostnameVerificationEnabled(true); // the broker's certificate must name the host we dial
        options.setSocketFactory(config.tls() ? NoDelaySockets.tls(tlsFactory(config)) : NoDelaySockets.plain());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                events.lost(cause);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                events.message(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // Each publish has its own listener.
            }
        });
    }

    static SSLSocketFactory tlsFactory(MqttConfig config) {
        if (config.caFile() != null || config.clientCertFile() != null) {
            return org.isoband.core.tls.PemTls.socketFactory(config.caFile(), config.clientCertFile(), config.clientKeyFile());
        }
        return (SSLSocketFactory) SSLSocketFactory.getDefault();
    }

    @Override
    public String protocol() {
        return "MQTT 3.1.1";
    }

    @Override
    public void connect(Events listener) {
        this.events = listener;
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    listener.connected(token.getSessionPresent(), 65_535);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    listener.connectFailed(cause);
                }
            });
        } catch (MqttException e) {
            listener.connectFailed(e);
        }
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained, Consumer<PublishResult> done) {
        try {
            client.publish(topic, payload, qos, retained, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    done.accept(PublishResult.Accepted.OK);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    done.accept(new PublishResult.Unanswered(MqttConnection.describe(cause)));
                }
            });
        } catch (MqttException e) {
            log.debug("mqtt: publish to {} failed: {}", topic, MqttConnection.describe(e));
            done.accept(new PublishResult.Unanswered(MqttConnection.describe(e)));
        }
    }

    @Override
    public void subscribe(String filter, int qos) {
        try {
            client.subscribe(filter, qos);
        } catch (MqttException e) {
            log.warn("mqtt: cannot subscribe to {}: {}", filter, MqttConnection.describe(e));
        }
    }

    @Override
    public boolean publishAndWait(String topic, byte[] payload, boolean retained, Duration timeout) {
        try {
            IMqttToken token = client.publish(topic, payload, 1, retained);
            token.waitForCompletion(timeout.toMillis());
            return token.isComplete() && token.getException() == null;
        } catch (MqttException e) {
            log.warn("mqtt: publishing {}: {}", topic, MqttConnection.describe(e));
            return false;
        }
    }

    @Override
    public void disconnect(Duration timeout) {
        try {
            if (client.isConnected()) {
                client.disconnect(timeout.toMillis()).waitForCompletion(timeout.toMillis() * 2);
            } else {
                client.disconnectForcibly(0, 100, false);
            }
        } catch (MqttException e) {
            log.debug("mqtt: disconnecting from {}: {}", config.brokerUrl(), MqttConnection.describe(e));
        }
    }

    @Override
    public void close() {
        try {
            client.close(true);
        } catch (MqttException e) {
            log.debug("mqtt: close: {}", MqttConnection.describe(e));
        }
    }
}
