package org.isoband.gateway.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.isoband.core.message.ForceBatch;

/**
 * The live force of each band: samples batched per band ({@link ForceBatcher}), at most one batch per tick
 * ({@code forceRateHz}), at QoS 0. A batch is dropped, and its samples counted in the next one's
 * {@code dropped}, when not connected or when {@link #BACKLOG} earlier batches have not left yet: live force is
 * worth nothing late. Home Assistant gets one mean a second instead, on its own topic ({@link ForceMean}).
 */
final class ForceStream {
    /** QoS 0 force batches handed to the client and not yet written: past this the link is too slow, drop. */
    static final int BACKLOG = 10;
    /** Home Assistant's force: the mean of each second. */
    static final long MEAN_PERIOD_NANOS = 1_000_000_000L;

    private final TopicNames topics;
    private final PublishChannel channel;
    private final PublisherLoop loop;
    private final LongSupplier nanos;
    private final Map<String, ForceBatcher> batchers = new ConcurrentHashMap<>();
    private final Map<String, ForceMean> means = new java.util.HashMap<>(); // loop only
    private final AtomicLong batches = new AtomicLong();
    private int outstanding; // loop only
    private boolean connected; // loop only

    ForceStream(TopicNames topics, PublishChannel channel, PublisherLoop loop, LongSupplier nanos) {
        this.topics = topics;
        this.channel = channel;
        this.loop = loop;
        this.nanos = nanos;
    }

    /** Any thread (the sensor's): never waits. */
    void offer(String band, Instant at, double newtons) {
        batchers.computeIfAbsent(band, b -> new ForceBatcher(topics.gateway(), TopicNames.sanitize(b)))
                .offer(at, newtons, nanos.getAsLong());
    }

    void connected() {
        connected = true;
        outstanding = 0;
    }

    void disconnected() {
        connected = false;
    }

    /** On the loop, {@code forceRateHz} times a second. */
    void tick() {
        long now = nanos.getAsLong();
        for (ForceBatcher batcher : batchers.values()) {
            ForceBatch batch = batcher.drain();
            if (batch == null) {
                continue;
            }
            means.computeIfAbsent(batch.band(), b -> new ForceMean(b, MEAN_PERIOD_NANOS)).add(batch, now);
            if (!connected || outstanding >= BACKLOG) {
                batcher.notSent(batch);
                continue;
            }
            outstanding++;
            batches.incrementAndGet();
            channel.publish(topics.force(batch.band()), batch.toJson().getBytes(StandardCharsets.UTF_8), 0, false,
                    result -> loop.execute(() -> outstanding = Math.max(0, outstanding - 1)));
        }
        for (ForceMean mean : means.values()) {
            ForceMean.Mean due = mean.due(now);
            if (due != null && connected) {
                channel.publish(topics.forceMean(due.band()), due.toJson().getBytes(StandardCharsets.UTF_8), 0, false, r -> { });
            }
        }
    }

    /** When the band's newest sample arrived (System.nanoTime), or Long.MIN_VALUE before any. */
    long lastSampleNanos(String band) {
        for (ForceBatcher b : batchers.values()) {
            if (b.band().equals(band)) {
                return b.lastSampleNanos();
            }
        }
        return Long.MIN_VALUE;
    }

    Iterable<String> bands() {
        return batchers.values().stream().map(ForceBatcher::band).toList();
    }

    long batches() {
        return batches.get();
    }

    long dropped() {
        long dropped = 0;
        for (ForceBatcher b : batchers.values()) {
            dropped += b.droppedTotal();
        }
        return dropped;
    }
}
