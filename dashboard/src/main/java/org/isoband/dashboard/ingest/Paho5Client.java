package org.isoband.dashboard.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.isoband.core.mqtt.MqttProtocol;
import org.isoband.core.mqtt.PublishResult;
import org.isoband.core.mqtt.ReasonCode;
import org.isoband.dashboard.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MQTT 5 through Paho's {@code mqttv5} (the default), for what 3.1.1 cannot tell the dashboard:
 * <ul>
 *   <li>a PUBACK's reason code: a replay request the broker's rules refuse comes back 0x87, and
 *       {@link ReplayRequests} says so and asks again, where under 3.1.1 it would wait for reps that never come;</li>
 *   <li>a session with an expiry ({@link #SESSION_EXPIRY}): the broker keeps the reps for a dashboard that is
 *       stopped for a week, and then forgets it, where a 3.1.1 persistent session is kept forever; a dashboard away
 *       longer finds no session and asks the gateways to replay (their logs keep 30 days).</li>
 * </ul>
 */
final class Paho5Client implements SubscriberClient {
    private static final Logger log = LoggerFactory.getLogger(Paho5Client.class);
    static final Duration SESSION_EXPIRY = Duration.ofDays(7);

    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private volatile boolean closed;

    Paho5Client(MqttSubscriber.Broker broker) {
        try {
            client = new MqttAsyncClient(broker.url(), broker.clientId(), new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use the broker " + broker.url() + ": " + e.getMessage(), e);
        }
        options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(SESSION_EXPIRY.toSeconds());
        options.setAutomaticReconnect(false); // MqttSubscriber's starts at 0.5 s, with jitter
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        if (broker.username() != null) {
            options.setUserName(broker.username());
            if (broker.password() != null) {
                options.setPassword(broker.password().getBytes(StandardCharsets.UTF_8));
            }
        }
        if (broker.url().startsWith("ssl://")) {
            options.setHttpsHostnameVerificationEnabled(true);
            options.setSocketFactory(broker.socketFactory());
        }
    }

    @Override
    public MqttProtocol protocol() {
        return MqttProtocol.V5;
    }

    @Override
    public boolean connect(Listener listener) throws BrokerException {
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
                if (!closed) {
                    Throwable cause = response.getException();
                    listener.lost(cause != null ? String.valueOf(cause.getMessage())
                            : "the broker disconnected: " + new ReasonCode(response.getReturnCode() & 0xFF)
                            + (response.getReasonString() == null ? "" : ", " + response.getReasonString()));
                }
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
                log.warn("MQTT: {}", SubscriberClient.describe(exception, exception.getReasonCode()));
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) throws StoreException {
                listener.message(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
                // each publish has its own listener
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                // connect() waits for it
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
                // no enhanced authentication
            }
        });
        try {
            IMqttToken token = client.connect(options);
            token.waitForCompletion(15_000);
            return token.getSessionPresent();
        } catch (MqttException e) {
            String text = SubscriberClient.describe(e, e.getReasonCode());
            // 0x84: an MQTT 5 broker that refuses version 5; 50001 (Paho's "Invalid Return code"): a 3.1.1 broker's
            // CONNACK refusing the version (Moquette 0.17 answers so).
            if (e.getReasonCode() == 0x84 || e.getReasonCode() == 0x01 || e.getReasonCode() == 50001) {
                text += "; the broker does not speak MQTT 5: set mqtt.protocol: 3.1.1";
            }
            throw new BrokerException(text, e);
        }
    }

    @Override
    public List<String> subscribe(String[] filters, int[] qos) throws BrokerException {
        try {
            IMqttToken token = client.subscribe(filters, qos);
            token.waitForCompletion(15_000);
            int[] codes = token.getReasonCodes();
            List<String> refused = new ArrayList<>();
            for (int i = 0; codes != null && i < codes.length && i < filters.length; i++) {
                if (new ReasonCode(codes[i] & 0xFF).refusal()) {
                    refused.add(filters[i] + " (" + new ReasonCode(codes[i] & 0xFF) + ")");
                }
            }
            return refused;
        } catch (MqttException e) {
            throw new BrokerException(SubscriberClient.describe(e, e.getReasonCode()), e);
        }
    }

    @Override
    public void publish(String topic, byte[] payload, Consumer<PublishResult> done) {
        try {
            client.publish(topic, payload, 1, false, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    ReasonCode code = codes == null || codes.length == 0 ? ReasonCode.SUCCESS : new ReasonCode(codes[0] & 0xFF);
                    done.accept(code.refusal() ? new PublishResult.Refused(code) : new PublishResult.Accepted(code));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    // Paho 1.2.5 fails the token of a PUBACK >= 0x80 with that code as the exception's reason.
                    if (cause instanceof MqttException m && m.getReasonCode() >= 0x80 && m.getReasonCode() <= 0xFF) {
                        done.accept(new PublishResult.Refused(new ReasonCode(m.getReasonCode())));
                    } else {
                        done.accept(new PublishResult.Unanswered(String.valueOf(cause.getMessage())));
                    }
                }
            });
        } catch (MqttException e) {
            done.accept(new PublishResult.Unanswered(SubscriberClient.describe(e, e.getReasonCode())));
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (client.isConnected()) {
                client.disconnect(1000).waitForCompletion(2000);
            } else {
                client.disconnectForcibly(0, 100, false);
            }
        } catch (MqttException e) {
            // closing anyway
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // nothing left to free
        }
    }
}
