package org.isoband.device.gpio;

/**
 * Flags raw readings that cannot be force: the ADC's saturation codes, and a value repeated
 * {@code stuckAfter} times in a row (from that reading on, until the value changes). A live sensor is
 * noisy in its last bits, so a long run of identical codes means the data line is dead, not that the band
 * is still. Readings already flagged by the protocol pass through unchanged and do not count toward a
 * run. Not thread-safe: one per reading thread.
 */
public final class ReadingGuard {
    private final int minCode;
    private final int maxCode;
    private final int stuckAfter;
    private int last;
    private int run;

    /**
     * @param minCode    the ADC's negative saturation code as a signed int (HX711 -0x800000, ADS1115 -0x8000)
     * @param maxCode    the positive saturation code (HX711 0x7FFFFF, ADS1115 0x7FFF)
     * @param stuckAfter identical readings in a row that mark the value stuck (at least 2)
     */
    public ReadingGuard(int minCode, int maxCode, int stuckAfter) {
        if (minCode >= maxCode) {
            throw new IllegalArgumentException("saturation codes out of order: " + minCode + " >= " + maxCode);
        }
        if (stuckAfter < 2) {
            throw new IllegalArgumentException("stuckAfter must be at least 2, got " + stuckAfter);
        }
        this.minCode = minCode;
        this.maxCode = maxCode;
        this.stuckAfter = stuckAfter;
    }

    /** For the HX711's 24-bit codes. */
    public static ReadingGuard hx711(int stuckAfter) {
        return new ReadingGuard(-0x800000, 0x7FFFFF, stuckAfter);
    }

    /** For the ADS1115's 16-bit codes. */
    public static ReadingGuard ads1115(int stuckAfter) {
        return new ReadingGuard(-0x8000, 0x7FFF, stuckAfter);
    }

    /** The reading, flagged if it is saturated or stuck. */
    public RawReading check(RawReading reading) {
        if (!reading.good()) {
            return reading;
        }
        int raw = reading.raw();
        if (run > 0 && raw == last) {
            run++;
        } else {
            last = raw;
            run = 1;
        }
        if (raw <= minCode || raw >= maxCode) {
            return reading.flagged(ReadingFlag.SATURATED);
        }
        if (run >= stuckAfter) {
            return reading.flagged(ReadingFlag.STUCK);
        }
        return reading;
    }

    /** Forgets the current run (after a reset of the chip, old values say nothing about new ones). */
    public void reset() {
        run = 0;
    }
}
