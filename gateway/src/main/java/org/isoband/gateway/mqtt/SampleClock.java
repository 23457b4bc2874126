package org.isoband.gateway.mqtt;

import java.time.Clock;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Turns the detector's sample clock ({@link System#nanoTime()} nanoseconds, any origin) into wall-clock
 * instants for messages: {@code wall = nowWall - (nowNanos - tNanos)}. Measuring the age of the sample on the
 * monotonic clock and subtracting it from the wall clock now keeps every instant right even when NTP steps
 * the wall clock during a session (a Pi has no RTC and often syncs minutes after boot): only the newest step
 * counts, never an offset frozen at start.
 */
public final class SampleClock {
    private final Clock wall;
    private final LongSupplier nanoTime;

    public SampleClock(Clock wall, LongSupplier nanoTime) {
        this.wall = wall;
        this.nanoTime = nanoTime;
    }

    /** The system's clocks: UTC wall clock and {@link System#nanoTime()}. */
    public static SampleClock system() {
        return new SampleClock(Clock.systemUTC(), System::nanoTime);
    }

    /** The wall-clock instant of a sample taken at {@code tNanos} on the sample clock. */
    public Instant toWall(long tNanos) {
        long age = nanoTime.getAsLong() - tNanos;
        return wall.instant().minusNanos(age);
    }

    /** The wall clock now. */
    public Instant now() {
        return wall.instant();
    }

    /** The sample clock now. */
    public long nanos() {
        return nanoTime.getAsLong();
    }
}
