package org.isoband.gateway.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A consumer's request on {@code <prefix>/<gateway>/replay} (docs/mqtt.md, "Resync", and
 * docs/schemas/replay.schema.json): {@code {"schema":1,"from_seq":42}} (the events from sequence number 42
 * on) or {@code {"schema":1,"since":"2026-11-24T08:00:00.000Z"}} (the events stored since then).
 *
 * @param fromSeq the first sequence number wanted, or -1
 * @param since   the first instant wanted, or null
 */
record ReplayRequest(long fromSeq, Instant since) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The request; throws IllegalArgumentException naming what is wrong when it is not one. */
    static ReplayRequest parse(byte[] payload) {
        JsonNode o;
        try {
            o = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (o.path("from_seq").canConvertToLong() && o.path("from_seq").asLong() >= 1) {
            return new ReplayRequest(o.path("from_seq").asLong(), null);
        }
        if (o.path("since").isTextual()) {
            try {
                return new ReplayRequest(-1, Instant.parse(o.path("since").asText()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("since is not an ISO-8601 instant: " + o.path("since").asText());
            }
        }
        throw new IllegalArgumentException("needs from_seq (1 or more) or since");
    }
}
