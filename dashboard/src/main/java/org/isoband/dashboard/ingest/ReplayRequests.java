package org.isoband.dashboard.ingest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.isoband.core.mqtt.PublishResult;
import org.isoband.core.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link Resync}'s replay requests and makes sure the broker took them. A request the broker refuses (MQTT 5:
 * a PUBACK of 0x80 or above, such as 0x87 when its rules do not let the dashboard write the replay topic) would
 * leave the missed reps missing without a word; so the first refusal of a topic is one loud line naming the topic
 * and the reason, and the newest request of every refused or unanswered topic is sent again after a backoff,
 * until the broker takes it. 0x10 (no matching subscribers: the gateway is away) is success; it replays when it
 * comes back and reads its queued session. Under MQTT 3.1.1 every answer is success (docs/mqtt.md).
 */
final class ReplayRequests implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReplayRequests.class);
    /** From 2 s to 2 min: a fixed rule is noticed soon, a broken one costs one request every two minutes. */
    static final Backoff RETRY = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(2), 0.5);

    /** Publishes at QoS 1 and tells what became of it. */
    interface Channel {
        void publish(String topic, byte[] payload, Consumer<PublishResult> done);
    }

    private final Channel channel;
    private final Backoff.Attempts attempts;
    private final ScheduledExecutorService timer;
    /** Topic -> the newest request not yet taken (a newer one for the same gateway replaces it). */
    private final Map<String, byte[]> waiting = new LinkedHashMap<>();
    /** Topics refused since they were last taken: the loud line once, and "accepted again" when fixed. */
    private final Map<String, String> refused = new LinkedHashMap<>();
    private ScheduledFuture<?> retry;
    private long refusals;

    ReplayRequests(Channel channel, Backoff backoff) {
        this.channel = channel;
        this.attempts = backoff.attempts(new Random());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dashboard-replay-retry");
            t.setDaemon(true);
            return t;
        });
    }

    /** Sends {@code payload} on {@code topic} now; it is sent again later until the broker takes it. */
    void send(String topic, byte[] payload) {
        channel.publish(topic, payload, result -> answered(topic, payload, result));
    }

    /** Refusals heard since the start (each refused attempt counts). */
    synchronized long refusals() {
        return refusals;
    }

    private synchronized void answered(String topic, byte[] payload, PublishResult result) {
        if (result instanceof PublishResult.Accepted ok) {
            String was = refused.remove(topic);
            if (was != null) {
                log.warn("MQTT broker takes the replay requests on {} again ({}); the missed events follow", topic, ok.reason());
            }
            if (waiting.get(topic) == payload) {
                waiting.remove(topic);
            }
            if (refused.isEmpty()) {
                attempts.reset();
            }
        } else if (result instanceof PublishResult.Refused no) {
            refusals++;
            waiting.putIfAbsent(topic, payload);
            if (refused.put(topic, no.reason().toString()) == null) {
                Duration next = schedule();
                log.error("MQTT BROKER REFUSED the replay request on {}: {}; the events this dashboard missed stay missing"
                        + " until it takes one: asking again in {} s and on (check the broker's access rules: the dashboard"
                        + " needs write access to {})", topic, no.reason(), Math.max(1, next.toSeconds()), topic);
                return;
            }
        } else if (result instanceof PublishResult.Unanswered lost) {
            waiting.putIfAbsent(topic, payload);
            log.debug("replay request on {} unanswered ({}), sent again later", topic, lost.why());
        }
        if (!waiting.isEmpty()) {
            schedule();
        }
    }

    /** Plans one retry of everything waiting, unless one is planned; returns the wait. */
    private Duration schedule() {
        if (retry != null && !retry.isDone()) {
            return Duration.ofMillis(retry.getDelay(TimeUnit.MILLISECONDS));
        }
        Duration delay = attempts.next();
        try {
            retry = timer.schedule(this::again, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closing: nothing more to ask
        }
        return delay;
    }

    private void again() {
        Map<String, byte[]> now;
        synchronized (this) {
            retry = null; // answers to these may plan the next one
            now = new LinkedHashMap<>(waiting);
        }
        now.forEach(this::send);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
