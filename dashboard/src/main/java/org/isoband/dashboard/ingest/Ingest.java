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
import org.isoband.dashboard.store.DeadLetters;
import org.isoband.dashboard.store.ForceCurve;
import org.isoband.dashboard.store.StoreException;
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

    /** What became of a message. */
    public enum Outcome {
        /** A rep event or session summary seen for the first time, now stored. */
        STORED,
        /** A rep event or session summary whose id was already stored. */
        DUPLICATE,
        /** A valid live message (status, state, force): remembered and passed on, not stored. */
        LIVE,
        /** A live message dropped as malformed, counted per topic. */
        MALFORMED,
        /**
         * A rep event or session summary refused for good (it breaks the contract, or the database refuses it):
         * kept in the dead letters with its reason, counted, and acknowledged so it cannot jam what follows.
         */
        DEAD_LETTER,
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
    private final DeadLetters deadLetters;
    private final AtomicLong deadLettered = new AtomicLong();
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
        this.deadLetters = new DeadLetters(store.database());
        this.strength = new StrengthStore(store.database());
    }

    public String prefix() {
        return prefix;
    }

    public RepStore store() {
        return store;
    }

    /** Told the gateway and sequence number of every rep and summary taken (stored or a duplicate). */
    public void observeSequence(java.util.function.BiConsumer<String, Long> observer) {
        this.sequence = Objects.requireNonNull(observer, "observer");
    }

    private volatile java.util.function.BiConsumer<String, Long> sequence = (g, s) -> { };
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The optional {@code seq} of a rep or summary (absent from gateways before it, and from memory-held events). */
    private void sequenceOf(String gateway, String text) {
        try {
            com.fasterxml.jackson.databind.JsonNode seq = JSON.readTree(text).path("seq");
            if (seq.canConvertToLong() && seq.asLong() >= 1) {
                sequence.accept(gateway, seq.asLong());
            }
        } catch (java.io.IOException e) {
            // already parsed once: cannot happen
        }
    }

    /**
     * Takes one message. Throws {@link StoreException} only for a transient failure (the database is down or
     * busy): the MQTT client then does not acknowledge it, and the broker delivers it again after the
     * reconnect, so a database hiccup loses nothing. A rep or summary refused for good is a
     * {@link Outcome#DEAD_LETTER}, returned normally, so it is acknowledged.
     */
    public Outcome accept(String topicName, byte[] payload) {
        Outcome outcome = take(topicName, payload);
        if (outcome == Outcome.MALFORMED && stored(topicName)) {
            return deadLetter(topicName, new String(payload, StandardCharsets.UTF_8), lastReason);
        }
        return outcome;
    }

    private boolean stored(String topicName) {
        Topic topic = Topic.parse(prefix, topicName);
        return topic != null && (topic.shape() == Topic.Shape.REP || topic.shape() == Topic.Shape.SESSION);
    }

    private Outcome deadLetter(String topicName, String payload, String reason) {
        deadLetters.add(topicName, payload, reason, clock.instant()); // a database down here: retried, as it should
        deadLettered.incrementAndGet();
        rejected.reject(topicName, reason + " (kept in the dead_letter table, acknowledged)");
        return Outcome.DEAD_LETTER;
    }

    /** The reason of the last MALFORMED (accept() runs on one thread: the MQTT client's, or a test's). */
    private String lastReason = "";

    private Outcome take(String topicName, byte[] payload) {
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
                case REP -> numbered(topic, text, rep(topicName, topic, RepMessage.fromJson(text)));
                case STATE -> state(topicName, topic, StateMessage.fromJson(text));
                case FORCE -> force(topicName, topic, ForceBatch.fromJson(text));
                case SESSION -> numbered(topic, text, session(topicName, topic, SessionSummary.fromJson(text)));
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

    private Outcome numbered(Topic topic, String text, Outcome outcome) {
        if (outcome == Outcome.STORED || outcome == Outcome.DUPLICATE) {
            sequenceOf(topic.gateway(), text);
        }
        return outcome;
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
        if (problem == null) {
            problem = ContractCheck.rep(rep, clock.instant());
        }
        if (problem != null) {
            return malformed(topicName, problem);
        }
        ForceCurve curve = forces.curve(rep);
        boolean added;
        try {
            added = store.add(rep, curve, clock.instant());
        } catch (StoreException e) {
            if (!e.permanent()) {
                throw e;
            }
            return deadLetter(topicName, rep.toJson(), "the database refuses it: " + e.getMessage());
        }
        if (!added) {
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
        if (problem == null) {
            problem = ContractCheck.session(summary, clock.instant());
        }
        if (problem != null) {
            return malformed(topicName, problem);
        }
        boolean added;
        try {
            added = store.addSession(summary, clock.instant());
        } catch (StoreException e) {
            if (!e.permanent()) {
                throw e;
            }
            return deadLetter(topicName, summary.toJson(), "the database refuses it: " + e.getMessage());
        }
        if (!added) {
            duplicates.incrementAndGet();
            return Outcome.DUPLICATE;
        }
        sessions.incrementAndGet();
        listener.session(summary);
        return Outcome.STORED;
    }

    private Outcome maxTest(String topicName, Topic topic, MaxTestMessage test) {
        String problem = sameOrigin(topic, test.gateway(), test.band());
        if (problem == null) {
            problem = ContractCheck.maxTest(test);
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
        lastReason = reason;
        if (stored(topicName)) {
            return Outcome.MALFORMED; // accept() keeps it in the dead letters, and counts it
        }
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

    /** Reps and summaries kept in the dead letters since start. */
    public long deadLettered() {
        return deadLettered.get();
    }

    public DeadLetters deadLetters() {
        return deadLetters;
    }

    public RejectedPayloads rejected() {
        return rejected;
    }

    public IngestCounts counts() {
        return new IngestCounts(reps.get(), duplicates.get(), curves.get(), states.get(), forceBatches.get(),
                sessions.get(), statuses.get(), rejected.total(), ignored.get(), rejected.byTopic());
    }
}
