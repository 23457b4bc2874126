package org.isoband.dashboard.ingest;

import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.isoband.dashboard.store.StoreException;

/**
 * The dashboard's MQTT client (Eclipse Paho): subscribes to the contract's topics and hands every message to the
 * {@link Ingest}.
 *
 * <p>It uses a persistent session (clean session off, a client id stable for one database) so that while the
 * dashboard is stopped the broker keeps the QoS 1 rep events for it; together with the gateways' outboxes and the
 * de-duplication by id, nothing is lost and nothing counted twice. A broker that is not there yet at start is
 * retried in the background with a growing delay; once connected, Paho reconnects by itself.
 */
public final class MqttSubscriber implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttSubscriber.class);
    private static final long MAX_RETRY_MS = 30_000;

    /**
     * Where and how to connect.
     *
     * @param url      {@code tcp://host:1883} or {@code ssl://host:8883}
     * @param clientId this dashboard's client id (stable across restarts, so the broker keeps its session)
     * @param username null when the broker allows anonymous clients
     * @param password null without a username
     */
    public record Broker(String url, String clientId, String username, String password) {
        public Broker {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(clientId, "clientId");
            if (!url.startsWith("tcp://") && !url.startsWith("ssl://")) {
                throw new IllegalArgumentException("a broker URL starts with tcp:// or ssl://, got \"" + url + "\"");
            }
        }

        @Override
        public String toString() {
            return "Broker[" + url + ", clientId=" + clientId + ", username=" + username + ", password="
                    + (password == null ? "none" : "***") + "]";
        }
    }

    private final Broker broker;
    private final Ingest ingest;
    private final MqttAsyncClient client;
    private final Thread connector;
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private volatile boolean closed;
    private volatile boolean connected;

    public MqttSubscriber(Broker broker, Ingest ingest) {
        this.broker = broker;
        this.ingest = ingest;
        try {
            // In memory: the QoS 1 state that matters lives in the broker's persistent session, and a file store
            // would litter the working folder.
            this.client = new MqttAsyncClient(broker.url(), broker.clientId(), new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use the broker " + broker.url() + ": " + e.getMessage(), e);
        }
        client.setCallback(new Callback());
        this.connector = new Thread(this::connectUntilDone, "dashboard-mqtt-connect");
        connector.setDaemon(true);
    }

    /** Starts connecting in the background; returns at once. */
    public MqttSubscriber start() {
        connector.start();
        return this;
    }

    public boolean connected() {
        return connected;
    }

    /** Waits until the first subscription is in place (tests publish only after it). */
    public boolean awaitSubscribed(long timeout, TimeUnit unit) throws InterruptedException {
        return subscribed.await(timeout, unit);
    }

    public String url() {
        return broker.url();
    }

    private void connectUntilDone() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay((int) MAX_RETRY_MS);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        if (broker.username() != null) {
            options.setUserName(broker.username());
            if (broker.password() != null) {
                options.setPassword(broker.password().toCharArray());
            }
        }
        long delay = 1000;
        String lastProblem = null;
        while (!closed) {
            try {
                client.connect(options).waitForCompletion(15_000);
                return;   // from now on Paho's automatic reconnect takes over
            } catch (MqttException e) {
                if (closed) {
                    return;
                }
                String problem = describe(e);
                if (!problem.equals(lastProblem)) {
                    LOG.warn("MQTT broker " + broker.url() + ": " + problem + "; retrying in the background");
                    lastProblem = problem;
                }
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return;
            }
            delay = Math.min(MAX_RETRY_MS, delay * 2);
        }
    }

    private static String describe(MqttException e) {
        Throwable cause = e.getCause();
        return e.getMessage() + (cause != null && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : "");
    }

    private void subscribe() {
        String[] filters = Topic.filters(ingest.prefix());
        try {
            client.subscribe(filters, Topic.qos(), null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    LOG.atInfo().log(() -> "MQTT broker " + broker.url() + ": subscribed to " + String.join(", ", filters));
                    subscribed.countDown();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    LOG.warn("MQTT broker " + broker.url() + ": subscription refused: " + e.getMessage());
                }
            });
        } catch (MqttException e) {
            LOG.warn("MQTT broker " + broker.url() + ": cannot subscribe: " + describe(e));
        }
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            connected = true;
            LOG.atInfo().log(() -> "MQTT broker " + serverUri + (reconnect ? ": reconnected" : ": connected"));
            // The broker keeps a persistent session's subscriptions, but one made by an older version (or lost by
            // a broker without persistence) would not be: subscribing again is harmless.
            subscribe();
        }

        @Override
        public void connectionLost(Throwable cause) {
            connected = false;
            if (!closed) {
                LOG.warn("MQTT broker " + broker.url() + ": connection lost (" + cause.getMessage() + "), reconnecting");
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws StoreException {
            try {
                ingest.accept(topic, message.getPayload());
            } catch (StoreException e) {
                // Not acknowledged: Paho drops the connection, reconnects, and the broker delivers it again.
                LOG.warn("could not store the message on " + topic + ", it will be delivered again: " + e.getMessage());
                throw e;
            } catch (RuntimeException e) {
                // A bug of ours on one message must not stop the stream: throwing here would make the broker
                // redeliver the same message forever.
                LOG.error("message on " + topic + " dropped by an unexpected error", e);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // the dashboard publishes nothing
        }
    }

    @Override
    public void close() {
        closed = true;
        connector.interrupt();
        try {
            if (client.isConnected()) {
                client.disconnect(1000).waitForCompletion(2000);
            }
        } catch (MqttException e) {
            LOG.debug("disconnecting from " + broker.url(), e);
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("closing the MQTT client", e);
        }
        connected = false;
    }
}
