package org.isoband.device.gpio;

import java.time.Duration;

/**
 * How an HX711 is wired and run.
 *
 * @param doutPin     BCM number of the pin wired to the HX711's DOUT (data out, an input of the Pi)
 * @param sckPin      BCM number of the pin wired to PD_SCK (clock and power-down, an output of the Pi)
 * @param gain        channel and gain
 * @param rateHz      10 or 80: what the board's RATE pin selects (the Pi cannot change it, only expect it)
 * @param readTimeout how long to wait for a conversion before the sensor counts as not answering
 * @param stuckAfter  this many identical readings in a row mark the value as stuck (a dead chip or a broken
 *                    DOUT wire); a live 24-bit load cell never repeats a value that often
 */
public record Hx711Config(int doutPin, int sckPin, Hx711Gain gain, int rateHz, Duration readTimeout, int stuckAfter) {
    /** BCM pins of the default wiring (docs/wiring.md). */
    public static final int DEFAULT_DOUT = 5;
    public static final int DEFAULT_SCK = 6;

    public Hx711Config {
        if (doutPin < 0 || sckPin < 0 || doutPin == sckPin) {
            throw new IllegalArgumentException("HX711 DOUT and SCK need two different GPIO pins, got DOUT "
                    + doutPin + " and SCK " + sckPin);
        }
        if (gain == null) {
            throw new IllegalArgumentException("HX711 gain is missing");
        }
        if (rateHz != 10 && rateHz != 80) {
            throw new IllegalArgumentException("HX711 rate is 10 or 80 Hz (its RATE pin), got " + rateHz);
        }
        if (readTimeout == null || readTimeout.compareTo(Duration.ofNanos(2 * periodNanos(rateHz))) < 0) {
            throw new IllegalArgumentException("HX711 read timeout must be at least two conversion periods ("
                    + 2 * periodNanos(rateHz) / 1_000_000 + " ms at " + rateHz + " Hz), got " + readTimeout);
        }
        if (stuckAfter < 2) {
            throw new IllegalArgumentException("stuckAfter must be at least 2 readings, got " + stuckAfter);
        }
    }

    /** Default wiring (DOUT BCM 5, SCK BCM 6), channel A at gain 128, 80 Hz, 1 s timeout. */
    public static Hx711Config defaults() {
        return new Hx711Config(DEFAULT_DOUT, DEFAULT_SCK, Hx711Gain.A128, 80, Duration.ofSeconds(1), 50);
    }

    public Hx711Config withPins(int dout, int sck) {
        return new Hx711Config(dout, sck, gain, rateHz, readTimeout, stuckAfter);
    }

    public Hx711Config withGain(Hx711Gain newGain) {
        return new Hx711Config(doutPin, sckPin, newGain, rateHz, readTimeout, stuckAfter);
    }

    public Hx711Config withRate(int hz) {
        return new Hx711Config(doutPin, sckPin, gain, hz, readTimeout, stuckAfter);
    }

    /** One conversion period. */
    public long periodNanos() {
        return periodNanos(rateHz);
    }

    /**
     * Output settling time after power-up or reset (and after a change of channel or gain): 400 ms at
     * 10 Hz, 50 ms at 80 Hz (HX711 datasheet, "Output settling time"). Readings before it are not valid.
     */
    public long settlingNanos() {
        return rateHz == 10 ? 400_000_000L : 50_000_000L;
    }

    /** "HX711 on GPIO DOUT 5 / SCK 6", for messages. */
    public String where() {
        return "HX711 on GPIO DOUT " + doutPin + " / SCK " + sckPin;
    }

    private static long periodNanos(int hz) {
        return 1_000_000_000L / hz;
    }
}
