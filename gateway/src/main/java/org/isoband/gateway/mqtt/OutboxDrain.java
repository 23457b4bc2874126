package org.isoband.gateway.mqtt;

import org.isoband.core.mqtt.PublishResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.isoband.core.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ack bookkeeping: how a stored event becomes a sent one. Everything about rep events and session
 * summaries between the publisher's hand-off and the broker's PUBACK is here, against a {@link PublishChannel}
 * (so it is unit tested without a broker) and on one thread (the {@code loop}: results from the channel are
 * handed back to it).
 *
 * <ul>
 *   <li><b>Store first.</b> Events are stored in the {@link Outbox} (several per transaction when they come
 *       fast) before they are published. When the file cannot be written the newest
 *       {@code prune.memoryEvents} wait in memory (one loud line), are published from there, and move back to
 *       the file as soon as it can be written (tried every {@link #RETRY_STORE}).</li>
 *   <li><b>In-flight window.</b> At most {@link #WINDOW} (or the broker's receive maximum, if lower) are
 *       published at once, oldest first, QoS 1.</li>
 *   <li><b>Acks.</b> A PUBACK below 0x80 marks the event sent (several per transaction). A PUBACK of 0x80 or
 *       above (MQTT 5) means the broker did not publish it: the event stays unsent, one loud line names the
 *       topic and the reason, and all refused events are tried again after a {@link Backoff} delay. No answer
 *       (the connection dropped) leaves it unsent; every unsent event is published again on reconnect.</li>
 * </ul>
 */
final class OutboxDrain {
    private static final Logger log = LoggerFactory.getLogger(OutboxDrain.class);
    static final int WINDOW = PublishWindow.MAX;
    static final Duration RETRY_STORE = Duration.ofSeconds(5);

    private final Path file;
    private final PrunePolicy policy;
    private final PublishChannel channel;
    private final Executor loop;
    private final Clock clock;
    private final LongSupplier nanos;
    private final Refusals refusals;

    // Loop thread only.
    private Outbox outbox;
    private final MemoryHold memory;
    private final List<OutboxEntry> toStore = new ArrayList<>();
    private final List<OutboxEntry> acked = new ArrayList<>();
    private final PublishWindow window = new PublishWindow();
    private final ReplayCursor replay = new ReplayCursor();
    private boolean connected;
    private boolean diskTrouble;
    private long lastStoreRetryNanos;

    // Read from any thread.
    private final AtomicLong unsent = new AtomicLong();
    private final AtomicLong ackedTotal = new AtomicLong();

    /**
     * @param refusalRetry delays before events the broker refused are tried again
     * @param nanos        a monotonic clock (System::nanoTime; a fake one in tests)
     */
    OutboxDrain(Path file, PrunePolicy policy, PublishChannel channel, Executor loop, Clock clock, LongSupplier nanos,
                Backoff refusalRetry, RandomGenerator random) {
        this.file = file;
        this.policy = policy;
        this.channel = channel;
        this.loop = loop;
        this.clock = clock;
        this.nanos = nanos;
        this.refusals = new Refusals(refusalRetry, random, nanos);
        this.memory = new MemoryHold(policy.memoryEvents());
        this.lastStoreRetryNanos = nanos.getAsLong();
    }

    /** Opens the outbox file, counting what an earlier run left unsent; a file that cannot be opened is reported. */
    void open() {
        try {
            outbox = Outbox.open(file, policy);
            long waiting = outbox.unsentCount();
            unsent.addAndGet(waiting);
            if (waiting > 0) {
                log.info("outbox {}: {} event(s) from before wait to be published", file, waiting);
            }
        } catch (OutboxException e) {
            troubleBegins(e);
        }
        takeBackFallback();
    }

    /** Events a stop saved beside the outbox (the file was not writable then): into the outbox, or memory. */
    private void takeBackFallback() {
        Path fallback = FallbackFile.beside(file);
        if (!java.nio.file.Files.exists(fallback)) {
            return;
        }
        try {
            List<OutboxEntry> saved = FallbackFile.read(fallback);
            unsent.addAndGet(saved.size());
            toStore.addAll(saved);
            flushStore();
            if (memory.isEmpty()) {
                java.nio.file.Files.delete(fallback);
                log.info("outbox {}: {} event(s) saved in {} at the last stop moved into it", file, saved.size(), fallback);
            } else {
                log.warn("outbox {}: {} event(s) from {} wait in memory; the file is kept until they are acknowledged",
                        file, saved.size(), fallback);
            }
        } catch (java.io.IOException e) {
            log.error("OUTBOX FALLBACK NOT READABLE: {}: {}; its events are not published", fallback, e.getMessage());
        }
    }

    /** The outbox file, or null while it cannot be opened; for the parts that keep their own rows in it. */
    Outbox outbox() {
        return outbox;
    }

    /** Any thread: one more event is on its way to {@link #store}, so that it counts as unsent at once. */
    void expect() {
        unsent.incrementAndGet();
    }

    // ---- storing -------------------------------------------------------------------------------------------

    /** Collects events that arrive together so they are stored in one transaction (one fsync). */
    void store(OutboxEntry entry) {
        toStore.add(entry);
        if (toStore.size() == 1) {
            loop.execute(this::flushStore);
        }
    }

    void flushStore() {
        if (toStore.isEmpty()) {
            return;
        }
        List<OutboxEntry> batch = new ArrayList<>(toStore);
        toStore.clear();
        if (outbox != null && memory.isEmpty()) {
            long cursor = window.cursor();
            try {
                int stored = outbox.add(batch, this::publishWhileCommitting).size();
                unsent.addAndGet(stored - batch.size()); // an id stored before is not counted twice
                if (diskTrouble) {
                    log.info("outbox {} is writable again", file);
                    diskTrouble = false;
                }
            } catch (OutboxException e) {
                // Rolled back: their numbers will be given again, so the cursor goes back; those published while
                // committing are in flight from memory now, and their PUBACKs take them out of it.
                window.rewind(cursor);
                troubleBegins(e);
                keepInMemory(batch);
            }
        } else {
            // Keeps the order: while older events wait in memory, newer ones queue behind them.
            keepInMemory(batch);
        }
        publishPending();
    }

    /** The file could not be used: one line when the trouble begins, not one per event. */
    void troubleBegins(OutboxException e) {
        if (!diskTrouble) {
            log.error("OUTBOX NOT WRITABLE: {}; keeping the newest {} events in memory until it can be written again",
                    e.getMessage(), policy.memoryEvents());
            diskTrouble = true;
        }
    }

    /**
     * Inside the store's transaction, before its commit waits for the disk: the new events that are next in line
     * (nothing older unpublished, room in the window, not held by a refusal) are published now, so the fsync and
     * the broker's round trip overlap instead of adding up. Durability is unchanged: their PUBACKs are handled on
     * this thread, after the commit returned, so nothing is marked sent before it is on disk; and a crash before
     * the commit loses from the outbox only what it lost before, which may now have reached the broker too.
     */
    private void publishWhileCommitting(List<OutboxEntry> numbered) {
        if (!connected) {
            return;
        }
        for (OutboxEntry e : numbered) {
            if (!window.nextInLine() || refusals.holds(e.id())) {
                return; // older ones wait, or no room: publishPending takes them in order after the commit
            }
            window.advance(e.seq());
            if (window.take(e.id())) {
                send(e);
            }
        }
    }

    private void keepInMemory(List<OutboxEntry> batch) {
        unsent.addAndGet(-memory.hold(batch));
    }

    /** Moves the events kept in memory back into the file once it can be written again. */
    private void retryStore() {
        if (memory.isEmpty() || nanos.getAsLong() - lastStoreRetryNanos < RETRY_STORE.toNanos()) {
            return;
        }
        lastStoreRetryNanos = nanos.getAsLong();
        try {
            if (outbox == null) {
                outbox = Outbox.open(file, policy);
                unsent.addAndGet(outbox.unsentCount());
            }
            List<OutboxEntry> moving = memory.copy();
            outbox.add(moving);
            memory.clear();
            log.info("outbox {} is writable again: {} event(s) moved there from memory", file, moving.size());
            diskTrouble = false;
            window.rewind(0); // they have sequence numbers now, behind the cursor
            publishPending();
        } catch (OutboxException e) {
            // Still failing: already reported when the trouble began.
        }
    }

    void prune() {
        if (outbox == null) {
            return;
        }
        try {
            int deleted = outbox.prune(clock.millis());
            if (deleted > 0) {
                log.info("outbox: pruned {} sent event(s)", deleted);
            }
        } catch (OutboxException e) {
            troubleBegins(e);
        }
    }

    /** The periodic work: files that can be written again, refused events whose retry time came. */
    void tick() {
        retryStore();
        if (refusals.due()) {
            window.rewind(0);
            publishPending();
        }
    }

    // ---- publishing ----------------------------------------------------------------------------------------

    /**
     * Connected: everything unsent is published again from the oldest.
     *
     * @param receiveMaximum the broker's limit of QoS 1 publishes in flight
     */
    void connected(int receiveMaximum) {
        connected = true;
        window.open(receiveMaximum);
        publishPending();
    }

    /** The connection dropped: nothing is in flight any more (the answers to come, if any, are still handled). */
    void disconnected() {
        connected = false;
        window.close();
    }

    /** Publishes unsent events, oldest first, while the window has room. */
    private void publishPending() {
        if (!connected) {
            return;
        }
        int room = window.room();
        window.looking();
        // The file's events are older than those in memory: they go first, even while it cannot be written.
        while (room > 0 && outbox != null) {
            List<OutboxEntry> next;
            try {
                next = outbox.unsent(window.cursor(), room);
            } catch (OutboxException e) {
                troubleBegins(e);
                break;
            }
            if (next.isEmpty()) {
                window.caughtUp();
                break;
            }
            for (OutboxEntry e : next) {
                window.advance(e.seq());
                if (!refusals.holds(e.id()) && window.take(e.id())) {
                    send(e);
                    room--;
                }
            }
        }
        for (OutboxEntry e : memory.events()) {
            if (room <= 0) {
                break;
            }
            if (!refusals.holds(e.id()) && window.take(e.id())) {
                send(e);
                room--;
            }
        }
        // Last, in the room new events leave: a replay of the log, for a consumer that lost some.
        if (outbox != null) {
            try {
                replay.fill(outbox, room, e -> {
                    if (!window.take(e.id())) {
                        return false;
                    }
                    send(e);
                    return true;
                });
            } catch (OutboxException e) {
                troubleBegins(e);
            }
        }
    }

    /**
     * A consumer asks for the events after {@code afterSeq} again (it found no session on the broker, or a gap
     * in the sequence): the sent ones in the log are published again, up to the newest now, behind new events.
     * A request while one is running widens it; the unsent ones go out anyway.
     */
    void replay(long afterSeq) {
        if (outbox == null) {
            log.warn("mqtt: a replay from event {} was asked for, but the outbox cannot be read", afterSeq + 1);
            return;
        }
        try {
            if (replay.request(afterSeq, outbox.lastSeq())) {
                publishPending();
            }
        } catch (OutboxException e) {
            troubleBegins(e);
        }
    }

    /** A replay request by time: the events stored at or after {@code sinceMs}. */
    void replaySince(long sinceMs) {
        if (outbox == null) {
            log.warn("mqtt: a replay was asked for, but the outbox cannot be read");
            return;
        }
        try {
            replay(outbox.seqBefore(sinceMs));
        } catch (OutboxException e) {
            troubleBegins(e);
        }
    }

    private void send(OutboxEntry e) {
        channel.publish(e.topic(), e.payload().getBytes(StandardCharsets.UTF_8), 1, false,
                result -> loop.execute(() -> answered(e, result)));
    }

    /** What the broker said about one event. */
    private void answered(OutboxEntry e, PublishResult result) {
        window.answered(e.id());
        if (result instanceof PublishResult.Accepted) {
            accepted(e);
        } else if (result instanceof PublishResult.Refused no) {
            refusals.refused(e, no.reason());
        } else if (connected && e.seq() > 0 && e.seq() <= window.cursor()) {
            // Unanswered while still connected: published again from here on (after a reconnect, anyway).
            window.rewind(e.seq() - 1);
        }
    }

    private void accepted(OutboxEntry e) {
        acked.add(e);
        ackedTotal.incrementAndGet();
        if (acked.size() == 1) {
            loop.execute(this::flushAcks);
        }
        refusals.accepted(e);
    }

    /** Marks acknowledged events sent, several per transaction, and refills the window. */
    void flushAcks() {
        if (acked.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(acked.size());
        for (OutboxEntry e : acked) {
            ids.add(e.id());
            if (memory.remove(e.id())) {
                unsent.decrementAndGet();
            }
        }
        acked.clear();
        if (outbox != null) {
            try {
                unsent.addAndGet(-outbox.markSent(ids, clock.millis()));
            } catch (OutboxException e) {
                // Still unsent in the file: published once more later, and consumers drop the duplicate.
                troubleBegins(e);
            }
        }
        publishPending();
    }

    // ---- reading and closing -------------------------------------------------------------------------------

    /** Today's counts: the file's reps plus those waiting in memory. */
    RepCounts repCounts(String band, long sinceMs) {
        return memory.repCounts(outbox == null ? RepCounts.NONE : outbox.repCounts(band, sinceMs), band, sinceMs);
    }

    long unsent() {
        return unsent.get();
    }

    long acked() {
        return ackedTotal.get();
    }

    long refusedTotal() {
        return refusals.total();
    }

    long droppedFromMemory() {
        return memory.dropped();
    }

    int inMemory() {
        return memory.size();
    }

    /** Events only in memory (the file could not take them): what a stop must save elsewhere. */
    List<OutboxEntry> onlyInMemory() {
        List<OutboxEntry> out = memory.copy();
        out.addAll(toStore);
        return out;
    }

    /**
     * Tries once more to move the memory-only events into the file (the disk may have room now), then saves
     * the rest beside it. Returns how many were saved and how many could be saved nowhere.
     */
    int[] saveLeftovers() {
        flushStore();
        if (!memory.isEmpty()) {
            lastStoreRetryNanos = nanos.getAsLong() - RETRY_STORE.toNanos();
            retryStore();
        }
        List<OutboxEntry> left = onlyInMemory();
        if (left.isEmpty()) {
            return new int[] {0, 0};
        }
        Path fallback = FallbackFile.beside(file);
        try {
            FallbackFile.write(fallback, left);
            memory.clear();
            unsent.addAndGet(-left.size());
            return new int[] {left.size(), 0};
        } catch (java.io.IOException | RuntimeException e) {
            log.error("OUTBOX FALLBACK NOT WRITABLE: {}: {}", fallback, e.getMessage());
            return new int[] {0, left.size()};
        }
    }

    Path fallbackFile() {
        return FallbackFile.beside(file);
    }

    /** Stores what is pending, marks what was acknowledged, and closes the file. */
    void close() {
        flushStore();
        flushAcks();
        connected = false;
        if (outbox != null) {
            outbox.close();
            outbox = null;
        }
    }
}
