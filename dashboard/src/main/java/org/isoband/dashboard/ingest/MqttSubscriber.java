package org.isoband.dashboard.ingest;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.isoband.core.retry.Backoff;
import org.isoband.core.tls.PemTls;
import org.isoband.dashboard.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's MQTT client (Eclipse Paho): subscribes to the contract's topics and hands every message to the
 * {@link Ingest}.
 *
 * <p>It uses a persistent session (clean session off, a client id stable for one database) so that while the
 * dashboard is stopped the broker keeps the QoS 1 rep events for it; together with the gateways' outboxes and the
 * de-duplication by id, nothing is lost and nothing counted twice. It reconnects by itself with the project's
 * {@link Backoff} from 0.5 s (not Paho's 1-2-4-8-16 s): a broker that restarts is back within a second, and a
 * gateway that reconnected first has less time to publish into a broker that has no session for us yet.
 */
public final class MqttSubscriber implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MqttSubscriber.class);

    /**
     * Where and how to connect.
     *
     * @param url        {@code tcp://host:1883} or {@code ssl://host:8883}
     * @param clientId   this dashboard's client id (stable across restarts, so the broker keeps its session)
     * @param username   null when the broker allows anonymous clients
     * @param password   null without a username
     * @param caFile     PEM CA to trust for ssl:// instead of the JVM's trust store, or null
     * @param clientCert PEM client certificate for mutual TLS, or null
     * @param clientKey  its PKCS#8 PEM key, or null
     */
    public record Broker(String url, String clientId, String username, String password, Path caFile, Path clientCert,
                         Path clientKey) {
        public Broker {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(clientId, "clientId");
            if (!url.startsWith("tcp://") && !url.startsWith("ssl://")) {
                throw new IllegalArgumentException("a broker URL starts with tcp:// or ssl://, got \"" + url + "\"");
            }
        }

        public Broker(String url, String clientId, String username, String password) {
            this(url, clientId, username, password, null, null, null);
        }

        @Override
        public String toString() {
            return "Broker[" + url + ", clientId=" + clientId + ", username=" + username + ", password="
                    + (password == null ? "none" : "***") + ", caFile=" + caFile + ", clientCert=" + clientCert + "]";
        }
    }

    private final Broker broker;
    private final Ingest ingest;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final Backoff.Attempts attempts;
    private final Thread connector;
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private final Object signal = new Object();
    private final Resync resync;
    private volatile boolean closed;
    private volatile boolean connected;

    public MqttSubscriber(Broker broker, Ingest ingest) {
        this(broker, ingest, Backoff.DEFAULT);
    }

    /** @param backoff the waits between attempts to reach the broker */
    public MqttSubscriber(Broker broker, Ingest ingest, Backoff backoff) {
        this.broker = broker;
        this.ingest = ingest;
        this.attempts = backoff.attempts(new Random());
        try {
            // In memory: the QoS 1 state that matters lives in the broker's persistent session, and a file store
            // would litter the working folder.
            this.client = new MqttAsyncClient(broker.url(), broker.clientId(), new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use the broker " + broker.url() + ": " + e.getMessage(), e);
        }
        this.options = options(broker);
        this.resync = new Resync(ingest.prefix(), ingest.store(), (topic, payload) -> {
            try {
                client.publish(topic, payload, 1, false);
            } catch (MqttException e) {
                log.warn("MQTT broker {}: cannot ask for a replay on {}: {}", broker.url(), topic, describe(e));
            }
        }, java.time.Clock.systemUTC());
        ingest.observeSequence(resync::seen);
        client.setCallback(new Callback());
        this.connector = new Thread(this::connectUntilClosed, "dashboard-mqtt-connect");
        connector.setDaemon(true);
    }

    private static MqttConnectOptions options(Broker broker) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(false);
        o.setAutomaticReconnect(false); // ours starts at 0.5 s, with jitter
        o.setKeepAliveInterval(30);
        o.setConnectionTimeout(10);
        if (broker.username() != null) {
            o.setUserName(broker.username());
            if (broker.password() != null) {
                o.setPassword(broker.password().toCharArray());
            }
        }
        if (broker.url().startsWith("ssl://")) {
            o.setHttpsHostnameVerificationEnabled(true);
            o.setSocketFactory(broker.caFile() != null || broker.clientCert() != null
                    ? PemTls.socketFactory(broker.caFile(), broker.clientCert(), broker.clientKey())
                    : (SSLSocketFactory) SSLSocketFactory.getDefault());
        }
        return o;
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

    /** Connects, and after every loss connects again, waiting the backoff between failed attempts. */
    private void connectUntilClosed() {
        String lastProblem = null;
        while (!closed) {
            try {
                IMqttToken token = client.connect(options);
                token.waitForCompletion(15_000);
                connected = true;
                attempts.reset();
                lastProblem = null;
                boolean sessionPresent = token.getSessionPresent();
                log.info("MQTT broker {}: connected{}", broker.url(), sessionPresent ? " (session kept)" : " (no session: asking gateways to replay)");
                resync.connected(sessionPresent);
                subscribe();
                synchronized (signal) {
                    while (connected && !closed) {
                        signal.wait();
                    }
                }
                continue; // lost: the first retry comes after the shortest wait
            } catch (MqttException e) {
                if (closed) {
                    return;
                }
                String problem = describe(e);
                if (!problem.equals(lastProblem)) {
                    log.warn("MQTT broker {}: {}; retrying in the background", broker.url(), problem);
                    lastProblem = problem;
                }
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(attempts.next().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String describe(MqttException e) {
        Throwable cause = e.getCause();
        String text = e.getMessage() + (cause != null && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : "");
        if (text.contains("PKIX path")) {
            return "TLS: the broker's certificate is not signed by a trusted CA (check mqtt.ca_file): " + text;
        }
        return text;
    }

    private void subscribe() throws MqttException {
        String[] filters = Topic.filters(ingest.prefix());
        IMqttToken token = client.subscribe(filters, Topic.qos());
        token.waitForCompletion(15_000);
        int[] granted = token.getGrantedQos();
        for (int i = 0; i < granted.length; i++) {
            if (granted[i] == 0x80) {
                log.warn("MQTT broker {}: subscription to {} refused (check the broker's access rules)", broker.url(), filters[i]);
            }
        }
        log.info("MQTT broker {}: subscribed to {}", broker.url(), String.join(", ", filters));
        subscribed.countDown();
    }

    private final class Callback implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            if (!closed) {
                log.warn("MQTT broker {}: connection lost ({}), reconnecting", broker.url(), cause.getMessage());
            }
            synchronized (signal) {
                connected = false;
                signal.notifyAll();
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws StoreException {
            try {
                ingest.accept(topic, message.getPayload());
                resync.arrived(topic, message.getPayload());
            } catch (StoreException e) {
                // Transient (the database is down): not acknowledged; Paho drops the connection, we reconnect, and
                // the broker delivers it again. Permanent refusals never get here (the dead letters take them).
                log.warn("could not store the message on {}, it will be delivered again: {}", topic, e.getMessage());
                throw e;
            } catch (RuntimeException e) {
                // A bug of ours on one message must not stop the stream: throwing here would make the broker
                // redeliver the same message forever.
                log.error("message on {} dropped by an unexpected error", topic, e);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // only replay requests are published, fire and forget at QoS 1
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
            log.debug("disconnecting from {}: {}", broker.url(), e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            log.debug("closing the MQTT client: {}", e.getMessage());
        }
        connected = false;
    }
}
