package org.isoband.dashboard.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.isoband.core.mqtt.MqttProtocol;
import org.isoband.core.mqtt.PublishResult;
import org.isoband.dashboard.store.StoreException;

/**
 * MQTT 3.1.1 through Paho's {@code mqttv3} ({@code mqtt.protocol: 3.1.1}, the demo's Moquette 0.17). What it cannot
 * tell (docs/mqtt.md): a replay request the broker's rules refuse is acknowledged like one it took, so the
 * dashboard believes it asked; the session never expires (clean session off keeps it until the broker forgets it).
 */
final class Paho3Client implements SubscriberClient {
    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private volatile boolean closed;

    Paho3Client(MqttSubscriber.Broker broker) {
        try {
            // In memory: the QoS 1 state that matters lives in the broker's persistent session.
            client = new MqttAsyncClient(broker.url(), broker.clientId(), new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use the broker " + broker.url() + ": " + e.getMessage(), e);
        }
        options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(false);
        options.setAutomaticReconnect(false); // MqttSubscriber's starts at 0.5 s, with jitter
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        if (broker.username() != null) {
            options.setUserName(broker.username());
            if (broker.password() != null) {
                options.setPassword(broker.password().toCharArray());
            }
        }
        if (broker.url().startsWith("ssl://")) {
            options.setHttpsHostnameVerificationEnabled(true);
            options.setSocketFactory(broker.socketFactory());
        }
    }

    @Override
    public MqttProtocol protocol() {
        return MqttProtocol.V3_1_1;
    }

    @Override
    public boolean connect(Listener listener) throws BrokerException {
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                if (!closed) {
                    listener.lost(String.valueOf(cause.getMessage()));
                }
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) throws StoreException {
                listener.message(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // each publish has its own listener
            }
        });
        try {
            IMqttToken token = client.connect(options);
            token.waitForCompletion(15_000);
            return token.getSessionPresent();
        } catch (MqttException e) {
            throw new BrokerException(SubscriberClient.describe(e, e.getReasonCode()), e);
        }
    }

    @Override
    public List<String> subscribe(String[] filters, int[] qos) throws BrokerException {
        try {
            IMqttToken token = client.subscribe(filters, qos);
            token.waitForCompletion(15_000);
            int[] granted = token.getGrantedQos();
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < granted.length && i < filters.length; i++) {
                if (granted[i] == 0x80) {
                    refused.add(filters[i]);
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
            client.publish(topic, payload, 1, false, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    done.accept(PublishResult.Accepted.OK); // 3.1.1: a refusal looks the same
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    done.accept(new PublishResult.Unanswered(String.valueOf(cause.getMessage())));
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
