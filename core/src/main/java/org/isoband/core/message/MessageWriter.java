package org.isoband.core.message;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes the fields of one JSON message the same way for every kind: instants as ISO-8601 UTC to the
 * millisecond, numbers rounded to what the sensors resolve, and non-finite numbers as null (JSON has no NaN).
 */
final class MessageWriter {
    private final ObjectNode node = MessageReader.MAPPER.createObjectNode();

    MessageWriter(int schema) {
        node.put("schema", schema);
    }

    /** A nested object's fields (no schema version of its own). */
    MessageWriter() {
    }

    /** A nested object, or null. */
    MessageWriter object(String field, MessageWriter inner) {
        if (inner == null) {
            node.putNull(field);
        } else {
            node.set(field, inner.node);
        }
        return this;
    }

    MessageWriter text(String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
        return this;
    }

    MessageWriter integer(String field, Integer value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value.intValue());
        }
        return this;
    }

    MessageWriter integer(String field, long value) {
        node.put(field, value);
        return this;
    }

    MessageWriter number(String field, double value, int decimals) {
        if (Double.isFinite(value)) {
            node.put(field, round(value, decimals));
        } else {
            node.putNull(field);
        }
        return this;
    }

    MessageWriter instant(String field, Instant value) {
        node.put(field, instant(value));
        return this;
    }

    MessageWriter numbers(String field, double[] values, int decimals) {
        var array = node.putArray(field);
        for (double v : values) {
            array.add(round(v, decimals));
        }
        return this;
    }

    com.fasterxml.jackson.databind.node.ArrayNode array(String field) {
        return node.putArray(field);
    }

    ObjectNode object(String field) {
        return node.putObject(field);
    }

    String json() {
        return node.toString();
    }

    static String instant(Instant value) {
        return value.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
