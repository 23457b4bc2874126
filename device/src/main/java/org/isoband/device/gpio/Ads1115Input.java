package org.isoband.device.gpio;

/**
 * The ADS1115's input multiplexer, MUX[2:0] of the Config register (TI SBAS444, "Config Register Field
 * Descriptions"): single-ended inputs against GND, or differential pairs.
 */
public enum Ads1115Input {
    AIN0_AIN1(0b000, 0, 1),
    AIN0_AIN3(0b001, 0, 3),
    AIN1_AIN3(0b010, 1, 3),
    AIN2_AIN3(0b011, 2, 3),
    AIN0(0b100, 0, -1),
    AIN1(0b101, 1, -1),
    AIN2(0b110, 2, -1),
    AIN3(0b111, 3, -1);

    private final int mux;
    private final int positive;
    private final int negative;

    Ads1115Input(int mux, int positive, int negative) {
        this.mux = mux;
        this.positive = positive;
        this.negative = negative;
    }

    /** The three MUX bits. */
    public int mux() {
        return mux;
    }

    /** The positive input pin, 0 to 3. */
    public int positive() {
        return positive;
    }

    /** The negative input pin, or -1 for GND (single-ended). */
    public int negative() {
        return negative;
    }

    public static Ads1115Input ofMux(int bits) {
        for (Ads1115Input input : values()) {
            if (input.mux == bits) {
                return input;
            }
        }
        throw new IllegalArgumentException("MUX has three bits, got " + bits);
    }
}
