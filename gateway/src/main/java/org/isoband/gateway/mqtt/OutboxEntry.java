package org.isoband.gateway.mqtt;

/**
 * One event in the outbox: a rep or a session summary, with its topic and payload exactly as published.
 *
 * @param seq       position in the outbox; events are published in this order (0 while not stored)
 * @param id        the event's unique id, which consumers de-duplicate by
 * @param kind      {@code rep}, {@code session} or {@code max_test}
 * @param band      sanitized band name
 * @param verdict   the rep's verdict, null for a session summary (today's counts are read from it)
 * @param topic     where it is published
 * @param payload   the JSON
 * @param createdMs when it was stored, epoch milliseconds
 */
public record OutboxEntry(long seq, String id, String kind, String band, String verdict, String topic, String payload, long createdMs) {

    public static final String REP = "rep";
    public static final String SESSION = "session";
    public static final String MAX_TEST = "max_test";

    OutboxEntry withPayload(String newPayload) {
        return new OutboxEntry(seq, id, kind, band, verdict, topic, newPayload, createdMs);
    }

    OutboxEntry withSeq(long newSeq) {
        return new OutboxEntry(newSeq, id, kind, band, verdict, topic, payload, createdMs);
    }
}
