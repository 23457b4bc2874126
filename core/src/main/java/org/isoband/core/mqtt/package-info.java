/**
 * The MQTT protocol's words that the gateway and the dashboard share, without a client library: which version is
 * spoken ({@link org.isoband.core.mqtt.MqttProtocol}, {@code mqtt.protocol}), a broker's reason code
 * ({@link org.isoband.core.mqtt.ReasonCode}) and what became of one publish
 * ({@link org.isoband.core.mqtt.PublishResult}). Each module keeps its own Paho glue: their uses of a connection
 * differ (docs/mqtt.md).
 */
package org.isoband.core.mqtt;
