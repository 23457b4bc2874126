package org.isoband.dashboard.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.isoband.core.message.ForceBatch;
import org.isoband.core.message.MessageFormatException;
import org.isoband.core.message.MaxTestMessage;
import org.isoband.core.message.RepMessage;
import org.isoband.core.message.SessionSummary;
import org.isoband.core.message.StateMessage;
import org.isoband.dashboard.store.ForceCurve;
import org.isoband.dashboard.store.RepStore;
import org.isoband.dashboard.store.StrengthStore;
import org.isoband.dashboard.store.StoredRep;

/**
 * One message at a time from any transport: validates it against the contract v1 through the core message
 * records, stores what is kept (reps, session summaries), remembers what is live, and tells the listener.
 *
 * <p>Validation is deliberately about meaning, not form: the records' readers ignore fields they do not know,
 * so a publisher that adds a field does not break the dashboard; a payload is malformed when a field the
 * dashboard needs is missing or wrong, or when it names another gateway or band than its topic.
 */
public final class Ingest {
    private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);
    /** Larger payloads are not ours (a force batch of 1 s at 1 kHz is about 20 kB). */
    static final int MAX_PAYLOAD_BYTES = 256 * 1024;
    private static final int MAX_ID_LENGTH = 64;

    /** What became of a message. */
    public enum Outcome {
        /** A rep event or session summary seen for the first time, now stored. */
        STORED,
        /** A rep event or session summary whose id was already stored. */
        DUPLICATE,
        /** A valid live message (status, state, force): remembered and passed on, not stored. */
        LIVE,
        /** Dropped as malformed, counted per topic. */
        MALFORMED,
        /** A topic outside the contract v1. */
        IGNORED
    }

    private final String prefix;
    private final RepStore store;
    private final ForceRecorder forces;
    private final LiveState live;
    private final IngestListener listener;
    private final Clock clock;
    private final RejectedPayloads rejected = new RejectedPayloads();
    private final AtomicLong reps = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong curves = new AtomicLong();
    private final AtomicLong states = new AtomicLong();
    private final AtomicLong forceBatches = new AtomicLong();
    private final AtomicLong sessions = new AtomicLong();
    private final AtomicLong statuses = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();
    private final AtomicLong maxTests = new AtomicLong();
    private final StrengthStore strength;

    public Ingest(String prefix, RepStore store, LiveState live, IngestListener listener, Clock clock) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.store = Objects.requireNonNull(store, "store");
        this.live = Objects.requireNonNull(live, "live");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.forces = new ForceRecorder();
        this.strength = new StrengthStore(store.database());
    }

    public String prefix() {
        return prefix;
    }

    /**
     * Takes one message. Throws {@link org.isoband.dashboard.store.StoreException} only when the database
     * failed to store a valid rep or summary: the MQTT client then does not acknowledge it, and the broker
     * delivers it again after the reconnect, so a database hiccup loses nothing.
     */
    public Outcome accept(String topicName, byte[] payload) {
        Topic topic = Topic.parse(prefix, topicName);
        if (topic == null || topic.shape() == Topic.Shape.UNKNOWN) {
            ignored.incrementAndGet();
            return Outcome.IGNORED;
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            return malformed(topicName, "payload of " + payload.length + " bytes, more than " + MAX_PAYLOAD_BYTES);
        }
        String text;
        try {
            text = utf8(payload);
        } catch (CharacterCodingException e) {
            return malformed(topicName, "not UTF-8 text");
        }
        try {
            return switch (topic.shape()) {
                case STATUS -> status(topicName, topic, text.trim());
                case REP -> rep(topicName, topic, RepMessage.fromJson(text));
                case STATE -> state(topicName, topic, StateMessage.fromJson(text));
                case FORCE -> force(topicName, topic, ForceBatch.fromJson(text));
                case SESSION -> session(topicName, topic, SessionSummary.fromJson(text));
                case MAX_TEST -> maxTest(topicName, topic, MaxTestMessage.fromJson(text));
                case UNKNOWN -> Outcome.IGNORED;
            };
        } catch (MessageFormatException e) {
            return malformed(topicName, e.getMessage());
        } catch (IllegalArgumentException | NullPointerException | ArithmeticException e) {
            // a record's own checks (a bad leg, counts that do not add up): malformed too, whatever the reader missed
            return malformed(topicName, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private Outcome status(String topicName, Topic topic, String text) {
        boolean online;
        if (text.equals("online")) {
            online = true;
        } else if (text.equals("offline")) {
            online = false;
        } else {
            return malformed(topicName, "expected online or offline, got \"" + abbreviated(text) + "\"");
        }
        statuses.incrementAndGet();
        live.status(topic.gateway(), online);
        listener.status(topic.gateway(), online);
        return Outcome.LIVE;
    }

    private Outcome rep(String topicName, Topic topic, RepMessage rep) {
        String problem = sameOrigin(topic, rep.gateway(), rep.band());
        if (problem == null && rep.id().length() > MAX_ID_LENGTH) {
            problem = "id longer than " + MAX_ID_LENGTH + " characters";
        }
        if (problem == null && rep.end().isBefore(rep.start())) {
            problem = "end " + rep.end() + " is before start " + rep.start();
        }
        if (problem == null && rep.rep() < 1) {
            problem = "rep must be 1 or more, got " + rep.rep();
        }
        if (problem == null && !(rep.steadyS() >= 0)) {
            problem = "steady_s must be a number of seconds, got " + rep.steadyS();
        }
        if (problem == null && !(rep.targetS() > 0)) {
            problem = "target_s must be positive, got " + rep.targetS();
        }
        if (problem != null) {
            return malformed(topicName, problem);
        }
        ForceCurve curve = forces.curve(rep);
        if (!store.add(rep, curve, clock.instant())) {
            duplicates.incrementAndGet();
            LOG.atDebug().log(() -> "duplicate rep " + rep.id() + " on " + topicName + " dropped");
            return Outcome.DUPLICATE;
        }
        reps.incrementAndGet();
        if (curve != null) {
            curves.incrementAndGet();
        }
        listener.rep(new StoredRep(rep, curve != null));
        return Outcome.STORED;
    }

    private Outcome state(String topicName, Topic topic, StateMessage state) {
        String problem = sameOrigin(topic, state.gateway(), state.band());
        if (problem != null) {
            return malformed(topicName, problem);
        }
        states.incrementAndGet();
        live.state(state);
        listener.state(state);
        return Outcome.LIVE;
    }

    private Outcome force(String topicName, Topic topic, ForceBatch batch) {
        String problem = sameOrigin(topic, batch.gateway(), batch.band());
        if (problem != null) {
            return malformed(topicName, problem);
        }
        forceBatches.incrementAndGet();
        forces.add(batch);
        live.force(batch);
        listener.force(batch);
        return Outcome.LIVE;
    }

    private Outcome session(String topicName, Topic topic, SessionSummary summary) {
        String problem = sameOrigin(topic, summary.gateway(), summary.band());
        if (problem == null && summary.id().length() > MAX_ID_LENGTH) {
            problem = "id longer than " + MAX_ID_LENGTH + " characters";
        }
        if (problem != null) {
            return malformed(topicName, problem);
        }
        if (!store.addSession(summary, clock.instant())) {
            duplicates.incrementAndGet();
            return Outcome.DUPLICATE;
        }
        sessions.incrementAndGet();
        listener.session(summary);
        return Outcome.STORED;
    }

    private Outcome maxTest(String topicName, Topic topic, MaxTestMessage test) {
        String problem = sameOrigin(topic, test.gateway(), test.band());
        if (problem == null && test.id().length() > MAX_ID_LENGTH) {
            problem = "id longer than " + MAX_ID_LENGTH + " characters";
        }
        if (problem != null) {
            return malformed(topicName, problem);
        }
        if (!strength.addMaxTest(test, clock.instant())) {
            duplicates.incrementAndGet();
            return Outcome.DUPLICATE;
        }
        maxTests.incrementAndGet();
        listener.maxTest(test);
        return Outcome.STORED;
    }

    /** Maximum tests stored since start. */
    public long maxTests() {
        return maxTests.get();
    }

    // The topic is what the broker's access rules are written against, so a payload that claims another gateway
    // or band than its topic is not believed.
    private static String sameOrigin(Topic topic, String gateway, String band) {
        if (!topic.gateway().equals(gateway)) {
            return "payload's gateway \"" + abbreviated(gateway) + "\" is not the topic's \"" + topic.gateway() + "\"";
        }
        if (!topic.band().equals(band)) {
            return "payload's band \"" + abbreviated(band) + "\" is not the topic's \"" + topic.band() + "\"";
        }
        return null;
    }

    private Outcome malformed(String topicName, String reason) {
        rejected.reject(topicName, reason);
        return Outcome.MALFORMED;
    }

    private static String utf8(byte[] payload) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(payload)).toString();
    }

    private static String abbreviated(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    public LiveState live() {
        return live;
    }

    public RejectedPayloads rejected() {
        return rejected;
    }

    public IngestCounts counts() {
        return new IngestCounts(reps.get(), duplicates.get(), curves.get(), states.get(), forceBatches.get(),
                sessions.get(), statuses.get(), rejected.total(), ignored.get(), rejected.byTopic());
    }
}
