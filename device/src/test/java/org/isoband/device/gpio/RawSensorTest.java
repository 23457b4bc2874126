package org.isoband.device.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.pi4j.context.Context;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The raw readings {@code isoband calibrate} takes: from the HX711 emulator, and from the simulated cell. */
class RawSensorTest {
    private final Context pi4j = MockPi4j.context();
    private final FakeClock clock = new FakeClock();

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    @Test
    void theHx711SensorResetsOnceAndSkipsWhatIsNotAGoodReading() throws Exception {
        Hx711Config config = Hx711Config.defaults();
        Hx711Pins pins = Hx711Pins.open(pi4j, config);
        Hx711Emulator chip = new Hx711Emulator((MockDigitalInput) pins.dout(), (MockDigitalOutput) pins.sck(), clock, 80);
        boolean[] released = {false};
        Hx711RawSensor sensor = new Hx711RawSensor(new Hx711Reader(pins.dout(), pins.sck(), config, clock), clock,
                () -> released[0] = true);
        chip.codes(1, 3).code(500).code(0x7FFFFF).code(-700);

        assertThat(sensor.next().raw()).isEqualTo(500);
        assertThat(sensor.next().raw()).isEqualTo(-700);
        sensor.close();

        assertThat(chip.resets()).isEqualTo(1);
        assertThat(chip.poweredDown()).isTrue();
        assertThat(released[0]).isTrue();
        assertThat(sensor.description()).isEqualTo("HX711 on GPIO DOUT 5 / SCK 6");
    }

    @Test
    void aSecondOfOnlyFlaggedReadingsIsAnError() throws Exception {
        Hx711Config config = Hx711Config.defaults();
        Hx711Pins pins = Hx711Pins.open(pi4j, config);
        Hx711Emulator chip = new Hx711Emulator((MockDigitalInput) pins.dout(), (MockDigitalOutput) pins.sck(), clock, 80);
        Hx711RawSensor sensor = new Hx711RawSensor(new Hx711Reader(pins.dout(), pins.sck(), config, clock), clock, () -> { });
        chip.codes(1, 3).codes(-0x800000, 100);

        assertThatThrownBy(sensor::next).isInstanceOf(SensorException.class)
                .hasMessage("HX711 on GPIO DOUT 5 / SCK 6: no valid reading for 1.0 s, the last saturated (raw -8388608)");
    }

    @Test
    void theSimulatedCellReadsItsOffsetPlusTheLoadAtItsRate() throws Exception {
        SimulatedLoadCell cell = new SimulatedLoadCell(3, 80, clock);
        double slack = mean(cell, 200);
        cell.hang(49.0);
        double loaded = mean(cell, 200);
        long before = clock.nanoTime();
        cell.next();

        assertThat(slack).isCloseTo(SimulatedLoadCell.OFFSET_RAW, within(30.0));
        assertThat((loaded - slack) / SimulatedLoadCell.RAW_PER_NEWTON).isCloseTo(49.0, within(0.05));
        assertThat(clock.nanoTime() - before).isEqualTo(12_500_000L);
    }

    private static double mean(SimulatedLoadCell cell, int n) throws Exception {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += cell.next().raw();
        }
        return sum / n;
    }
}
