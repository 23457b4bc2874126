package org.isoband.gateway.mqtt;

/**
 * The gateway's sequence number on rep events and session summaries ({@code "seq"}, docs/mqtt.md): the
 * event's position in the outbox, one counter per gateway across its bands, never reused (SQLite
 * AUTOINCREMENT), so a consumer that sees 41 then 43 knows it missed one and asks for a replay. It is written
 * into the payload as the outbox numbers the event; an event kept in memory (the file not writable) has none
 * until it reaches the file, and consumers accept events without it, as from gateways before the field.
 */
final class Sequence {
    /** The writers always start with the schema field; any version (rep events and summaries are schema 2). */
    private static final java.util.regex.Pattern HEAD = java.util.regex.Pattern.compile("^\\{\"schema\":\\d+,");

    private Sequence() {
    }

    /** The payload with {@code "seq":N} after the schema field (the writers always start with it). */
    static String numbered(String payload, long seq) {
        java.util.regex.Matcher head = HEAD.matcher(payload);
        if (payload.contains("\"seq\":") || !head.find()) {
            return payload;
        }
        return head.group() + "\"seq\":" + seq + "," + payload.substring(head.end());
    }
}
