package org.isoband.dashboard.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.isoband.dashboard.store.RepStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks gateways to replay what this dashboard may have missed (docs/mqtt.md, "Resync"): when the broker had no
 * session for us (it crashed and forgot the queue it kept for us), each gateway whose status arrives is asked
 * for its events since shortly before our newest stored rep of it; when a gateway's sequence numbers jump (41,
 * then 43), it is asked for the events from the first missing one. Replayed events are de-duplicated by id like
 * any other delivery, so asking too much costs only traffic. Called on the MQTT client's thread.
 */
final class Resync {
    private static final Logger log = LoggerFactory.getLogger(Resync.class);
    /** Asked from a little before the newest rep we have: a rep may be stored out of order after a reconnect. */
    static final Duration OVERLAP = Duration.ofHours(1);
    /** A gateway we have nothing of: its whole log (the gateway keeps 30 days). */
    static final Duration EVERYTHING = Duration.ofDays(31);
    /** A gap is asked for at most this often per gateway (events of a replay arrive out of order). */
    static final Duration GAP_QUIET = Duration.ofSeconds(10);

    private final String prefix;
    private final RepStore store;
    private final BiConsumer<String, byte[]> publish;
    private final Clock clock;
    private final Map<String, Long> lastSeq = new HashMap<>();
    private final Map<String, Instant> lastGapAsk = new HashMap<>();
    private final Map<String, Instant> askedOnline = new HashMap<>();
    private boolean sessionLost;

    Resync(String prefix, RepStore store, BiConsumer<String, byte[]> publish, Clock clock) {
        this.prefix = prefix;
        this.store = store;
        this.publish = publish;
        this.clock = clock;
    }

    synchronized void connected(boolean sessionPresent) {
        sessionLost = !sessionPresent;
        askedOnline.clear();
    }

    /**
     * After a message on {@code topic} was taken: a gateway's status "online" (retained, or live as it comes
     * back) tells us it is there to ask. Asked again each time it comes online while this connection found no
     * session (a gateway that reconnected before it could subscribe to its replay topic missed the first ask),
     * at most once per {@link #GAP_QUIET}.
     */
    synchronized void arrived(String topic, byte[] payload) {
        Topic t = Topic.parse(prefix, topic);
        if (!sessionLost || t == null || t.shape() != Topic.Shape.STATUS
                || !"online".equals(new String(payload, StandardCharsets.UTF_8).trim())) {
            return;
        }
        Instant now = clock.instant();
        Instant asked = askedOnline.get(t.gateway());
        if (asked != null && Duration.between(asked, now).compareTo(GAP_QUIET) < 0) {
            return;
        }
        askedOnline.put(t.gateway(), now);
        Instant since = store.latestEnd(t.gateway()).map(end -> end.minus(OVERLAP))
                .orElse(now.minus(EVERYTHING));
        ask(t.gateway(), "{\"schema\":1,\"since\":\"" + since.truncatedTo(java.time.temporal.ChronoUnit.MILLIS) + "\"}",
                "no session on the broker: asking " + t.gateway() + " for its events since " + since);
    }

    /** A rep or summary of {@code gateway} numbered {@code seq} was taken. */
    synchronized void seen(String gateway, long seq) {
        Long last = lastSeq.get(gateway);
        if (last == null || seq > last) {
            lastSeq.put(gateway, seq);
        }
        if (last != null && seq > last + 1) {
            Instant now = clock.instant();
            Instant asked = lastGapAsk.get(gateway);
            if (asked == null || Duration.between(asked, now).compareTo(GAP_QUIET) >= 0) {
                lastGapAsk.put(gateway, now);
                ask(gateway, "{\"schema\":1,\"from_seq\":" + (last + 1) + "}",
                        "events " + (last + 1) + " to " + (seq - 1) + " of " + gateway + " missing: asking for them");
            }
        }
    }

    private void ask(String gateway, String request, String why) {
        log.info("MQTT resync: {}", why);
        publish.accept(prefix + "/" + gateway + "/replay", request.getBytes(StandardCharsets.UTF_8));
    }
}
