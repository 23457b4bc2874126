package org.isoband.device.gpio;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * How an ADS1115 is wired and run. The driver starts one single-shot conversion per sample at
 * {@code rateHz}, so the chip's data rate must leave room for the conversion inside a sample period.
 *
 * @param bus         I2C bus number (1 on a Raspberry Pi's header: {@code /dev/i2c-1})
 * @param address     7-bit address: 0x48 with ADDR to GND, 0x49 VDD, 0x4A SDA, 0x4B SCL
 * @param input       which input the stretch sensor's divider is on
 * @param range       full-scale range
 * @param dataRateSps the chip's data rate: 8, 16, 32, 64, 128, 250, 475 or 860 samples per second
 * @param rateHz      samples per second the source takes
 * @param readTimeout how long a conversion may take before the chip counts as not answering
 * @param stuckAfter  identical codes in a row that mark the value stuck; higher than for the HX711, because a
 *                    16-bit code of a still band can repeat for a while
 */
public record Ads1115Config(int bus, int address, Ads1115Input input, Ads1115Range range, int dataRateSps,
                            int rateHz, Duration readTimeout, int stuckAfter) {
    /** DR[2:0] = index in this array. */
    static final int[] DATA_RATES = {8, 16, 32, 64, 128, 250, 475, 860};
    public static final int DEFAULT_ADDRESS = 0x48;

    public Ads1115Config {
        if (bus < 0) {
            throw new IllegalArgumentException("I2C bus must not be negative, got " + bus);
        }
        if (address < 0x48 || address > 0x4B) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "an ADS1115 answers at 0x48 to 0x4B (its ADDR pin), got 0x%02X", address));
        }
        if (input == null || range == null) {
            throw new IllegalArgumentException("ADS1115 input and range are required");
        }
        if (Arrays.stream(DATA_RATES).noneMatch(r -> r == dataRateSps)) {
            throw new IllegalArgumentException("ADS1115 data rate is one of " + Arrays.toString(DATA_RATES)
                    + " samples per second, got " + dataRateSps);
        }
        if (!(rateHz > 0 && rateHz * 1.25 <= dataRateSps)) {
            throw new IllegalArgumentException("sampling at " + rateHz + " Hz needs a data rate of at least "
                    + (int) Math.ceil(rateHz * 1.25) + " SPS (a conversion must fit in a sample period), got "
                    + dataRateSps);
        }
        if (readTimeout == null || readTimeout.toNanos() < 2 * conversionNanos(dataRateSps)) {
            throw new IllegalArgumentException("ADS1115 read timeout must be at least two conversions, got "
                    + readTimeout);
        }
        if (stuckAfter < 2) {
            throw new IllegalArgumentException("stuckAfter must be at least 2 readings, got " + stuckAfter);
        }
    }

    /** Address 0x48 on bus 1, AIN0 against GND, +/-4.096 V, 128 SPS, sampled at 80 Hz, 1 s timeout. */
    public static Ads1115Config defaults() {
        return new Ads1115Config(1, DEFAULT_ADDRESS, Ads1115Input.AIN0, Ads1115Range.FSR_4_096, 128, 80,
                Duration.ofSeconds(1), 400);
    }

    public Ads1115Config withAddress(int newAddress) {
        return new Ads1115Config(bus, newAddress, input, range, dataRateSps, rateHz, readTimeout, stuckAfter);
    }

    public Ads1115Config withInput(Ads1115Input newInput, Ads1115Range newRange) {
        return new Ads1115Config(bus, address, newInput, newRange, dataRateSps, rateHz, readTimeout, stuckAfter);
    }

    public Ads1115Config withRates(int sps, int hz) {
        return new Ads1115Config(bus, address, input, range, sps, hz, readTimeout, stuckAfter);
    }

    /** DR[2:0]. */
    public int dataRateBits() {
        for (int i = 0; i < DATA_RATES.length; i++) {
            if (DATA_RATES[i] == dataRateSps) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable: data rate validated");
    }

    /** Nominal time of one conversion. */
    public long conversionNanos() {
        return conversionNanos(dataRateSps);
    }

    public long periodNanos() {
        return 1_000_000_000L / rateHz;
    }

    /** "ADS1115 at 0x48 on I2C bus 1", for messages. */
    public String where() {
        return String.format(Locale.ROOT, "ADS1115 at 0x%02X on I2C bus %d", address, bus);
    }

    private static long conversionNanos(int sps) {
        return (1_000_000_000L + sps - 1) / sps;
    }
}
