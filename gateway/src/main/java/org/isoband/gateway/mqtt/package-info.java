/**
 * Publishing over MQTT (the contract in docs/mqtt.md). The rest of the gateway sees only
 * {@link org.isoband.gateway.mqtt.EventPublisher}; {@link org.isoband.gateway.mqtt.MqttPublisher} implements
 * it with Eclipse Paho (MQTT 3.1.1) on one publisher thread: rep events and session summaries go through the
 * durable SQLite {@link org.isoband.gateway.mqtt.Outbox} and are marked sent only on the broker's PUBACK;
 * force batches are rate-limited and dropped (and counted) when the link is slow; state and status are
 * retained; Home Assistant discovery configs are announced per configured band and removed with the band.
 * {@link org.isoband.gateway.mqtt.BandMessages} turns a session's decisions into messages, fed by
 * {@link org.isoband.gateway.mqtt.MqttSessionObserver} from the gateway's session loop, never waiting on the
 * network or the disk.
 */
package org.isoband.gateway.mqtt;
