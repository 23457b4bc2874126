package org.isoband.device.gpio;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * A {@link GpioClock} that moves only when the code under test sleeps or a test (or chip emulator) advances
 * it, so protocol timing is exact and tests never depend on how fast the machine is. Chip emulators listen
 * to it to convert on schedule.
 */
final class FakeClock implements GpioClock {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private final long realParkNanos;

    /** For single-threaded tests: sleeping takes no real time at all. */
    FakeClock() {
        this(0);
    }

    /**
     * For a source's own thread: each sleep also parks for {@code realParkNanos} of real time, so the reading
     * thread does not spin a core while the test thread prepares the next input.
     */
    FakeClock(long realParkNanos) {
        this.realParkNanos = realParkNanos;
    }

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleepNanos(long nanos) {
        advance(nanos);
        if (realParkNanos > 0) {
            LockSupport.parkNanos(realParkNanos);
        }
    }

    /** Moves time forward by {@code nanos} and tells the listeners the new time. */
    void advance(long nanos) {
        long t = now.addAndGet(nanos);
        for (LongConsumer listener : listeners) {
            listener.accept(t);
        }
    }

    void onAdvance(LongConsumer listener) {
        listeners.add(listener);
    }
}
