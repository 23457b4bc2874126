package org.isoband.gateway.mqtt;

/** Where the publisher's broker connection is; {@link MqttConnection} moves between these and nothing else. */
public enum ConnectionState {
    /** Dialling the broker. */
    CONNECTING,
    /** Connected: events are published. */
    CONNECTED,
    /** The last attempt failed or the connection dropped; the next attempt is scheduled by the backoff. */
    WAITING_TO_RETRY,
    /** Closed for good. */
    CLOSED
}
