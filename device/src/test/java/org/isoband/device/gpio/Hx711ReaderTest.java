package org.isoband.device.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.context.Context;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HX711 bit protocol against {@link Hx711Emulator} on Pi4J's mock pins, on a {@link FakeClock}. */
class Hx711ReaderTest {
    private final Context pi4j = MockPi4j.context();
    private final FakeClock clock = new FakeClock();
    private Hx711Emulator chip;

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    private Hx711Reader reader(Hx711Config config) throws GpioUnavailableException {
        Hx711Pins pins = Hx711Pins.open(pi4j, config);
        chip = new Hx711Emulator((MockDigitalInput) pins.dout(), (MockDigitalOutput) pins.sck(), clock, config.rateHz());
        return new Hx711Reader(pins.dout(), pins.sck(), config, clock);
    }

    /** Reads {@code n} readings, whatever their flags. */
    private static List<RawReading> read(Hx711Reader reader, int n) throws Exception {
        List<RawReading> readings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            readings.add(reader.read());
        }
        return readings;
    }

    @Test
    void readsTwentyFourBitTwosComplementMsbFirst() throws Exception {
        Hx711Reader reader = reader(Hx711Config.defaults());
        reader.reset();
        chip.codes(0, 3) // converted while settling after the reset
                .code(0x123456).code(0x000001).code(-1).code(-0x400000).code(-123_456).code(0x7FFFFE).code(-0x7FFFFF);

        List<RawReading> readings = read(reader, 10);

        assertThat(readings).extracting(RawReading::flag).containsExactly(
                ReadingFlag.SETTLING, ReadingFlag.SETTLING, ReadingFlag.SETTLING,
                ReadingFlag.GOOD, ReadingFlag.GOOD, ReadingFlag.GOOD, ReadingFlag.GOOD, ReadingFlag.GOOD,
                ReadingFlag.GOOD, ReadingFlag.GOOD);
        assertThat(readings.subList(3, 10)).extracting(RawReading::raw)
                .containsExactly(0x123456, 1, -1, -0x400000, -123_456, 0x7FFFFE, -0x7FFFFF);
        assertThat(chip.communicationErrors()).isZero();
    }

    @Test
    void readingsAreTimedWhenDoutFallsOnePeriodApart() throws Exception {
        Hx711Reader reader = reader(Hx711Config.defaults());
        reader.reset();
        chip.codes(7, 6);

        List<RawReading> readings = read(reader, 6);

        for (int i = 1; i < readings.size(); i++) {
            long gap = readings.get(i).tNanos() - readings.get(i - 1).tNanos();
            // 12.5 ms at 80 Hz, seen within one poll (a tenth of the period)
            assertThat(gap).isBetween(12_500_000L - 1_250_000L, 12_500_000L + 1_250_000L);
        }
    }

    @Test
    void aResetHoldsSckHighPastSixtyMicrosecondsAndTheReadingsSettleAfterIt() throws Exception {
        Hx711Config config = Hx711Config.defaults().withRate(10);
        Hx711Reader reader = reader(config);

        reader.reset();
        assertThat(chip.resets()).isEqualTo(1);
        chip.codes(5, 6);
        List<RawReading> readings = read(reader, 6);

        // 400 ms of settling at 10 Hz: the conversions at 100, 200 and 300 ms are not valid yet
        assertThat(readings).extracting(RawReading::flag).containsExactly(ReadingFlag.SETTLING,
                ReadingFlag.SETTLING, ReadingFlag.SETTLING, ReadingFlag.GOOD, ReadingFlag.GOOD, ReadingFlag.GOOD);
        assertThat(reader.settlingReadings()).isEqualTo(3);
    }

    @Test
    void powerDownLeavesSckHighUntilPowerUpResetsTheChip() throws Exception {
        Hx711Reader reader = reader(Hx711Config.defaults());

        reader.powerDown();
        assertThat(chip.poweredDown()).isTrue();
        reader.powerUp();

        assertThat(chip.poweredDown()).isFalse();
        assertThat(chip.resets()).isEqualTo(1);
    }

    @Test
    void twentyFivePulsesKeepChannelAAtGain128() throws Exception {
        Hx711Reader reader = reader(Hx711Config.defaults());
        reader.reset();
        for (int i = 0; i < 6; i++) {
            chip.input(1000);
        }

        List<RawReading> readings = read(reader, 6);

        assertThat(chip.pulsesPerRead()).hasSize(5).containsOnly(25);
        assertThat(chip.conversionGains()).containsOnly(Hx711Gain.A128);
        assertThat(readings.get(5).raw()).isEqualTo(128_000);
    }

    @Test
    void twentySevenPulsesSelectGain64ForTheNextConversion() throws Exception {
        Hx711Reader reader = reader(Hx711Config.defaults().withGain(Hx711Gain.A64));
        reader.reset();
        for (int i = 0; i < 8; i++) {
            chip.input(1000);
        }

        List<RawReading> readings = read(reader, 8);

        // After the reset the chip converts at 128; the 27 pulses of the first read switch it to 64.
        assertThat(chip.conversionGains()).startsWith(Hx711Gain.A128, Hx711Gain.A64, Hx711Gain.A64);
        assertThat(chip.pulsesPerRead()).containsOnly(27);
        assertThat(readings.get(0).raw()).isEqualTo(128_000);
        assertThat(readings.get(0).flag()).isEqualTo(ReadingFlag.SETTLING); // made at the wrong gain
        // The gain change settles like a reset: 50 ms at 80 Hz from the first read.
        assertThat(readings).extracting(RawReading::flag).endsWith(ReadingFlag.GOOD, ReadingFlag.GOOD);
        assertThat(readings.get(7).raw()).isEqualTo(64_000);
        assertThat(readings).filteredOn(RawReading::good).extracting(RawReading::raw).containsOnly(64_000);
    }

    @Test
    void twentySixPulsesSelectChannelBAtGain32() throws Exception {
        Hx711Reader reader = reader(Hx711Config.defaults().withGain(Hx711Gain.B32));
        reader.reset();
        for (int i = 0; i < 8; i++) {
            chip.input(-1000);
        }

        List<RawReading> readings = read(reader, 8);

        assertThat(chip.pulsesPerRead()).containsOnly(26);
        assertThat(chip.conversionGains()).startsWith(Hx711Gain.A128, Hx711Gain.B32);
        assertThat(readings.get(7)).extracting(RawReading::raw, RawReading::flag)
                .containsExactly(-32_000, ReadingFlag.GOOD);
    }

    @Test
    void noConversionWithinTheTimeoutIsATimeoutNamingThePins() throws Exception {
        Hx711Config config = Hx711Config.defaults().withPins(17, 27);
        Hx711Reader reader = reader(config);
        reader.reset();
        long before = clock.nanoTime();

        assertThatThrownBy(reader::read)
                .isInstanceOf(SensorTimeoutException.class)
                .hasMessage("HX711 on GPIO DOUT 17 / SCK 27: no conversion within 1000 ms (DOUT stayed high): "
                        + "check power, wiring and the pin numbers");
        assertThat(clock.nanoTime() - before).isEqualTo(Duration.ofSeconds(1).toNanos());
    }

    @Test
    void aPulseStretchedPastFiftyMicrosecondsDiscardsTheReadingButKeepsTheChipRunning() throws Exception {
        Hx711Reader reader = reader(Hx711Config.defaults());
        reader.reset();
        chip.codes(0, 3).code(4242).code(4343).code(4444);
        read(reader, 3);

        chip.stretchPulse(10, 55_000); // over T3 max (50 us), under the 60 us power-down
        RawReading stretched = reader.read();
        RawReading next = reader.read();

        assertThat(stretched.flag()).isEqualTo(ReadingFlag.CLOCK_STRETCHED);
        assertThat(reader.stretchedPulses()).isEqualTo(1);
        assertThat(chip.resets()).isEqualTo(1); // only the reset at start
        assertThat(next).extracting(RawReading::raw, RawReading::flag).containsExactly(4343, ReadingFlag.GOOD);
    }

    @Test
    void aPulseStretchedPastSixtyMicrosecondsAbandonsTheReadAndResetsTheChip() throws Exception {
        Hx711Reader reader = reader(Hx711Config.defaults().withGain(Hx711Gain.A64));
        reader.reset();
        chip.codes(0, 5).input(100);
        read(reader, 5);
        assertThat(chip.conversionGains()).last().isEqualTo(Hx711Gain.A64);

        chip.stretchPulse(3, 80_000); // the chip powers down mid-read
        RawReading stretched = reader.read();

        assertThat(stretched.flag()).isEqualTo(ReadingFlag.CLOCK_STRETCHED);
        assertThat(reader.stretchedPulses()).isEqualTo(1);
        assertThat(chip.pulsesPerRead()).last().isEqualTo(3); // nothing more was clocked into the reset chip
        assertThat(chip.resets()).isEqualTo(3); // at start, by the stretched pulse, and the driver's own reset

        // Back on gain 128 after the reset: the driver settles and selects 64 again.
        for (int i = 0; i < 8; i++) {
            chip.input(100);
        }
        List<RawReading> after = read(reader, 8);
        assertThat(after.get(0)).extracting(RawReading::raw, RawReading::flag)
                .containsExactly(12_800, ReadingFlag.SETTLING);
        assertThat(after.get(7)).extracting(RawReading::raw, RawReading::flag)
                .containsExactly(6_400, ReadingFlag.GOOD);
        assertThat(chip.communicationErrors()).isZero();
    }

    @Test
    void theReaderSaysWhereItIsWired() {
        assertThat(Hx711Config.defaults().where()).isEqualTo("HX711 on GPIO DOUT 5 / SCK 6");
        assertThatThrownBy(() -> Hx711Config.defaults().withPins(5, 5))
                .hasMessage("HX711 DOUT and SCK need two different GPIO pins, got DOUT 5 and SCK 5");
        assertThatThrownBy(() -> Hx711Config.defaults().withRate(40))
                .hasMessage("HX711 rate is 10 or 80 Hz (its RATE pin), got 40");
    }
}
