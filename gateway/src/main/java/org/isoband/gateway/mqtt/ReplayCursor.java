package org.isoband.gateway.mqtt;

import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replay of the outbox's log in progress (docs/mqtt.md, "Resync"): the sent events after {@code upTo}, up to
 * {@code end} (the newest when it was asked for), published again behind new events. A second request while
 * one runs widens it. On the publisher's loop, for {@link OutboxDrain}.
 */
final class ReplayCursor {
    private static final Logger log = LoggerFactory.getLogger(ReplayCursor.class);

    private long upTo;
    private long end;

    /** Replay the events after {@code afterSeq} up to {@code lastSeq}; false when there is nothing to replay. */
    boolean request(long afterSeq, long lastSeq) {
        long from = Math.max(0, afterSeq);
        if (from >= lastSeq) {
            return false;
        }
        upTo = end > 0 ? Math.min(upTo, from) : from;
        end = Math.max(end, lastSeq);
        log.info("mqtt: replaying the sent events {} to {} for a consumer", upTo + 1, end);
        return true;
    }

    /**
     * Hands the next events of the replay to {@code send} (which says whether it took one: an event already in
     * flight is not sent twice) while there is {@code room}; returns the room left.
     */
    int fill(Outbox outbox, int room, Predicate<OutboxEntry> send) {
        while (room > 0 && upTo < end) {
            List<OutboxEntry> next = outbox.sent(upTo, Math.min(room, 500));
            if (next.isEmpty()) {
                upTo = end;
                break;
            }
            for (OutboxEntry e : next) {
                if (e.seq() > end) {
                    upTo = end;
                    break;
                }
                upTo = e.seq();
                if (send.test(e)) {
                    room--;
                }
            }
        }
        if (end > 0 && upTo >= end) {
            log.info("mqtt: replay done up to event {}", end);
            end = 0;
            upTo = 0;
        }
        return room;
    }
}
