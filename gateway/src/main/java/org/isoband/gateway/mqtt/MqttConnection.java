package org.isoband.gateway.mqtt;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.isoband.core.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker connection: one {@link ConnectionState}, changed only on the {@link PublisherLoop}, and one
 * {@link Backoff} between attempts (never Paho's automatic reconnect). It tells its {@link Listener} when it is
 * up and when it went down; what to publish then is the listener's business.
 */
final class MqttConnection {
    private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);

    /** Called on the loop. */
    interface Listener {
        void connected(boolean sessionPresent, int receiveMaximum);

        void disconnected();

        void message(String topic, byte[] payload);
    }

    private final MqttTransport transport;
    private final PublisherLoop loop;
    private final Backoff.Attempts attempts;
    private final String brokerUrl;
    private final LongSupplier waiting;
    private final Listener listener;
    private ConnectionState state = ConnectionState.WAITING_TO_RETRY;
    /** Which attempt the transport's events belong to: a late answer to an abandoned attempt is ignored. */
    private int generation;
    private volatile boolean connectedNow;

    /**
     * @param waiting how many events wait to be published, for the log lines
     */
    MqttConnection(MqttTransport transport, PublisherLoop loop, Backoff backoff, RandomGenerator random,
                   String brokerUrl, LongSupplier waiting, Listener listener) {
        this.transport = transport;
        this.loop = loop;
        this.attempts = backoff.attempts(random);
        this.brokerUrl = brokerUrl;
        this.waiting = waiting;
        this.listener = listener;
    }

    ConnectionState state() {
        return state;
    }

    /** Readable from any thread. */
    boolean connectedNow() {
        return connectedNow;
    }

    MqttTransport transport() {
        return transport;
    }

    /** Dials the broker; on the loop. */
    void connect() {
        if (state != ConnectionState.WAITING_TO_RETRY) {
            return;
        }
        state = ConnectionState.CONNECTING;
        int attempt = ++generation;
        transport.connect(new MqttTransport.Events() {
            @Override
            public void connected(boolean sessionPresent, int receiveMaximum) {
                loop.execute(() -> onConnected(attempt, sessionPresent, receiveMaximum));
            }

            @Override
            public void connectFailed(Throwable cause) {
                loop.execute(() -> onDown(attempt, "cannot connect to", cause));
            }

            @Override
            public void lost(Throwable cause) {
                loop.execute(() -> onDown(attempt, "lost the connection to", cause));
            }

            @Override
            public void message(String topic, byte[] payload) {
                loop.execute(() -> {
                    if (attempt == generation && state == ConnectionState.CONNECTED) {
                        listener.message(topic, payload);
                    }
                });
            }
        });
    }

    private void onConnected(int attempt, boolean sessionPresent, int receiveMaximum) {
        if (attempt != generation || state != ConnectionState.CONNECTING) {
            return;
        }
        state = ConnectionState.CONNECTED;
        connectedNow = true;
        attempts.reset();
        log.info("mqtt: connected to {} with {}{}; {} event(s) to publish", brokerUrl, transport.protocol(),
                sessionPresent ? " (session kept)" : "", waiting.getAsLong());
        listener.connected(sessionPresent, receiveMaximum);
    }

    private void onDown(int attempt, String what, Throwable cause) {
        if (attempt != generation || state == ConnectionState.CLOSED || state == ConnectionState.WAITING_TO_RETRY) {
            return;
        }
        boolean wasUp = state == ConnectionState.CONNECTED;
        state = ConnectionState.WAITING_TO_RETRY;
        connectedNow = false;
        Duration delay = attempts.next();
        log.warn("mqtt: {} {}: {}; retrying in {} ms ({} event(s) wait in the outbox)", what, brokerUrl,
                describe(cause), delay.toMillis(), waiting.getAsLong());
        if (wasUp) {
            listener.disconnected();
        }
        loop.schedule(this::connect, delay);
    }

    /** Says goodbye: the last words (published and acknowledged, or not, within the timeout), then disconnects. */
    void close(Runnable lastWords, Duration timeout) {
        if (state == ConnectionState.CONNECTED) {
            lastWords.run();
            transport.disconnect(timeout);
        } else {
            transport.disconnect(Duration.ZERO);
        }
        state = ConnectionState.CLOSED;
        connectedNow = false;
        generation++;
        transport.close();
    }

    /** One line for a log: the client's reason and the underlying cause (connection refused, not authorized...). */
    static String describe(Throwable t) {
        if (t == null) {
            return "no reason given";
        }
        StringBuilder s = new StringBuilder(String.valueOf(t.getMessage()));
        if (t instanceof org.eclipse.paho.client.mqttv3.MqttException m) {
            s.append(" (code ").append(m.getReasonCode()).append(')');
        } else if (t instanceof org.eclipse.paho.mqttv5.common.MqttException m) {
            s.append(" (code ").append(m.getReasonCode()).append(')');
            if (m.getReasonCode() == 0x84 || m.getReasonCode() == 50001) {
                // 50001 (Paho's "Invalid Return code"): a 3.1.1 broker's CONNACK refusing version 5 (Moquette 0.17)
                s.append("; the broker does not speak MQTT 5: set mqtt.protocol: 3.1.1");
            }
        }
        if (t.getCause() != null && t.getCause() != t && t.getCause().getMessage() != null) {
            s.append(": ").append(t.getCause().getMessage());
        }
        String text = s.toString();
        if (text.contains("PKIX path")) {
            return "TLS: the broker's certificate is not signed by a trusted CA (check caFile): " + text;
        }
        if (text.contains("No subject alternative") || text.contains("No name matching")) {
            return "TLS: the broker's certificate does not name the host in the broker URL: " + text;
        }
        return text;
    }
}
