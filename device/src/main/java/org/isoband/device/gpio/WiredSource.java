package org.isoband.device.gpio;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import org.isoband.device.source.LinkState;
import org.isoband.device.source.SampleSink;
import org.isoband.device.source.SampleSource;
import org.isoband.device.source.SourceDescription;
import org.isoband.device.source.SourceThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reading loop shared by the chips on the Pi's pins: one daemon thread that opens the chip, reads it as
 * fast as it converts, passes good readings on as newtons and keeps the flagged ones back (counted).
 *
 * <p>Link state: CONNECTING until the first good reading, then STREAMING. A chip that stops answering (a
 * read timeout), or that gives no good reading for {@link #LOST_AFTER_NANOS} (bus errors, saturated or stuck
 * values), makes the link LOST with the reason as detail and a log line; the loop then re-opens the chip (a
 * reset) every {@link #RETRY_NANOS} until it answers, and the link is STREAMING again with the next good
 * reading.
 */
public abstract class WiredSource implements SampleSource {
    /** Without a good reading for this long the link is lost (the same second as the other sources). */
    public static final long LOST_AFTER_NANOS = 1_000_000_000L;
    /** Pause between attempts to get a lost chip back; a bus error would otherwise retry in a hot loop. */
    public static final long RETRY_NANOS = 500_000_000L;
    /** Pause before re-trying after a bus error while the link still counts as up. */
    public static final long QUICK_RETRY_NANOS = 10_000_000L;

    static final Logger LOG = LoggerFactory.getLogger(WiredSource.class.getPackageName());

    private static final int GOOD = 0;
    private static final int TIMEOUTS = 5;
    private static final int BUS_ERRORS = 6;

    private final SourceDescription description;
    private final GpioClock clock;
    private final ReadingGuard guard;
    /** Indexed by {@link ReadingFlag#ordinal} for readings, then timeouts and bus errors. */
    private final AtomicLongArray counts = new AtomicLongArray(7);
    private final SourceThread thread;
    private boolean closed;

    protected WiredSource(SourceDescription description, GpioClock clock, ReadingGuard guard) {
        this.description = description;
        this.clock = clock;
        this.guard = guard;
        // Interrupt: it cuts the chip's wait for a conversion (and a retry pause) short; the loop does no file I/O.
        this.thread = new SourceThread("source-" + description.kind(), SourceThread.StopMode.INTERRUPT,
                Duration.ofSeconds(2));
    }

    /** Brings the chip to a known state (reset, configuration); called at start and before each retry. */
    protected abstract void openChip() throws SensorException, InterruptedException;

    /** Waits for and reads the next conversion. */
    protected abstract RawReading readChip() throws SensorException, InterruptedException;

    /** The good raw reading in newtons. */
    protected abstract double toNewtons(int raw);

    /** Leaves the chip idle (powered down) and frees the pins or bus; errors are only logged. */
    protected abstract void closeChip();

    @Override
    public SourceDescription description() {
        return description;
    }

    @Override
    public synchronized void start(SampleSink sink) {
        if (thread.started() || closed) {
            throw new IllegalStateException(description.name() + (closed ? " is closed" : " was already started"));
        }
        thread.start(() -> run(sink));
    }

    private void run(SampleSink sink) {
        LinkState state = LinkState.CONNECTING;
        sink.linkState(state, "");
        long lastGood = clock.nanoTime();
        long lostAt = 0;
        boolean open = false;
        try {
            while (thread.running()) {
                try {
                    if (!open) {
                        openChip();
                        guard.reset();
                        open = true;
                    }
                    RawReading reading = guard.check(readChip());
                    counts.incrementAndGet(reading.flag().ordinal());
                    if (reading.good()) {
                        if (state != LinkState.STREAMING) {
                            String detail = state == LinkState.LOST
                                    ? String.format(Locale.ROOT, "%s is back after %.1f s", description.name(),
                                            (reading.tNanos() - lostAt) / 1e9)
                                    : "";
                            if (state == LinkState.LOST) {
                                LOG.info(detail);
                            }
                            state = LinkState.STREAMING;
                            sink.linkState(state, detail);
                        }
                        lastGood = reading.tNanos();
                        sink.sample(reading.tNanos(), toNewtons(reading.raw()));
                    } else if (state != LinkState.LOST && reading.tNanos() - lastGood >= LOST_AFTER_NANOS) {
                        state = LinkState.LOST;
                        lostAt = reading.tNanos();
                        lost(sink, String.format(Locale.ROOT, "%s: no valid reading for %.1f s, the last %s (raw %d)%s",
                                description.name(), LOST_AFTER_NANOS / 1e9, reading.flag().words(), reading.raw(),
                                hint(reading.flag())));
                    }
                } catch (SensorException e) {
                    boolean timeout = e instanceof SensorTimeoutException;
                    counts.incrementAndGet(timeout ? TIMEOUTS : BUS_ERRORS);
                    open = false;
                    long now = clock.nanoTime();
                    // A timeout already waited the read timeout. A bus error is immediate and may be one
                    // disturbed transfer: retry at once, and call the link lost only when the errors go on.
                    if (state != LinkState.LOST && (timeout || now - lastGood >= LOST_AFTER_NANOS)) {
                        state = LinkState.LOST;
                        lostAt = now;
                        lost(sink, e.getMessage());
                    }
                    clock.sleepNanos(state == LinkState.LOST ? RETRY_NANOS : QUICK_RETRY_NANOS);
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException();
                    }
                }
            }
        } catch (InterruptedException e) {
            // stop() interrupts the thread to cut a wait short: fall through to STOPPED.
        } finally {
            Thread.interrupted(); // the interrupt has done its work; closing the chip must not be cut short
            closeChip();
            sink.linkState(LinkState.STOPPED, "");
        }
    }

    private void lost(SampleSink sink, String detail) {
        LOG.warn("link LOST: {}; retrying every {} s", detail, RETRY_NANOS / 1e9);
        sink.linkState(LinkState.LOST, detail);
    }

    private static String hint(ReadingFlag flag) {
        return switch (flag) {
            case SATURATED -> ": overloaded, or the sensor is wired wrongly";
            case STUCK -> ": the data line or the chip is dead";
            case CLOCK_STRETCHED -> ": the Pi is too busy to clock the chip in time";
            default -> "";
        };
    }

    /** What was read so far, by outcome. */
    public SensorCounters counters() {
        return new SensorCounters(counts.get(GOOD), counts.get(ReadingFlag.SATURATED.ordinal()),
                counts.get(ReadingFlag.STUCK.ordinal()), counts.get(ReadingFlag.CLOCK_STRETCHED.ordinal()),
                counts.get(ReadingFlag.SETTLING.ordinal()), counts.get(TIMEOUTS), counts.get(BUS_ERRORS));
    }

    @Override
    public void stop() {
        thread.stop();
    }

    @Override
    public void close() {
        stop();
        boolean neverStarted;
        synchronized (this) {
            neverStarted = !thread.started() && !closed;
            closed = true;
        }
        if (neverStarted) {
            closeChip(); // otherwise the reading thread closed it on its way out
        }
    }
}
