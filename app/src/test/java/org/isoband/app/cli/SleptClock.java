package org.isoband.app.cli;

import java.util.concurrent.atomic.AtomicLong;
import org.isoband.device.gpio.GpioClock;

/** A clock that moves only when slept on: a measurement "over 0.25 s" of an 80 Hz cell is always 20 readings. */
final class SleptClock implements GpioClock {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleepNanos(long nanos) {
        now.addAndGet(nanos);
    }
}
