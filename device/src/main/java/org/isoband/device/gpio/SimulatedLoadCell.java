package org.isoband.device.gpio;

import java.util.Random;

/**
 * A load cell on an HX711 that exists only in memory, for trying {@code isoband calibrate} without a Pi: it
 * gives raw codes at the chosen rate in real time, an offset plus {@link #RAW_PER_NEWTON} per newton of what
 * hangs on it ({@link #hang}), with Gaussian noise. Deterministic for a seed and a number of readings.
 */
public final class SimulatedLoadCell implements RawSensor {
    /** Raw codes with nothing on the cell (a real cell's zero is anywhere). */
    public static final int OFFSET_RAW = 84_213;
    /** About a 20 kg bar cell at gain 128. */
    public static final double RAW_PER_NEWTON = 4365;
    /** Noise of the reading in newtons (rms), like an HX711 at 80 Hz. */
    public static final double NOISE_N = 0.05;

    private final Random random;
    private final long periodNanos;
    private final GpioClock clock;
    private volatile double newtons;
    private long nextAt = Long.MIN_VALUE;

    public SimulatedLoadCell(long seed, int rateHz, GpioClock clock) {
        this.random = new Random(seed);
        this.periodNanos = 1_000_000_000L / rateHz;
        this.clock = clock;
    }

    /** What pulls on the cell from now on, in newtons. */
    public void hang(double newtons) {
        this.newtons = newtons;
    }

    @Override
    public String description() {
        return "simulated load cell (" + 1_000_000_000L / periodNanos + " Hz)";
    }

    @Override
    public RawReading next() throws InterruptedException {
        long now = clock.nanoTime();
        if (nextAt == Long.MIN_VALUE || now - nextAt > periodNanos) {
            nextAt = now;
        } else if (nextAt - now > 0) {
            clock.sleepNanos(nextAt - now);
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
        }
        long t = nextAt;
        nextAt += periodNanos;
        double raw = OFFSET_RAW + (newtons + NOISE_N * random.nextGaussian()) * RAW_PER_NEWTON;
        return new RawReading(t, (int) Math.max(-0x800000, Math.min(0x7FFFFF, Math.round(raw))), ReadingFlag.GOOD);
    }

    @Override
    public void close() {
        // nothing to free
    }
}
