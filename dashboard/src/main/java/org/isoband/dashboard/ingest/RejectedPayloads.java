package org.isoband.dashboard.ingest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Malformed payloads, counted per topic. The first one on a topic is logged with its reason; later ones only
 * counted, so that a misbehaving publisher at 10 messages a second cannot flood the log.
 */
public final class RejectedPayloads {
    private static final Logger LOG = LoggerFactory.getLogger(RejectedPayloads.class);
    /** Topics remembered at most; beyond, rejections are still counted in the total but not per topic. */
    private static final int MAX_TOPICS = 1000;

    private final Map<String, AtomicLong> byTopic = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();

    void reject(String topic, String reason) {
        total.incrementAndGet();
        AtomicLong count = byTopic.get(topic);
        if (count == null && byTopic.size() < MAX_TOPICS) {
            count = byTopic.computeIfAbsent(topic, t -> new AtomicLong());
        }
        if (count != null && count.getAndIncrement() == 0) {
            LOG.atWarn().log(() -> "dropped a malformed message on " + topic + ": " + reason
                    + " (further ones on this topic are only counted)");
        }
    }

    public long total() {
        return total.get();
    }

    /** Rejections per topic, sorted by topic. */
    public Map<String, Long> byTopic() {
        Map<String, Long> copy = new TreeMap<>();
        byTopic.forEach((t, n) -> copy.put(t, n.get()));
        return copy;
    }
}
