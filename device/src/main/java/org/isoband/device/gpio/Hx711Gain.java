package org.isoband.device.gpio;

/**
 * Input channel and gain of the HX711, chosen by the number of clock pulses of a read: the 24 data bits and
 * 1 to 3 more. The choice applies to the <em>next</em> conversion, and a reset returns the chip to
 * {@link #A128} (HX711 datasheet, "Serial Interface", Table 3 and Fig. 2).
 */
public enum Hx711Gain {
    /** Channel A, gain 128 (full scale +/-20 mV at AVDD 5 V): the load cell's usual setting. */
    A128(128, 25),
    /** Channel B, fixed gain 32. */
    B32(32, 26),
    /** Channel A, gain 64 (+/-40 mV). */
    A64(64, 27);

    private final int gain;
    private final int pulses;

    Hx711Gain(int gain, int pulses) {
        this.gain = gain;
        this.pulses = pulses;
    }

    /** The amplification factor. */
    public int gain() {
        return gain;
    }

    /** Clock pulses of a whole read that select this gain for the next conversion (25, 26 or 27). */
    public int pulses() {
        return pulses;
    }

    /** The channel and gain for a command-line number: 128 or 64 (channel A), 32 (channel B). */
    public static Hx711Gain of(int gain) {
        for (Hx711Gain g : values()) {
            if (g.gain == gain) {
                return g;
            }
        }
        throw new IllegalArgumentException("HX711 gain must be 128 or 64 (channel A) or 32 (channel B), got " + gain);
    }
}
