package org.isoband.gateway.mqtt;

import java.time.Duration;

/**
 * How the outbox stays bounded. Sent rows are kept a while (they are the replay log a consumer that lost
 * events asks for, and seed today's counts after a restart), then pruned: the oldest sent rows go first when there are more than
 * {@code keepSentRows}, and any sent row older than {@code keepSentFor}. Unsent rows are never pruned.
 * {@code maxFileBytes} caps the SQLite file (SQLite's max_page_count): past it inserts fail like a full disk,
 * and the publisher keeps the newest events in memory, up to {@code memoryEvents}.
 *
 * @param keepSentRows  sent rows kept at most
 * @param keepSentFor   sent rows older than this are pruned (at least 2 days, so "reps today" can be counted)
 * @param maxFileBytes  upper bound of the outbox file, bytes
 * @param memoryEvents  events kept in memory while the file cannot be written
 */
public record PrunePolicy(int keepSentRows, Duration keepSentFor, long maxFileBytes, int memoryEvents) {

    /**
     * Sent events are the replay log (docs/mqtt.md, "Resync"): kept 30 days, pruned by age; the row cap only
     * guards against a runaway (a million rows is decades of training), the file cap against a full SD card.
     */
    public static final PrunePolicy DEFAULT = new PrunePolicy(1_000_000, Duration.ofDays(30), 256L << 20, 10_000);

    public PrunePolicy {
        if (keepSentRows < 0) {
            throw new IllegalArgumentException("keepSentRows must not be negative, got " + keepSentRows);
        }
        if (keepSentFor.compareTo(Duration.ofDays(2)) < 0) {
            throw new IllegalArgumentException("keepSentFor must be at least 2 days (today's counts read it), got " + keepSentFor);
        }
        if (maxFileBytes < 64 * 1024) {
            throw new IllegalArgumentException("maxFileBytes must be at least 64 KiB, got " + maxFileBytes);
        }
        if (memoryEvents < 1) {
            throw new IllegalArgumentException("memoryEvents must be at least 1, got " + memoryEvents);
        }
    }

    public PrunePolicy withMaxFileBytes(long bytes) {
        return new PrunePolicy(keepSentRows, keepSentFor, bytes, memoryEvents);
    }

    public PrunePolicy withKeepSentRows(int rows) {
        return new PrunePolicy(rows, keepSentFor, maxFileBytes, memoryEvents);
    }

    public PrunePolicy withMemoryEvents(int events) {
        return new PrunePolicy(keepSentRows, keepSentFor, maxFileBytes, events);
    }
}
