package org.isoband.device.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.context.Context;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.isoband.core.sample.Calibration;
import org.isoband.device.source.LinkState;
import org.isoband.device.source.SourceDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Hx711Source} on its own thread against {@link Hx711Emulator}. The fake clock makes a second of
 * silence take milliseconds; nothing here asserts how long anything took.
 */
class Hx711SourceTest {
    private static final Calibration CAL = new Calibration(1000, 0.01, 150);

    private final Context pi4j = MockPi4j.context();
    private final FakeClock clock = new FakeClock(20_000);
    private final RecordingSink sink = new RecordingSink();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Handler logHandler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            log.add(record.getLevel() + " " + new SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Hx711Emulator chip;
    private Hx711Source source;

    @BeforeEach
    void captureLog() {
        Logger.getLogger("org.isoband.device.gpio").addHandler(logHandler);
    }

    @AfterEach
    void shutdown() {
        Logger.getLogger("org.isoband.device.gpio").removeHandler(logHandler);
        if (source != null) {
            source.close();
        }
        pi4j.shutdown();
    }

    private Hx711Source source(Hx711Config config) throws GpioUnavailableException {
        Hx711Pins pins = Hx711Pins.open(pi4j, config);
        chip = new Hx711Emulator((MockDigitalInput) pins.dout(), (MockDigitalOutput) pins.sck(), clock, config.rateHz());
        source = new Hx711Source(new Hx711Reader(pins.dout(), pins.sck(), config, clock), CAL, clock, pins::release);
        return source;
    }

    @Test
    void deliversEveryGoodConversionInNewtonsThroughTheCalibration() throws Exception {
        Hx711Source src = source(Hx711Config.defaults());
        chip.codes(0, 3);
        for (int i = 0; i < 10; i++) {
            chip.code(1000 + 100 * i);
        }

        src.start(sink);
        sink.awaitSamples(10);
        src.stop();

        assertThat(src.description()).isEqualTo(new SourceDescription("HX711 on GPIO DOUT 5 / SCK 6", "hx711", 80));
        assertThat(sink.samples).extracting(RecordingSink.Delivered::newtons)
                .containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0);
        assertThat(sink.samples.get(9).tNanos() - sink.samples.get(0).tNanos())
                .isBetween(9 * 12_500_000L - 1_250_000L, 9 * 12_500_000L + 1_250_000L);
        // Once the queued inputs run out the chip falls silent; a timeout (LOST) may or may not come before stop().
        assertThat(sink.stateSequence()).startsWith(LinkState.CONNECTING, LinkState.STREAMING).endsWith(LinkState.STOPPED);
        SensorCounters counters = src.counters();
        assertThat(counters.good()).isEqualTo(10);
        assertThat(counters.settling()).isEqualTo(3);
        assertThat(counters.flagged()).isEqualTo(3);
        assertThat(counters.busErrors()).isZero();
        assertThat(chip.poweredDown()).as("left powered down").isTrue();
    }

    @Test
    void aChipThatStopsAnsweringIsLostWithALogLineAndResetUntilItIsBack() throws Exception {
        Hx711Source src = source(Hx711Config.defaults());
        chip.codes(0, 3);
        for (int i = 0; i < 5; i++) {
            chip.code(2000 + i);
        }

        src.start(sink);
        sink.awaitState(LinkState.LOST);
        for (int i = 0; i < 8; i++) {
            chip.code(3000 + i);
        }
        sink.awaitNewtons(CAL.toNewtons(3007));
        src.stop();

        assertThat(sink.stateSequence()).startsWith(LinkState.CONNECTING, LinkState.STREAMING, LinkState.LOST,
                LinkState.STREAMING).endsWith(LinkState.STOPPED);
        assertThat(sink.states.get(2).detail()).isEqualTo("HX711 on GPIO DOUT 5 / SCK 6: no conversion within "
                + "1000 ms (DOUT stayed high): check power, wiring and the pin numbers");
        assertThat(sink.states.get(3).detail()).startsWith("HX711 on GPIO DOUT 5 / SCK 6 is back after ");
        assertThat(log).contains("WARNING link LOST: HX711 on GPIO DOUT 5 / SCK 6: no conversion within 1000 ms "
                + "(DOUT stayed high): check power, wiring and the pin numbers; retrying every 0.5 s");
        assertThat(log).anyMatch(line -> line.startsWith("INFO HX711 on GPIO DOUT 5 / SCK 6 is back after "));
        assertThat(chip.resets()).as("reset at start and to retry").isGreaterThanOrEqualTo(2);
        // How many conversions after the reset fall in its settling time (held back) depends on when the test
        // queued them; whatever passed is the end of the second batch, in order.
        List<Double> newtons = sink.samples.stream().map(RecordingSink.Delivered::newtons).toList();
        assertThat(newtons.subList(0, 5)).containsExactly(CAL.toNewtons(2000), CAL.toNewtons(2001),
                CAL.toNewtons(2002), CAL.toNewtons(2003), CAL.toNewtons(2004));
        List<Double> back = newtons.subList(5, newtons.size());
        assertThat(back).hasSizeBetween(4, 8).isSorted();
        assertThat(back).last().isEqualTo(CAL.toNewtons(3007));
        assertThat(back.get(0)).isEqualTo(CAL.toNewtons(3008 - back.size()));
        assertThat(src.counters().timeouts()).isPositive();
    }

    @Test
    void saturatedAndStuckReadingsAreCountedAndHeldBack() throws Exception {
        Hx711Config config = new Hx711Config(5, 6, Hx711Gain.A128, 80, Duration.ofSeconds(1), 5);
        Hx711Source src = source(config);
        chip.codes(0, 3).code(1100).code(1200).codes(0x7FFFFF, 4).code(-0x800000).codes(1500, 20).code(1600);

        src.start(sink);
        sink.awaitSamples(7);
        src.stop();

        // 1500 passes four times; from the fifth identical reading on it is stuck.
        assertThat(sink.samples).extracting(RecordingSink.Delivered::newtons)
                .containsExactly(1.0, 2.0, 5.0, 5.0, 5.0, 5.0, 6.0);
        SensorCounters counters = src.counters();
        assertThat(counters).extracting(SensorCounters::good, SensorCounters::saturated, SensorCounters::stuck,
                SensorCounters::stretched, SensorCounters::settling).containsExactly(7L, 5L, 16L, 0L, 3L);
        assertThat(sink.states).as("flagged for less than a second: the link stays up")
                .noneMatch(s -> s.detail().contains("no valid reading"));
    }

    @Test
    void aSecondOfOnlySaturatedReadingsIsALostLinkThatSaysSo() throws Exception {
        Hx711Source src = source(Hx711Config.defaults());
        chip.codes(0, 3).code(1100).codes(0x7FFFFF, 90).code(1300);

        src.start(sink);
        sink.awaitSamples(2);
        src.stop();

        assertThat(sink.stateSequence()).startsWith(LinkState.CONNECTING, LinkState.STREAMING, LinkState.LOST,
                LinkState.STREAMING).endsWith(LinkState.STOPPED);
        assertThat(sink.states.get(2).detail()).isEqualTo("HX711 on GPIO DOUT 5 / SCK 6: no valid reading for "
                + "1.0 s, the last saturated (raw 8388607): overloaded, or the sensor is wired wrongly");
        assertThat(sink.samples).extracting(RecordingSink.Delivered::newtons).containsExactly(1.0, 3.0);
    }

    @Test
    void closingASourceThatNeverStartedReleasesThePins() throws Exception {
        Hx711Source src = source(Hx711Config.defaults());

        src.close();

        assertThat(pi4j.registry().exists("hx711-dout-5")).isFalse();
        assertThat(pi4j.registry().exists("hx711-sck-6")).isFalse();
    }
}
