package org.isoband.gateway.mqtt;

import org.isoband.core.mqtt.PublishResult;

import org.isoband.core.mqtt.ReasonCode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MQTT 5 through Paho's {@code mqttv5} client (the default). What it adds over 3.1.1 and why:
 * <ul>
 *   <li>PUBACK reason codes: a publish the broker's access rules refuse comes back 0x87, and the outbox keeps
 *       it ({@link PublishResult.Refused}) instead of marking it sent.</li>
 *   <li>A session that outlives a blip ({@link #SESSION_EXPIRY}) and a Last Will delayed by
 *       {@link #WILL_DELAY}: a Wi-Fi hiccup of a few seconds does not flip the gateway's status to offline
 *       and back, and replay requests sent while it was away are queued for it.</li>
 * </ul>
 */
final class Paho5Transport implements MqttTransport {
    private static final Logger log = LoggerFactory.getLogger(Paho5Transport.class);
    static final Duration SESSION_EXPIRY = Duration.ofMinutes(10);
    static final Duration WILL_DELAY = Duration.ofSeconds(10);

    private final MqttConfig config;
    /** A new client for every attempt: Paho 1.2.5 reused after a connection lost mid-CONNECT sent a second
     *  CONNECT on the same socket, and Mosquitto dropped it for a protocol error. Our outbox, not Paho, holds
     *  what is unsent, so nothing is lost by throwing a client away. */
    private volatile MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private boolean attempted;
    private final InflightGate gate = new InflightGate(this::send);

    Paho5Transport(MqttConfig config) {
        this.config = config;
        client = newClient(config);
        options = new MqttConnectionOptions();
        // Durability comes from the outbox; the session only bridges blips (subscriptions, queued requests).
        options.setCleanStart(false);
        options.setSessionExpiryInterval(SESSION_EXPIRY.toSeconds());
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        MqttMessage will = new MqttMessage("offline".getBytes(StandardCharsets.UTF_8));
        will.setQos(1);
        will.setRetained(true);
        options.setWill(config.topics().status(), will);
        MqttProperties willProperties = new MqttProperties();
        willProperties.setWillDelayInterval(WILL_DELAY.toSeconds());
        options.setWillMessageProperties(willProperties);
        if (config.username() != null) {
            options.setUserName(config.username());
        }
        if (config.password() != null) {
            options.setPassword(config.password().getBytes(StandardCharsets.UTF_8));
        }
        options.setHttpsHostnameVerificationEnabled(true);
        options.setSocketFactory(config.tls() ? NoDelaySockets.tls(Paho3Transport.tlsFactory(config)) : NoDelaySockets.plain());
    }

    private static MqttAsyncClient newClient(MqttConfig config) {
        try {
            return new MqttAsyncClient(config.brokerUrl(), config.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("broker URL " + config.brokerUrl() + ": " + e.getMessage(), e);
        }
    }

    /** Each client tells only the attempt it was made for: a dropped client's late words go nowhere. */
    private static void listen(MqttAsyncClient c, Events events) {
        c.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
                Throwable cause = response.getException();
                events.lost(cause != null ? cause : new IllegalStateException("the broker disconnected: "
                        + new ReasonCode(response.getReturnCode()) + (response.getReasonString() == null ? "" : ", " + response.getReasonString())));
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
                log.warn("mqtt: {}", MqttConnection.describe(exception));
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                events.message(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
                // Each publish has its own listener.
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                // Reported through the connect listener.
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
                // No enhanced authentication.
            }
        });
    }

    @Override
    public String protocol() {
        return "MQTT 5";
    }

    @Override
    public void connect(Events listener) {
        MqttAsyncClient old = client;
        if (attempted) {
            try {
                old.disconnectForcibly(0, 100, false);
            } catch (MqttException e) {
                log.debug("mqtt: dropping the previous client: {}", MqttConnection.describe(e));
            }
            try {
                old.close(true);
            } catch (MqttException e) {
                log.debug("mqtt: closing the previous client: {}", MqttConnection.describe(e));
            }
            client = newClient(config);
        }
        attempted = true;
        listen(client, listener);
        try {
            client.connect(options, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    MqttProperties p = token.getResponseProperties();
                    Integer max = p == null ? null : p.getReceiveMaximum();
                    gate.connected(max == null ? 65_535 : max);
                    listener.connected(token.getSessionPresent(), max == null ? 65_535 : max);
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
        gate.publish(topic, payload, qos, retained, done);
    }

    private void send(String topic, byte[] payload, int qos, boolean retained, Consumer<PublishResult> done) {
        try {
            client.publish(topic, payload, qos, retained, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    done.accept(result(token.getReasonCodes()));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    if (cause instanceof MqttException m && m.getReasonCode() >= 0x80 && m.getReasonCode() <= 0xFF) {
                        done.accept(new PublishResult.Refused(new ReasonCode(m.getReasonCode())));
                    } else {
                        done.accept(new PublishResult.Unanswered(MqttConnection.describe(cause)));
                    }
                }
            });
        } catch (MqttException e) {
            log.debug("mqtt: publish to {} failed: {}", topic, MqttConnection.describe(e));
            done.accept(new PublishResult.Unanswered(MqttConnection.describe(e)));
        }
    }

    /** A PUBACK's reason code: QoS 0 has none (written is all there is). */
    static PublishResult result(int[] reasonCodes) {
        if (reasonCodes == null || reasonCodes.length == 0) {
            return PublishResult.Accepted.OK;
        }
        ReasonCode code = new ReasonCode(reasonCodes[0] & 0xFF);
        return code.refusal() ? new PublishResult.Refused(code) : new PublishResult.Accepted(code);
    }

    @Override
    public void subscribe(String filter, int qos) {
        try {
            client.subscribe(filter, qos, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    PublishResult r = result(token.getReasonCodes());
                    if (r instanceof PublishResult.Refused no) {
                        log.warn("mqtt: the broker refused the subscription to {}: {}", filter, no.reason());
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    log.warn("mqtt: cannot subscribe to {}: {}", filter, MqttConnection.describe(cause));
                }
            });
        } catch (MqttException e) {
            log.warn("mqtt: cannot subscribe to {}: {}", filter, MqttConnection.describe(e));
        }
    }

    @Override
    public boolean publishAndWait(String topic, byte[] payload, boolean retained, Duration timeout) {
        try {
            IMqttToken token = client.publish(topic, payload, 1, retained);
            token.waitForCompletion(timeout.toMillis());
            return token.isComplete() && token.getException() == null && result(token.getReasonCodes()) instanceof PublishResult.Accepted;
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
