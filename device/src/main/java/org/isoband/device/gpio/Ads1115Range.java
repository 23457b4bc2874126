package org.isoband.device.gpio;

/**
 * Full-scale range of the ADS1115's programmable gain amplifier, PGA[2:0] of the Config register (TI SBAS444).
 * The code is {@code 32768 * volts / fullScale}, saturating at 0x7FFF and 0x8000. The input must still stay
 * within GND and VDD whatever the range: with a 3.3 V supply, +/-4.096 V covers the whole input.
 */
public enum Ads1115Range {
    FSR_6_144(0b000, 6.144),
    FSR_4_096(0b001, 4.096),
    FSR_2_048(0b010, 2.048),
    FSR_1_024(0b011, 1.024),
    FSR_0_512(0b100, 0.512),
    FSR_0_256(0b101, 0.256);

    private final int pga;
    private final double fullScaleVolts;

    Ads1115Range(int pga, double fullScaleVolts) {
        this.pga = pga;
        this.fullScaleVolts = fullScaleVolts;
    }

    /** The three PGA bits. */
    public int pga() {
        return pga;
    }

    public double fullScaleVolts() {
        return fullScaleVolts;
    }

    /** Volts of one code step. */
    public double voltsPerCode() {
        return fullScaleVolts / 32768.0;
    }

    /** The range of three PGA bits (110 and 111 also mean +/-0.256 V). */
    public static Ads1115Range ofPga(int bits) {
        for (Ads1115Range range : values()) {
            if (range.pga == bits) {
                return range;
            }
        }
        if (bits == 0b110 || bits == 0b111) {
            return FSR_0_256;
        }
        throw new IllegalArgumentException("PGA has three bits, got " + bits);
    }
}
