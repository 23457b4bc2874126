/**
 * What the gateway publishes over MQTT, as values with their JSON form (the MQTT contract v1 in
 * docs/mqtt.md, one JSON Schema per payload in docs/schemas/): {@link org.isoband.core.message.RepMessage},
 * {@link org.isoband.core.message.StateMessage}, {@link org.isoband.core.message.ForceBatch} and
 * {@link org.isoband.core.message.SessionSummary} and {@link org.isoband.core.message.MaxTestMessage}. They live in core because the gateway writes them and the
 * dashboard, which depends on core only, reads them. Reading malformed JSON throws
 * {@link org.isoband.core.message.MessageFormatException} naming the field.
 */
package org.isoband.core.message;
