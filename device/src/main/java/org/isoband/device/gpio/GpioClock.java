package org.isoband.device.gpio;

import java.util.concurrent.locks.LockSupport;

/**
 * The time source of the wire protocols: they measure pulses and wait for chips with it. Production uses
 * {@link #SYSTEM}; tests pass a clock they advance themselves, so protocol timing (a stretched clock pulse,
 * a chip that never gets ready) is checked without real waiting and without timing-dependent results.
 */
public interface GpioClock {

    /** Monotonic time in nanoseconds, on the same scale as {@link System#nanoTime()}. */
    long nanoTime();

    /** Waits at least {@code nanos}; returns early only if the thread is interrupted. */
    void sleepNanos(long nanos);

    /** The JVM's monotonic clock, and parking the thread to wait. */
    GpioClock SYSTEM = new GpioClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) {
            // parkNanos may return early (spurious wake-ups): loop until the time has passed.
            long end = System.nanoTime() + nanos;
            long left = nanos;
            while (left > 0 && !Thread.currentThread().isInterrupted()) {
                LockSupport.parkNanos(left);
                left = end - System.nanoTime();
            }
        }

        @Override
        public String toString() {
            return "GpioClock.SYSTEM";
        }
    };
}
