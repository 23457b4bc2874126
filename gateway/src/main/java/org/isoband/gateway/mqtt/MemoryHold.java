package org.isoband.gateway.mqtt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events the outbox file could not take (disk full, I/O error), in order, at most {@code limit}: past it
 * the oldest are dropped, counted, and said once in a loud line. {@link OutboxDrain} publishes them from here
 * and moves them back to the file when it can be written again. On the publisher's loop; the sizes are
 * readable from any thread.
 */
final class MemoryHold {
    private static final Logger log = LoggerFactory.getLogger(MemoryHold.class);

    private final int limit;
    private final LinkedHashMap<String, OutboxEntry> events = new LinkedHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private volatile int size;
    private boolean fullReported;

    MemoryHold(int limit) {
        this.limit = limit;
    }

    /** Holds the events; returns how many of them no longer count as unsent (already held, or dropped). */
    int hold(List<OutboxEntry> batch) {
        int gone = 0;
        for (OutboxEntry e : batch) {
            if (events.putIfAbsent(e.id(), e) != null) {
                gone++;
            }
        }
        while (events.size() > limit) {
            String oldest = events.keySet().iterator().next();
            events.remove(oldest);
            gone++;
            dropped.incrementAndGet();
            if (!fullReported) {
                log.error("OUTBOX MEMORY FULL: {} events wait in memory; dropping the oldest ({}) to keep the newest",
                        limit, oldest);
                fullReported = true;
            }
        }
        size = events.size();
        return gone;
    }

    /** Forgets an acknowledged event; true when it was held. */
    boolean remove(String id) {
        boolean was = events.remove(id) != null;
        size = events.size();
        return was;
    }

    /** The file took them all. */
    void clear() {
        events.clear();
        size = 0;
        fullReported = false;
    }

    boolean isEmpty() {
        return events.isEmpty();
    }

    /** Oldest first. */
    Collection<OutboxEntry> events() {
        return events.values();
    }

    List<OutboxEntry> copy() {
        return new ArrayList<>(events.values());
    }

    int size() {
        return size;
    }

    /** {@code counts} plus the reps of {@code band} held here that were made at or after {@code sinceMs}. */
    RepCounts repCounts(RepCounts counts, String band, long sinceMs) {
        for (OutboxEntry e : events.values()) {
            if (e.kind().equals(OutboxEntry.REP) && e.band().equals(band) && e.createdMs() >= sinceMs) {
                counts = counts.plus("HELD".equals(e.verdict()));
            }
        }
        return counts;
    }

    long dropped() {
        return dropped.get();
    }
}
