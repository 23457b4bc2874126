package org.isoband.device.gpio;

import com.pi4j.io.i2c.I2C;
import java.util.Locale;

/**
 * The ADS1115's registers over Pi4J I2C (TI SBAS444, "Register Map"): the pointer byte selects the 16-bit
 * Conversion (0x00) or Config (0x01) register; words travel MSB first. Each reading is a single-shot
 * conversion: write Config with OS=1, wait one conversion time, poll Config until OS reads 1 (done), read
 * Conversion (16-bit two's complement). Single-shot rather than continuous mode so that a chip that stops
 * converting is noticed (OS never returns to 1) instead of re-reading its last result forever.
 */
public final class Ads1115Reader {
    public static final int REG_CONVERSION = 0x00;
    public static final int REG_CONFIG = 0x01;
    /** Config bit 15: write 1 to start a single conversion; reads 0 while converting, 1 when idle. */
    public static final int OS = 1 << 15;
    /** Config bit 8: 1 = single-shot mode (power-down between conversions). */
    public static final int MODE_SINGLE = 1 << 8;
    /** COMP_QUE = 11: comparator disabled, ALERT/RDY high-impedance. */
    public static final int COMP_DISABLED = 0b11;

    private final I2C i2c;
    private final Ads1115Config config;
    private final GpioClock clock;
    private final int configWord;

    public Ads1115Reader(I2C i2c, Ads1115Config config, GpioClock clock) {
        this.i2c = i2c;
        this.config = config;
        this.clock = clock;
        this.configWord = config.input().mux() << 12 | config.range().pga() << 9 | MODE_SINGLE
                | config.dataRateBits() << 5 | COMP_DISABLED;
    }

    public Ads1115Config config() {
        return config;
    }

    /** The Config word this reader writes (without OS). */
    public int configWord() {
        return configWord;
    }

    /**
     * Writes the configuration and reads it back: a device at that address that is not an ADS1115 (or a
     * bus that garbles words) shows here rather than as plausible-looking force.
     */
    public void configure() throws SensorIoException {
        writeWord(REG_CONFIG, configWord);
        int readBack = readWord(REG_CONFIG);
        if ((readBack & ~OS) != configWord) {
            throw new SensorIoException(String.format(Locale.ROOT,
                    "%s: Config register (0x01) reads back 0x%04X after writing 0x%04X: is this an ADS1115?",
                    config.where(), readBack, configWord), null);
        }
    }

    /** Starts a conversion, waits for it and reads it; the reading's time is when it was started. */
    public RawReading read() throws SensorException, InterruptedException {
        long t = clock.nanoTime();
        writeWord(REG_CONFIG, configWord | OS);
        long conversion = config.conversionNanos();
        long timeout = config.readTimeout().toNanos();
        clock.sleepNanos(conversion);
        // The data rate may be up to 10 % slow (oscillator tolerance): poll in small steps after the nominal time.
        while ((readWord(REG_CONFIG) & OS) == 0) {
            if (clock.nanoTime() - t >= timeout) {
                throw new SensorTimeoutException(String.format(Locale.ROOT,
                        "%s: conversion not done within %d ms (OS bit of Config stayed 0)", config.where(),
                        timeout / 1_000_000));
            }
            clock.sleepNanos(Math.max(conversion / 10, 50_000));
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
        }
        int raw = (short) readWord(REG_CONVERSION);
        return new RawReading(t, raw, ReadingFlag.GOOD);
    }

    private void writeWord(int register, int word) throws SensorIoException {
        try {
            i2c.writeRegisterWord(register, word);
        } catch (RuntimeException e) {
            throw new SensorIoException(String.format(Locale.ROOT, "%s: writing register 0x%02X failed: %s",
                    config.where(), register, e.getMessage()), e);
        }
    }

    private int readWord(int register) throws SensorIoException {
        try {
            return i2c.readRegisterWord(register);
        } catch (RuntimeException e) {
            throw new SensorIoException(String.format(Locale.ROOT, "%s: reading register 0x%02X failed: %s",
                    config.where(), register, e.getMessage()), e);
        }
    }
}
