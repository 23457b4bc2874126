package org.isoband.gateway.mqtt;

import java.util.HashSet;
import java.util.Set;

/**
 * Which stored events are out with the broker, and where {@link OutboxDrain}'s next look at the outbox file starts:
 * the in-flight window (at most {@link #MAX}, or the broker's receive maximum if lower, QoS 1 publishes unanswered
 * at once) and the cursor over the file's unsent events (oldest first). On the publisher's loop thread only.
 */
final class PublishWindow {
    /** Outbox events in flight at once: enough to fill a loopback or Wi-Fi link, far below Paho's limit. */
    static final int MAX = 200;

    private final Set<String> inflight = new HashSet<>();
    private int size = MAX;
    /** The file's unsent events up to this sequence number are in flight (or held back by a refusal). */
    private long cursor;
    /** The last look at the file found no unsent event after {@link #cursor}: a new event is next in line. */
    private boolean caughtUp;

    /** Connected: nothing is in flight, and the file is read again from its oldest unsent event. */
    void open(int receiveMaximum) {
        size = Math.max(1, Math.min(MAX, receiveMaximum));
        inflight.clear();
        rewind(0);
    }

    /** The connection dropped: what was in flight will be published again. */
    void close() {
        inflight.clear();
        caughtUp = false;
    }

    int room() {
        return size - inflight.size();
    }

    /** Takes a place for {@code id}; false when it is in flight already (then it is not published twice). */
    boolean take(String id) {
        return inflight.add(id);
    }

    /** The broker answered (or never will) for {@code id}. */
    void answered(String id) {
        inflight.remove(id);
    }

    long cursor() {
        return cursor;
    }

    /** The event {@code seq} of the file has been published, or skipped for now. */
    void advance(long seq) {
        cursor = seq;
    }

    /** The next look at the file starts after {@code seq} (an event there must be published again). */
    void rewind(long seq) {
        cursor = seq;
        caughtUp = false;
    }

    /** A look at the file begins; {@link #caughtUp()} when it finds nothing more. */
    void looking() {
        caughtUp = false;
    }

    void caughtUp() {
        caughtUp = true;
    }

    /** A new event may go out at once: nothing older waits in the file, and there is room. */
    boolean nextInLine() {
        return caughtUp && room() > 0;
    }
}
