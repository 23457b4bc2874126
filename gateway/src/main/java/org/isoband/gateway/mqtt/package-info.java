/**
 * Publishing over MQTT (the contract in docs/mqtt.md). The rest of the gateway sees only
 * {@link org.isoband.gateway.mqtt.EventPublisher}; {@link org.isoband.gateway.mqtt.MqttPublisher} implements
 * it by putting parts together on one {@link org.isoband.gateway.mqtt.PublisherLoop} thread:
 * <ul>
 *   <li>{@link org.isoband.gateway.mqtt.MqttConnection}: the connection, one
 *       {@link org.isoband.gateway.mqtt.ConnectionState}, one {@link org.isoband.core.retry.Backoff}, over an
 *       {@link org.isoband.gateway.mqtt.MqttTransport} (Eclipse Paho);</li>
 *   <li>{@link org.isoband.gateway.mqtt.OutboxDrain}: the ack bookkeeping, from the durable SQLite
 *       {@link org.isoband.gateway.mqtt.Outbox} to the broker's PUBACK (window, acks, reason codes, the memory
 *       fallback), written against {@link org.isoband.gateway.mqtt.PublishChannel} and tested without a broker;</li>
 *   <li>{@link org.isoband.gateway.mqtt.Availability} (retained state and the data heartbeat),
 *       {@link org.isoband.gateway.mqtt.HomeAssistantAnnouncer} (Home Assistant: the
 *       {@link org.isoband.gateway.mqtt.HomeAssistantDiscovery} configs, the cleanup from the retained configs,
 *       the gateway's diagnostics) and
 *       {@link org.isoband.gateway.mqtt.ForceStream} (live force, rate-limited, dropped when late).</li>
 * </ul>
 * {@link org.isoband.gateway.mqtt.BandMessages} turns a session's decisions into messages, fed by
 * {@link org.isoband.gateway.mqtt.MqttSessionObserver} from the gateway's session loop, never waiting on the
 * network or the disk.
 */
package org.isoband.gateway.mqtt;
