package org.isoband.gateway.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The gateway's diagnostics for Home Assistant, retained on {@code <prefix>/<gateway>/diagnostics}: how many
 * events wait unsent in the outbox (or in memory) and the last error the publisher met, with when. Published on
 * every connection and when the figures change, at most once per {@link #MIN_INTERVAL_MS} while they keep
 * changing (a backlog draining after an outage changes the count thousands of times). Publisher thread only.
 */
final class GatewayDiagnostics {
    /** Home Assistant shows a text sensor's state only up to this many characters. */
    static final int MAX_STATE_CHARS = 255;
    static final long MIN_INTERVAL_MS = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String gateway;
    private final Clock clock;
    private String lastError;
    private Instant lastErrorAt;
    private String published;
    private long publishedAtMs = Long.MIN_VALUE;

    GatewayDiagnostics(String gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    /** Remembers an error (one line, the same words as the log) for the next publication. */
    void error(String line) {
        lastError = line.length() <= MAX_STATE_CHARS ? line : line.substring(0, MAX_STATE_CHARS - 3) + "...";
        lastErrorAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    String lastError() {
        return lastError;
    }

    /** The payload for the figures now. */
    String payload(long unsent, int inMemory) {
        ObjectNode o = JSON.createObjectNode();
        o.put("schema", 1);
        o.put("gateway", gateway);
        o.put("unsent", unsent);
        o.put("in_memory", inMemory);
        if (lastError == null) {
            o.putNull("last_error");
            o.putNull("last_error_at");
        } else {
            o.put("last_error", lastError);
            o.put("last_error_at", lastErrorAt.toString());
        }
        return o.toString();
    }

    /**
     * The payload to publish now, or null when nothing changed since the last one or the last one is too recent.
     *
     * @param force on a (re)connection: publish whatever the interval
     */
    String due(long unsent, int inMemory, boolean force) {
        String now = payload(unsent, inMemory);
        long ms = clock.millis();
        if (!force && (now.equals(published) || ms - publishedAtMs < MIN_INTERVAL_MS)) {
            return null;
        }
        published = now;
        publishedAtMs = ms;
        return now;
    }
}
