package org.isoband.dashboard.ingest;

import java.util.List;
import java.util.function.Consumer;
import org.isoband.core.mqtt.MqttProtocol;
import org.isoband.core.mqtt.PublishResult;
import org.isoband.dashboard.store.StoreException;

/**
 * One connection of the dashboard to its broker, in one MQTT version: {@link Paho5Client} (MQTT 5, the default) or
 * {@link Paho3Client} ({@code mqtt.protocol: 3.1.1}). {@link MqttSubscriber} makes a new one for every attempt and
 * decides when to try again; connect and subscribe block its connector thread, the answers to replay requests
 * arrive later on the client's thread.
 *
 * <p>The gateway has a transport of its own ({@code gateway.mqtt.MqttTransport}): it publishes a window of events
 * asynchronously with a Last Will, where the dashboard subscribes, acknowledges by returning and publishes a
 * request now and then. What the two share is the protocol's words, in {@code core.mqtt}.
 */
interface SubscriberClient {

    /** What the broker sends; called on the client's thread. */
    interface Listener {
        /** A message; throwing leaves it unacknowledged, and the broker delivers it again on the next connection. */
        void message(String topic, byte[] payload) throws StoreException;

        /** The connection is gone (not called after {@link #close()}). */
        void lost(String why);
    }

    /**
     * Connects and waits for the broker's answer.
     *
     * @return whether the broker still had this client's session (MQTT 5 and 3.1.1 both say so in the CONNACK)
     */
    boolean connect(Listener listener) throws BrokerException;

    /** Subscribes to {@code filters} at {@code qos} and waits; returns the filters the broker refused. */
    List<String> subscribe(String[] filters, int[] qos) throws BrokerException;

    /**
     * Publishes at QoS 1, not retained; {@code done} hears what became of it. Under MQTT 3.1.1 a refusal cannot be
     * told from success: it is {@link PublishResult.Accepted} too.
     */
    void publish(String topic, byte[] payload, Consumer<PublishResult> done);

    /** Disconnects cleanly when connected, and frees the client. */
    void close();

    MqttProtocol protocol();

    /** The broker could not be reached or refused us; the message says why in a user's words. */
    final class BrokerException extends Exception {
        BrokerException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A Paho failure as one line: its text, its code, its cause, and what to check for the usual TLS mistakes. */
    static String describe(Throwable e, int code) {
        Throwable cause = e.getCause();
        String text = e.getMessage() + " (code " + code + ")"
                + (cause != null && cause != e && cause.getMessage() != null ? ": " + cause.getMessage() : "");
        if (text.contains("PKIX path")) {
            return "TLS: the broker's certificate is not signed by a trusted CA (check mqtt.ca_file): " + text;
        }
        return text;
    }
}
