package org.isoband.gateway.record;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.isoband.core.trace.TraceCsvWriter;
import org.isoband.device.source.LinkState;
import org.isoband.device.source.SampleSink;
import org.isoband.device.source.SampleSource;

/**
 * Writes what a source delivers into a recording until the source ends, a time limit, {@link #stop}, or no
 * sample has come for the give-up time (a band switched off, no Bluetooth at all: the source itself would keep
 * trying for ever). The file is created with the first sample, so that nothing recorded leaves no file, and
 * what was recorded is always closed properly, also when the JVM is asked to exit.
 */
public final class Recorder implements SampleSink {
    private final Path out;
    private final String header;
    private final AtomicLong samples = new AtomicLong();
    private final AtomicReference<LinkState> state = new AtomicReference<>(LinkState.CONNECTING);
    private final AtomicReference<String> detail = new AtomicReference<>("");
    private final AtomicReference<IOException> failure = new AtomicReference<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean stopRequested;
    /** Set once the file is closed: a late sample must not open (and so truncate) it again. */
    private boolean finished;
    private TraceCsvWriter writer;
    private long first = Long.MIN_VALUE;
    private volatile long last;
    private volatile long lastArrival;

    /** How a recording ended. */
    public enum End { SOURCE_ENDED, TIME_LIMIT, STOPPED, GAVE_UP, WRITE_FAILED }

    /**
     * @param samples  how many were written
     * @param seconds  from the first sample to the last
     * @param state    the link's last state, and {@code detail} why (may be empty)
     */
    public record Outcome(End end, long samples, double seconds, LinkState state, String detail, IOException failure) {
    }

    /** @param header the recording's first comment line: what made it */
    public Recorder(Path out, String header) {
        this.out = out;
        this.header = header;
    }

    /**
     * Records {@code source} (started here, stopped before returning), printing progress to {@code progress}
     * once a second, until it ends, {@code limit} passes (null: no limit), {@link #stop}, or no sample has come
     * for {@code giveUp}.
     */
    public Outcome record(SampleSource source, Duration limit, Duration giveUp, PrintWriter progress) throws InterruptedException {
        long start = System.nanoTime();
        lastArrival = start;
        long deadline = limit == null ? Long.MAX_VALUE : start + limit.toNanos();
        End end = null;
        LinkState lastState;
        String lastDetail;
        try {
            source.start(this);
            String told = "";
            while (end == null) {
                if (ended.await(1, TimeUnit.SECONDS)) {
                    end = failure.get() != null ? End.WRITE_FAILED : stopRequested ? End.STOPPED : End.SOURCE_ENDED;
                    break;
                }
                long now = System.nanoTime();
                String why = detail.get();
                if (!why.isEmpty() && !why.equals(told)) {
                    progress.printf(Locale.ROOT, "record: link %s: %s%n", state.get(), why);
                }
                told = why;
                long silentNanos = now - lastArrival;
                progress.printf(Locale.ROOT, "record: %d samples, %.1f s, link %s%s%n", samples.get(), seconds(),
                        state.get(), silentNanos >= 2_000_000_000L ? String.format(Locale.ROOT,
                                " (no sample for %.0f s; giving up at %d s)", silentNanos / 1e9, giveUp.toSeconds()) : "");
                progress.flush();
                if (now - deadline >= 0) {
                    end = End.TIME_LIMIT;
                } else if (silentNanos >= giveUp.toNanos()) {
                    end = End.GAVE_UP;
                }
            }
        } finally {
            // As the link was when the recording ended, not the STOPPED that stopping it brings.
            lastState = state.get();
            lastDetail = detail.get();
            source.stop();
            closeFile();
            closed.countDown();
        }
        return new Outcome(end, samples.get(), seconds(), lastState, lastDetail, failure.get());
    }

    /** Ends the recording from another thread (Ctrl-C) and waits up to {@code wait} for the file to be closed. */
    public void stop(Duration wait) throws InterruptedException {
        stopRequested = true;
        ended.countDown();
        closed.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void sample(long tNanos, double newtons) {
        if (failure.get() != null || finished) {
            return;
        }
        try {
            if (writer == null) {
                writer = new TraceCsvWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8));
                writer.comment(header);
                first = tNanos;
            }
            last = tNanos;
            writer.sample((tNanos - first) / 1e9, newtons);
            samples.incrementAndGet();
            lastArrival = System.nanoTime();
        } catch (IOException e) {
            failure.compareAndSet(null, e);
            ended.countDown();
        }
    }

    @Override
    public void linkState(LinkState newState, String why) {
        state.set(newState);
        detail.set(why == null ? "" : why);
        if (newState == LinkState.STOPPED) {
            ended.countDown();
        }
    }

    private synchronized void closeFile() {
        finished = true;
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            failure.compareAndSet(null, e);
        }
        writer = null;
    }

    private double seconds() {
        return first == Long.MIN_VALUE ? 0 : (last - first) / 1e9;
    }
}
