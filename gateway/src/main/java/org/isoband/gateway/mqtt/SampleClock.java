package org.isoband.gateway.mqtt;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
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

    /**
     * For a sample clock that runs {@code speed} times as fast as real time (a demo at 20x). Dated by the age rule
     * above, a rep's start would be its end minus its simulated length on a wall clock that moved 20 times less,
     * and every later rep would start before the last one ended. Such a session is dated at its own pace from
     * now on: its instants keep their order and lengths, and its force samples line up with its reps.
     */
    public static SampleClock paced(Clock wall, LongSupplier nanoTime, double speed) {
        if (speed == 1.0 || Double.isInfinite(speed)) {
            return new SampleClock(wall, nanoTime);
        }
        Instant wallAtStart = wall.instant();
        long nanosAtStart = nanoTime.getAsLong();
        Clock pacedWall = new Clock() {
            @Override
            public ZoneId getZone() {
                return wall.getZone();
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return wallAtStart.plusNanos(nanoTime.getAsLong() - nanosAtStart);
            }
        };
        return new SampleClock(pacedWall, nanoTime);
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
