package org.isoband.device.source;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Base of the sources that play samples with known times (the simulator, a replayed recording): one daemon
 * thread, pacing by the recording's own clock at a chosen speed, and link state LOST when the recording
 * falls silent for more than a second (as a real link would be reported), STREAMING when it resumes.
 * Samples carry the recording's time, offset to the gateway's clock at start.
 */
public abstract class TimedSource implements SampleSource {
    /** Silence after which a link counts as lost. */
    public static final double LOST_AFTER_S = 1.0;

    private static final long NOT_STARTED = Long.MIN_VALUE;

    private final SourceDescription description;
    private final double speed;
    private final SourceThread thread;
    /** When playing began; until then the clock is the real one, so that it runs on from there without a jump. */
    private volatile long originNanos = NOT_STARTED;
    private double lastSeconds = Double.NaN;

    protected TimedSource(SourceDescription description, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive, got " + speed);
        }
        this.description = description;
        this.speed = speed;
        // Unpark, not interrupt: the sink may be writing a file on this thread (record), and an interrupt would
        // close its channel.
        this.thread = new SourceThread("source-" + description.kind(), SourceThread.StopMode.UNPARK,
                Duration.ofSeconds(2));
    }

    @Override
    public SourceDescription description() {
        return description;
    }

    @Override
    public synchronized void start(SampleSink sink) {
        if (thread.started()) {
            throw new IllegalStateException(description.name() + " was already started");
        }
        originNanos = System.nanoTime();
        thread.start(() -> run(sink));
    }

    private void run(SampleSink sink) {
        try {
            sink.linkState(LinkState.STREAMING, "");
            play(sink);
        } catch (StopPlaying e) {
            // stop() was called: fall through to STOPPED
        } finally {
            sink.linkState(LinkState.STOPPED, "");
        }
    }

    /** Delivers every sample through {@link #deliver}, in time order. */
    protected abstract void play(SampleSink sink);

    /** Waits until the sample taken {@code seconds} into the recording is due, then hands it to the sink. */
    protected void deliver(SampleSink sink, double seconds, double newtons) {
        if (!thread.running()) {
            throw new StopPlaying();
        }
        if (seconds - lastSeconds > LOST_AFTER_S) {
            waitUntil(lastSeconds + LOST_AFTER_S);
            sink.linkState(LinkState.LOST, String.format(java.util.Locale.ROOT,
                    "%s: no samples for %.1f s", description.name(), LOST_AFTER_S));
            waitUntil(seconds);
            sink.linkState(LinkState.STREAMING, description.name() + " is back");
        } else {
            waitUntil(seconds);
        }
        sink.sample(originNanos + Math.round(seconds * 1e9), newtons);
        lastSeconds = seconds;
    }

    private void waitUntil(double seconds) {
        if (Double.isInfinite(speed)) {
            return;
        }
        long due = originNanos + (long) (seconds / speed * 1e9);
        long wait;
        while (thread.running() && (wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
        if (!thread.running()) {
            throw new StopPlaying();
        }
    }

    @Override
    public double speed() {
        return speed;
    }

    @Override
    public long nowNanos() {
        long now = System.nanoTime();
        long origin = originNanos;
        return Double.isInfinite(speed) || origin == NOT_STARTED ? now : origin + (long) ((now - origin) * speed);
    }

    /** Waits for the source to finish playing by itself; for tests and `record`. */
    public void awaitEnd() throws InterruptedException {
        thread.join();
    }

    @Override
    public void stop() {
        thread.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** Thrown inside {@link #play} to unwind when stopped. */
    protected static final class StopPlaying extends RuntimeException {
        public StopPlaying() {
            super(null, null, false, false);
        }
    }
}
