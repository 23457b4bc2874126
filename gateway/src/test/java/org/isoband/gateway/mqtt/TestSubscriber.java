package org.isoband.gateway.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A consumer in the test JVM: subscribes at QoS 1 and keeps every message with its retained flag. */
final class TestSubscriber implements AutoCloseable {
    record Received(String topic, String payload, boolean retained) {
    }

    final List<Received> messages = new CopyOnWriteArrayList<>();
    private final String url;
    private final String[] filters;
    private final String clientId;
    private final boolean persistent;
    private MqttClient client;

    /** A subscriber with a clean session: it sees what is published while it is connected, and retained messages. */
    TestSubscriber(String url, String... filters) {
        this(url, false, filters);
    }

    /**
     * @param persistent keep the session on the broker (clean session false): QoS 1 messages published while
     *                   this subscriber is away are queued for it
     */
    TestSubscriber(String url, boolean persistent, String... filters) {
        this.url = url;
        this.filters = filters;
        this.persistent = persistent;
        this.clientId = "test-sub-" + UUID.randomUUID().toString().substring(0, 8);
        connect();
    }

    /**
     * Connects and subscribes, trying up to three times: Moquette 0.17 now and then closes a connection right
     * after accepting it ("SUBSCRIBE received on already closed connection"), which is not what is tested.
     */
    void connect() {
        for (int attempt = 1; ; attempt++) {
            try {
                connectOnce();
                return;
            } catch (IllegalStateException e) {
                if (attempt == 3) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void connectOnce() {
        try {
            if (client != null) {
                client.close(true);
            }
            client = new MqttClient(url, clientId, new MemoryPersistence());
            client.setCallback(new MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    messages.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8), message.isRetained()));
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
            MqttConnectOptions o = new MqttConnectOptions();
            o.setCleanSession(!persistent);
            client.connect(o);
            int[] qos = new int[filters.length];
            java.util.Arrays.fill(qos, 1);
            client.subscribe(filters, qos);
        } catch (MqttException e) {
            throw new IllegalStateException("test subscriber cannot connect to " + url + ": " + e.getMessage(), e);
        }
    }

    List<Received> on(Predicate<String> topic) {
        return messages.stream().filter(m -> topic.test(m.topic())).toList();
    }

    List<String> payloadsEndingWith(String suffix) {
        return on(t -> t.endsWith(suffix)).stream().map(Received::payload).toList();
    }

    /** Waits until the condition holds; false after the timeout. */
    boolean await(Duration timeout, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(500);
            }
            client.close(true);
        } catch (MqttException e) {
            // The broker may already be gone.
        }
    }
}
