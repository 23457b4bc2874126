package org.isoband.gateway.mqtt;

import java.time.Duration;

/**
 * A broker connection of one MQTT protocol version: {@link Paho5Transport} (MQTT 5, the default) or
 * {@link Paho3Transport} (MQTT 3.1.1, for old brokers). It only does what it is told; when to connect again is
 * {@link MqttConnection}'s business.
 */
interface MqttTransport extends PublishChannel {

    /** What the broker tells us; called on the client's threads. */
    interface Events {
        /**
         * @param sessionPresent the broker still had our session
         * @param receiveMaximum QoS 1 publishes the broker accepts in flight at once (65535 when it sets none)
         */
        void connected(boolean sessionPresent, int receiveMaximum);

        void connectFailed(Throwable cause);

        void lost(Throwable cause);

        void message(String topic, byte[] payload);
    }

    /** Starts connecting; the outcome arrives as {@link Events#connected} or {@link Events#connectFailed}. */
    void connect(Events events);

    /** Subscribes at {@code qos}; a refusal is logged by the transport (it is not worth a retry). */
    void subscribe(String filter, int qos);

    /** Publishes at QoS 1 and waits for the acknowledgement, at most {@code timeout}: the last words. */
    boolean publishAndWait(String topic, byte[] payload, boolean retained, Duration timeout);

    /** Disconnects cleanly (the broker discards the Last Will), waiting at most {@code timeout}. */
    void disconnect(Duration timeout);

    /** Frees the client; after a clean disconnect, or instead of one when not connected. */
    void close();

    /** Which protocol, for logs: "MQTT 5" or "MQTT 3.1.1". */
    String protocol();
}
