package org.isoband.gateway.mqtt;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.isoband.core.message.ForceBatch;

/**
 * The hand-off of one band's force samples from the sensor thread to the publisher thread: a bounded queue
 * that the sensor thread offers to without ever waiting (a full queue drops the sample and counts it), and
 * that the publisher drains into one {@link ForceBatch} per tick.
 */
final class ForceBatcher {
    /** Enough for 1 s at 1 kHz: a tick is normally 100 ms. */
    static final int CAPACITY = 1024;
    /**
     * The most samples in one batch: about 4.5 KB of JSON at worst, within the smallest limits brokers set by
     * default (Moquette, the demo's broker, closes the connection on a message over 8092 bytes). A backlog
     * after a stall leaves over a few ticks instead, oldest first.
     */
    static final int MAX_BATCH = 256;

    private record Reading(Instant at, double newtons) {
    }

    private final String gateway;
    private final String band;
    private final ArrayBlockingQueue<Reading> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedTotal = new AtomicLong();
    private volatile long lastSampleNanos = Long.MIN_VALUE;

    ForceBatcher(String gateway, String band) {
        this.gateway = gateway;
        this.band = band;
    }

    String band() {
        return band;
    }

    /** Sensor thread: never blocks. */
    void offer(Instant at, double newtons, long nowNanos) {
        lastSampleNanos = nowNanos;
        if (!queue.offer(new Reading(at, newtons))) {
            dropped.incrementAndGet();
            droppedTotal.incrementAndGet();
        }
    }

    /** A batch the publisher could not send (not connected, link too slow): its samples count in the next one. */
    void notSent(ForceBatch batch) {
        dropped.addAndGet(batch.size() + batch.dropped());
        droppedTotal.addAndGet(batch.size());
    }

    /** Publisher thread: what was queued since the last tick as one batch (at most {@link #MAX_BATCH}), or null. */
    ForceBatch drain() {
        int n = Math.min(queue.size(), MAX_BATCH);
        if (n == 0) {
            return null;
        }
        Reading first = queue.poll();
        double[] offsets = new double[n];
        double[] newtons = new double[n];
        offsets[0] = 0;
        newtons[0] = first.newtons();
        int count = 1;
        Reading r;
        while (count < n && (r = queue.poll()) != null) {
            offsets[count] = Math.max(0, Duration.between(first.at(), r.at()).toNanos() / 1e6);
            newtons[count] = r.newtons();
            count++;
        }
        return new ForceBatch(gateway, band, first.at(), Arrays.copyOf(offsets, count),
                Arrays.copyOf(newtons, count), dropped.getAndSet(0));
    }

    /** When the last sample arrived, on the sample clock; {@code Long.MIN_VALUE} before the first. */
    long lastSampleNanos() {
        return lastSampleNanos;
    }

    /** Every sample dropped since start. */
    long droppedTotal() {
        return droppedTotal.get();
    }
}
