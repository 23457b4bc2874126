package org.isoband.device.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.context.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ADS1115 register protocol over Pi4J I2C against {@link Ads1115Emulator}. */
class Ads1115ReaderTest {
    private final FakeClock clock = new FakeClock();
    private final Context pi4j = MockPi4j.context(new Ads1115EmulatorProvider(clock));
    private Ads1115Emulator chip;

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    private Ads1115Reader reader(Ads1115Config config) throws GpioUnavailableException {
        chip = (Ads1115Emulator) Pi4jPins.i2c(pi4j, config.bus(), config.address(), "ads", "ADS1115");
        return new Ads1115Reader(chip, config, clock);
    }

    @Test
    void configureWritesMuxRangeSingleShotDataRateAndNoComparator() throws Exception {
        Ads1115Reader reader = reader(Ads1115Config.defaults());

        reader.configure();

        // OS 0 | MUX 100 (AIN0-GND) | PGA 001 (4.096 V) | MODE 1 | DR 100 (128 SPS) | COMP 00011
        assertThat(chip.configWrites()).containsExactly(0b0_100_001_1_100_00011);
        assertThat(reader.configWord()).isEqualTo(0x4383);
    }

    @Test
    void otherInputsRangesAndRatesGoToTheirBits() throws Exception {
        Ads1115Reader reader = reader(Ads1115Config.defaults().withInput(Ads1115Input.AIN2, Ads1115Range.FSR_1_024)
                .withRates(860, 500));

        reader.configure();

        assertThat(chip.configWrites()).containsExactly(0b0_110_011_1_111_00011);
    }

    @Test
    void aSingleShotConversionIsStartedWaitedForAndRead() throws Exception {
        Ads1115Reader reader = reader(Ads1115Config.defaults());
        chip.volts(0, 1.5);
        reader.configure();
        long start = clock.nanoTime();

        RawReading reading = reader.read();

        assertThat(reading).isEqualTo(new RawReading(start, 12_000, ReadingFlag.GOOD)); // 1.5 V / 4.096 V * 32768
        assertThat(chip.configWrites()).last().isEqualTo(0x4383 | Ads1115Reader.OS);
        assertThat(clock.nanoTime() - start).as("one conversion at 128 SPS").isEqualTo(7_812_500L);
        assertThat(chip.conversions()).isEqualTo(1);
    }

    @Test
    void negativeDifferentialVoltagesGiveNegativeCodes() throws Exception {
        Ads1115Reader reader = reader(Ads1115Config.defaults().withInput(Ads1115Input.AIN0_AIN1, Ads1115Range.FSR_2_048));
        chip.volts(0, 0.5).volts(1, 1.0);
        reader.configure();

        assertThat(reader.read().raw()).isEqualTo(-8000);
    }

    @Test
    void inputsBeyondTheRangeReadAsTheSaturationCodes() throws Exception {
        Ads1115Reader reader = reader(Ads1115Config.defaults());
        chip.queue(5.0, -5.0);
        reader.configure();

        assertThat(reader.read().raw()).isEqualTo(0x7FFF);
        assertThat(reader.read().raw()).isEqualTo(-0x8000);
    }

    @Test
    void aSlowChipIsPolledUntilTheConversionIsDone() throws Exception {
        Ads1115Reader reader = reader(Ads1115Config.defaults());
        chip.slowness(1.1); // 10 % slow, the oscillator's tolerance
        chip.volts(0, 0.25);
        reader.configure();

        RawReading reading = reader.read();

        assertThat(reading.raw()).isEqualTo(2000);
        assertThat(chip.configReads()).as("read-back, then polls").isGreaterThan(2);
    }

    @Test
    void aConversionThatNeverEndsTimesOut() throws Exception {
        Ads1115Reader reader = reader(Ads1115Config.defaults());
        reader.configure();
        chip.hang();

        assertThatThrownBy(reader::read).isInstanceOf(SensorTimeoutException.class)
                .hasMessage("ADS1115 at 0x48 on I2C bus 1: conversion not done within 1000 ms (OS bit of Config stayed 0)");
    }

    @Test
    void anUnacknowledgedTransferIsABusErrorNamingTheRegister() throws Exception {
        Ads1115Reader reader = reader(Ads1115Config.defaults().withAddress(0x49));
        reader.configure();
        chip.unplug(true);

        assertThatThrownBy(reader::read).isInstanceOf(SensorIoException.class)
                .hasMessageStartingWith("ADS1115 at 0x49 on I2C bus 1: writing register 0x01 failed: ");
    }

    @Test
    void aDeviceThatDoesNotKeepTheConfigurationIsNotTakenForAnAds1115() throws Exception {
        Ads1115Reader reader = reader(Ads1115Config.defaults());
        chip.ignoreWrites();

        assertThatThrownBy(reader::configure).isInstanceOf(SensorIoException.class)
                .hasMessage("ADS1115 at 0x48 on I2C bus 1: Config register (0x01) reads back 0x8583 after writing "
                        + "0x4383: is this an ADS1115?");
    }

    @Test
    void theConfigurationIsChecked() {
        assertThatThrownBy(() -> Ads1115Config.defaults().withAddress(0x50))
                .hasMessage("an ADS1115 answers at 0x48 to 0x4B (its ADDR pin), got 0x50");
        assertThatThrownBy(() -> Ads1115Config.defaults().withRates(64, 80))
                .hasMessage("sampling at 80 Hz needs a data rate of at least 100 SPS (a conversion must fit in a "
                        + "sample period), got 64");
        assertThatThrownBy(() -> Ads1115Config.defaults().withRates(100, 10))
                .hasMessageStartingWith("ADS1115 data rate is one of [8, 16, 32, 64, 128, 250, 475, 860]");
    }
}
