package org.isoband.core.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads the fields of one JSON message, turning every missing or mistyped field into a
 * {@link MessageFormatException} that names it, so the message records stay declarative.
 */
final class MessageReader {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final String kind;
    private final JsonNode root;
    private int schema;

    private final String path;

    private MessageReader(String kind, JsonNode root) {
        this(kind, root, "");
    }

    private MessageReader(String kind, JsonNode root, String path) {
        this.kind = kind;
        this.root = root;
        this.path = path;
    }

    /** Parses {@code json} and checks that it is an object of schema version {@code version}. */
    static MessageReader parse(String kind, String json, int version) {
        return parse(kind, json, version, version);
    }

    /**
     * Parses {@code json} and checks that its schema version is one this code reads: from {@code oldest} (what
     * older gateways still publish: the newer fields are then absent) to {@code newest}.
     */
    static MessageReader parse(String kind, String json, int oldest, int newest) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MessageFormatException(kind, null, "not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new MessageFormatException(kind, null, "not a JSON object");
        }
        MessageReader reader = new MessageReader(kind, root);
        int schema = reader.integer("schema");
        if (schema < oldest || schema > newest) {
            throw new MessageFormatException(kind, "schema", "version " + schema + " is not supported (this reader knows "
                    + (oldest == newest ? String.valueOf(newest) : oldest + " to " + newest) + ")");
        }
        reader.schema = schema;
        return reader;
    }

    /** The payload's schema version. */
    int schema() {
        return schema;
    }

    /** True when the field is present and not null. */
    boolean has(String field) {
        JsonNode node = root.get(field);
        return node != null && !node.isNull();
    }

    /** A number that may be absent; absent and null read as NaN. */
    double optionalNumber(String field) {
        return has(field) ? number(field) : Double.NaN;
    }

    private JsonNode required(String field) {
        JsonNode node = root.get(field);
        if (node == null) {
            throw new MessageFormatException(kind, path + field, "missing");
        }
        return node;
    }

    private MessageFormatException wrong(String field, String expected, JsonNode node) {
        return new MessageFormatException(kind, path + field, "expected " + expected + ", got " + node);
    }

    String text(String field) {
        JsonNode node = required(field);
        if (!node.isTextual() || node.asText().isEmpty()) {
            throw wrong(field, "a non-empty string", node);
        }
        return node.asText();
    }

    /** A string that may be null or absent. */
    String optionalText(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrong(field, "a string or null", node);
        }
        return node.asText();
    }

    int integer(String field) {
        JsonNode node = required(field);
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw wrong(field, "an integer", node);
        }
        return node.intValue();
    }

    Integer optionalInteger(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        return integer(field);
    }

    long longInteger(String field) {
        JsonNode node = required(field);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw wrong(field, "an integer", node);
        }
        return node.longValue();
    }

    /** A number; JSON null stands for a value that was not finite (NaN). */
    double number(String field) {
        JsonNode node = required(field);
        if (node.isNull()) {
            return Double.NaN;
        }
        if (!node.isNumber()) {
            throw wrong(field, "a number or null", node);
        }
        return node.doubleValue();
    }

    Instant instant(String field) {
        String text = text(field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MessageFormatException(kind, path + field, "expected an ISO-8601 UTC instant like 2026-11-24T08:00:00.123Z, got \"" + text + "\"");
        }
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String text = text(field);
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new MessageFormatException(kind, path + field, "unknown value \"" + text + "\"");
        }
    }

    double[] numbers(String field) {
        JsonNode node = required(field);
        if (!node.isArray()) {
            throw wrong(field, "an array of numbers", node);
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode item = node.get(i);
            if (!item.isNumber()) {
                throw new MessageFormatException(kind, field + "[" + i + "]", "expected a number, got " + item);
            }
            values[i] = item.doubleValue();
        }
        return values;
    }

    /** An array of numbers where null stands for an unknown value (NaN). */
    double[] numbersOrNulls(String field) {
        JsonNode node = required(field);
        if (!node.isArray()) {
            throw wrong(field, "an array of numbers", node);
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode item = node.get(i);
            if (item.isNull()) {
                values[i] = Double.NaN;
            } else if (item.isNumber()) {
                values[i] = item.doubleValue();
            } else {
                throw new MessageFormatException(kind, field + "[" + i + "]", "expected a number or null, got " + item);
            }
        }
        return values;
    }

    JsonNode object(String field) {
        JsonNode node = required(field);
        if (!node.isObject()) {
            throw wrong(field, "an object", node);
        }
        return node;
    }

    /** A nested object's reader (its errors name {@code field.inner}), or null when absent or null. */
    MessageReader optionalObject(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw wrong(field, "an object or null", node);
        }
        return new MessageReader(kind, node, field + ".");
    }

    MessageFormatException invalid(String field, String problem) {
        return new MessageFormatException(kind, path + field, problem);
    }
}
