package org.isoband.gateway.mqtt;

import org.isoband.core.mqtt.ReasonCode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.isoband.core.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events the broker refused (a PUBACK of 0x80 or above: its access rules, a quota): held back from publishing
 * until the {@link Backoff} delay passes, then all tried again; one loud line per topic and reason, and one
 * when the topic is accepted again. For {@link OutboxDrain}, on the publisher's loop.
 */
final class Refusals {
    private static final Logger log = LoggerFactory.getLogger(Refusals.class);

    private final Backoff.Attempts attempts;
    private final LongSupplier nanos;
    private final Set<String> held = new HashSet<>();
    private final Map<String, ReasonCode> reported = new HashMap<>();
    private final AtomicLong total = new AtomicLong();
    private long retryAtNanos;

    Refusals(Backoff retry, java.util.random.RandomGenerator random, LongSupplier nanos) {
        this.attempts = retry.attempts(random);
        this.nanos = nanos;
    }

    /** Not to be published until the retry time. */
    boolean holds(String id) {
        return held.contains(id);
    }

    void refused(OutboxEntry e, ReasonCode reason) {
        total.incrementAndGet();
        if (held.isEmpty()) {
            retryAtNanos = nanos.getAsLong() + attempts.next().toNanos();
        }
        held.add(e.id());
        ReasonCode before = reported.put(e.topic(), reason);
        if (!reason.equals(before)) {
            log.error("MQTT BROKER REFUSED {}: {}; the event stays in the outbox and is tried again in {} s"
                            + " (check the broker's access rules for this gateway's user)", e.topic(), reason,
                    Math.max(1, Math.round((retryAtNanos - nanos.getAsLong()) / 1e9)));
        }
    }

    void accepted(OutboxEntry e) {
        ReasonCode was = reported.remove(e.topic());
        if (was != null) {
            log.info("mqtt: the broker accepts {} again (it refused it with {})", e.topic(), was);
            attempts.reset();
        }
    }

    /** True when held events' retry time came: they are released, to be published again. */
    boolean due() {
        if (held.isEmpty() || nanos.getAsLong() - retryAtNanos < 0) {
            return false;
        }
        log.info("mqtt: trying the {} event(s) the broker refused again", held.size());
        held.clear();
        return true;
    }

    long total() {
        return total.get();
    }
}
