package org.isoband.dashboard.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import org.isoband.core.mqtt.MqttProtocol;
import org.isoband.core.retry.Backoff;
import org.isoband.core.tls.PemTls;
import org.isoband.dashboard.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's MQTT client (Eclipse Paho, MQTT 5 or 3.1.1 as {@code mqtt.protocol} says, through a
 * {@link SubscriberClient}): subscribes to the contract's topics and hands every message to the {@link Ingest}.
 *
 * <p>It uses a persistent session (clean start off with a session expiry under MQTT 5, clean session off under
 * 3.1.1; a client id stable for one database) so that while the
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

        /** For ssl://: the PEM files given, or the JVM's trust store. */
        SSLSocketFactory socketFactory() {
            return caFile != null || clientCert != null ? PemTls.socketFactory(caFile, clientCert, clientKey)
                    : (SSLSocketFactory) SSLSocketFactory.getDefault();
        }

        @Override
        public String toString() {
            return "Broker[" + url + ", clientId=" + clientId + ", username=" + username + ", password="
                    + (password == null ? "none" : "***") + ", caFile=" + caFile + ", clientCert=" + clientCert + "]";
        }
    }

    private final Broker broker;
    private final MqttProtocol protocol;
    private final Ingest ingest;
    private final Backoff.Attempts attempts;
    private final Thread connector;
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private final Object signal = new Object();
    private final Resync resync;
    private final ReplayRequests replays;
    private volatile SubscriberClient client;
    private volatile boolean closed;
    private volatile boolean connected;

    public MqttSubscriber(Broker broker, Ingest ingest) {
        this(broker, MqttProtocol.V5, ingest, Backoff.DEFAULT);
    }

    public MqttSubscriber(Broker broker, MqttProtocol protocol, Ingest ingest) {
        this(broker, protocol, ingest, Backoff.DEFAULT);
    }

    /**
     * @param protocol MQTT 5, or 3.1.1 for a broker without it (then a refused replay request goes unnoticed)
     * @param backoff  the waits between attempts to reach the broker
     */
    public MqttSubscriber(Broker broker, MqttProtocol protocol, Ingest ingest, Backoff backoff) {
        this.broker = broker;
        this.protocol = protocol;
        this.ingest = ingest;
        this.attempts = backoff.attempts(new Random());
        this.client = newClient(); // a bad URL is refused here, before anything starts
        this.replays = new ReplayRequests((topic, payload, done) -> client.publish(topic, payload, done), ReplayRequests.RETRY);
        this.resync = new Resync(ingest.prefix(), ingest.store(), replays::send, java.time.Clock.systemUTC());
        ingest.observeSequence(resync::seen);
        this.connector = new Thread(this::connectUntilClosed, "dashboard-mqtt-connect");
        connector.setDaemon(true);
    }

    private SubscriberClient newClient() {
        return protocol == MqttProtocol.V5 ? new Paho5Client(broker) : new Paho3Client(broker);
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

    /** Replay requests the broker refused since the start (MQTT 5 only: 3.1.1 cannot tell). */
    public long replayRefusals() {
        return replays.refusals();
    }

    /**
     * Connects, and after every loss connects again, waiting the backoff between failed attempts. Every attempt has
     * a client of its own: Paho 1.2.5 reused after a connection lost during CONNECT sends a second CONNECT (the
     * gateway found it), and what matters of the session is the broker's, not the client's.
     */
    private void connectUntilClosed() {
        String lastProblem = null;
        boolean first = true;
        while (!closed) {
            if (!first) {
                client.close();
                client = newClient();
            }
            first = false;
            try {
                boolean sessionPresent = client.connect(new Listener());
                connected = true;
                attempts.reset();
                lastProblem = null;
                log.info("MQTT broker {}: connected with {}{}", broker.url(), protocol == MqttProtocol.V5 ? "MQTT 5" : "MQTT 3.1.1",
                        sessionPresent ? " (session kept)" : " (no session: asking gateways to replay)");
                resync.connected(sessionPresent);
                subscribe();
                synchronized (signal) {
                    while (connected && !closed) {
                        signal.wait();
                    }
                }
                continue; // lost: the first retry comes after the shortest wait
            } catch (SubscriberClient.BrokerException e) {
                if (closed) {
                    return;
                }
                if (!e.getMessage().equals(lastProblem)) {
                    log.warn("MQTT broker {}: {}; retrying in the background", broker.url(), e.getMessage());
                    lastProblem = e.getMessage();
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

    private void subscribe() throws SubscriberClient.BrokerException {
        String[] filters = Topic.filters(ingest.prefix());
        List<String> refused = client.subscribe(filters, Topic.qos());
        for (String filter : refused) {
            log.warn("MQTT broker {}: subscription to {} refused (check the broker's access rules)", broker.url(), filter);
        }
        log.info("MQTT broker {}: subscribed to {}", broker.url(), String.join(", ", filters));
        subscribed.countDown();
    }

    private final class Listener implements SubscriberClient.Listener {
        @Override
        public void lost(String why) {
            if (!closed) {
                log.warn("MQTT broker {}: connection lost ({}), reconnecting", broker.url(), why);
            }
            synchronized (signal) {
                connected = false;
                signal.notifyAll();
            }
        }

        @Override
        public void message(String topic, byte[] payload) throws StoreException {
            try {
                ingest.accept(topic, payload);
                resync.arrived(topic, payload);
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
    }

    @Override
    public void close() {
        closed = true;
        connector.interrupt();
        replays.close();
        client.close();
        connected = false;
    }
}
