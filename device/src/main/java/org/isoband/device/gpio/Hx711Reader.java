package org.isoband.device.gpio;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import java.util.Locale;

/**
 * The HX711's two-wire protocol, bit-banged on a Pi4J input (DOUT) and output (PD_SCK). From the datasheet
 * ("Serial Interface", "Reset and Power-Down"):
 * <ul>
 *   <li>DOUT high: no conversion ready; DOUT low: ready. SCK rests low.</li>
 *   <li>Each SCK pulse shifts out one bit, MSB first; 24 bits of two's complement. The 25th pulse pulls
 *       DOUT high again; 25, 26 or 27 pulses in all select the gain of the <em>next</em> conversion
 *       ({@link Hx711Gain}).</li>
 *   <li>SCK high for longer than 60 us powers the chip down; when SCK falls again it resets to channel A,
 *       gain 128. The high time of a pulse must stay below 50 us (T3 max).</li>
 * </ul>
 *
 * <p>A Java thread can be paused at any instant (a GC pause, the scheduler), also between raising and lowering
 * SCK. Each high pulse is therefore measured with the clock, from before the raise to after the fall (an upper
 * bound of the real high time): a reading with a pulse over 50 us is returned flagged
 * {@link ReadingFlag#CLOCK_STRETCHED} and counted, never as a value; over 60 us the chip has probably powered
 * down mid-read, so the read is abandoned and the chip reset on purpose to know its state.
 *
 * <p>Readings within the settling time after a reset or a gain change are flagged {@link ReadingFlag#SETTLING}.
 * Not thread-safe: one reading thread.
 */
public final class Hx711Reader {
    /** Longest allowed SCK high time (datasheet T3 max). */
    public static final long MAX_HIGH_NANOS = 50_000;
    /** SCK high for longer than this powers the chip down. */
    public static final long POWER_DOWN_NANOS = 60_000;
    /** How long {@link #reset} holds SCK high: well past the 60 us so the power-down surely happens. */
    static final long POWER_DOWN_HOLD_NANOS = 200_000;

    private final DigitalInput dout;
    private final DigitalOutput sck;
    private final Hx711Config config;
    private final GpioClock clock;
    private final long pollNanos;
    /** The gain the chip will use for its next conversion, as far as we know. */
    private Hx711Gain chipGain = Hx711Gain.A128;
    /** Conversions ready before this time are still settling. */
    private long validFrom = Long.MIN_VALUE;
    private boolean settlingKnown;
    private long stretchedPulses;
    private long settlingReadings;

    public Hx711Reader(DigitalInput dout, DigitalOutput sck, Hx711Config config, GpioClock clock) {
        this.dout = dout;
        this.sck = sck;
        this.config = config;
        this.clock = clock;
        // Poll DOUT ten times a conversion period: the sample time is known to 1/10 period (1.25 ms at
        // 80 Hz), and the read still ends long before the next conversion overwrites the data.
        this.pollNanos = Math.max(config.periodNanos() / 10, 100_000);
    }

    public Hx711Config config() {
        return config;
    }

    /**
     * Powers the chip down and up again: SCK high for {@value #POWER_DOWN_HOLD_NANOS} ns, then low. The chip
     * restarts on channel A, gain 128, and its readings settle for {@link Hx711Config#settlingNanos}. Used
     * at start, after a stretched pulse, and to retry a chip that stopped answering.
     */
    public void reset() throws SensorIoException, InterruptedException {
        powerDown();
        powerUp();
    }

    /** SCK high and left there: the chip (and the load cell, on its regulator) is powered down. */
    public void powerDown() throws SensorIoException, InterruptedException {
        set(true);
        long t0 = clock.nanoTime();
        while (clock.nanoTime() - t0 < POWER_DOWN_HOLD_NANOS) {
            clock.sleepNanos(POWER_DOWN_HOLD_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** SCK low after {@link #powerDown}: the chip resets and starts converting. */
    public void powerUp() throws SensorIoException {
        set(false);
        chipGain = Hx711Gain.A128;
        validFrom = clock.nanoTime() + config.settlingNanos();
        settlingKnown = true;
    }

    /**
     * Waits for the next conversion (DOUT low) and reads it.
     *
     * @return the reading, {@link ReadingFlag#GOOD} or flagged by the protocol (stretched pulse, settling)
     * @throws SensorTimeoutException DOUT stayed high for {@link Hx711Config#readTimeout}
     * @throws SensorIoException      a pin could not be read or driven
     */
    public RawReading read() throws SensorException, InterruptedException {
        long t = awaitReady();
        Hx711Gain madeAt = chipGain;
        int bits = 0;
        long longest = 0;
        int pulses = config.gain().pulses();
        for (int i = 0; i < pulses; i++) {
            long high = pulse();
            if (high > POWER_DOWN_NANOS) {
                return abandon(t);
            }
            longest = Math.max(longest, high);
            if (i < 24) {
                // The bit is valid from just after the rising edge until the next one (T2), so it is read
                // after the falling edge: that keeps the high time as short as the pin calls allow.
                bits = (bits << 1) | (isHigh() ? 1 : 0);
            }
        }
        chipGain = config.gain();
        if (madeAt != config.gain()) {
            // The conversion just read was made at the old gain; the new one settles like after a reset.
            validFrom = Math.max(validFrom, t + config.settlingNanos());
        }
        int raw = (bits << 8) >> 8; // sign-extend the 24-bit two's complement
        if (longest > MAX_HIGH_NANOS) {
            stretchedPulses++;
            return new RawReading(t, raw, ReadingFlag.CLOCK_STRETCHED);
        }
        if (madeAt != config.gain() || (settlingKnown && t - validFrom < 0)) {
            settlingReadings++;
            return new RawReading(t, raw, ReadingFlag.SETTLING);
        }
        return new RawReading(t, raw, ReadingFlag.GOOD);
    }

    /** Reads flagged {@link ReadingFlag#CLOCK_STRETCHED} so far. */
    public long stretchedPulses() {
        return stretchedPulses;
    }

    /** Reads flagged {@link ReadingFlag#SETTLING} so far. */
    public long settlingReadings() {
        return settlingReadings;
    }

    private RawReading abandon(long t) throws SensorIoException, InterruptedException {
        stretchedPulses++;
        // The chip saw a power-down and reset when SCK fell, or is in the middle of a read we no longer
        // follow. Either way only a deliberate reset tells us its state again.
        reset();
        return new RawReading(t, 0, ReadingFlag.CLOCK_STRETCHED);
    }

    private long awaitReady() throws SensorException, InterruptedException {
        long start = clock.nanoTime();
        long timeout = config.readTimeout().toNanos();
        while (true) {
            if (!isHigh()) {
                return clock.nanoTime();
            }
            long waited = clock.nanoTime() - start;
            if (waited >= timeout) {
                throw new SensorTimeoutException(String.format(Locale.ROOT,
                        "%s: no conversion within %d ms (DOUT stayed high): check power, wiring and the pin numbers",
                        config.where(), timeout / 1_000_000));
            }
            clock.sleepNanos(Math.min(pollNanos, timeout - waited));
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** One clock pulse; returns an upper bound of its high time. */
    private long pulse() throws SensorIoException {
        long t0 = clock.nanoTime();
        set(true);
        set(false);
        return clock.nanoTime() - t0;
    }

    private void set(boolean high) throws SensorIoException {
        try {
            if (high) {
                sck.high();
            } else {
                sck.low();
            }
        } catch (RuntimeException e) {
            throw new SensorIoException(config.where() + ": cannot drive SCK (GPIO " + config.sckPin() + "): "
                    + e.getMessage(), e);
        }
    }

    private boolean isHigh() throws SensorIoException {
        try {
            return dout.isHigh();
        } catch (RuntimeException e) {
            throw new SensorIoException(config.where() + ": cannot read DOUT (GPIO " + config.doutPin() + "): "
                    + e.getMessage(), e);
        }
    }
}
