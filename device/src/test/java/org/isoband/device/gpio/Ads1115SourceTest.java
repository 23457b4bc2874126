package org.isoband.device.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.pi4j.context.Context;
import org.isoband.core.sample.Calibration;
import org.isoband.device.source.LinkState;
import org.isoband.device.source.SourceDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Ads1115Source} on its own thread against {@link Ads1115Emulator}, on a {@link FakeClock}. */
class Ads1115SourceTest {
    /** 0.000125 V per code at +/-4.096 V: 8000 codes = 1 V. */
    private static final ElongationTable TABLE = new ElongationTable(new double[] {0, 8000, 16000}, new double[] {0, 40, 100});
    /** A 200 N/m band: 10 mm = 2 N. */
    private static final Calibration BAND = new Calibration(0, 1, 200);

    private final FakeClock clock = new FakeClock(20_000);
    private final Context pi4j = MockPi4j.context(new Ads1115EmulatorProvider(clock));
    private final RecordingSink sink = new RecordingSink();
    private Ads1115Emulator chip;
    private Ads1115Source source;

    @AfterEach
    void shutdown() {
        if (source != null) {
            source.close();
        }
        pi4j.shutdown();
    }

    private Ads1115Source source(Ads1115Config config) throws GpioUnavailableException {
        chip = (Ads1115Emulator) Pi4jPins.i2c(pi4j, config.bus(), config.address(), "ads", "ADS1115");
        source = new Ads1115Source(new Ads1115Reader(chip, config, clock), TABLE, BAND, clock,
                () -> Pi4jPins.release(pi4j, chip));
        return source;
    }

    @Test
    void deliversTensionFromTheElongationTableAndTheBandStiffnessAtTheConfiguredRate() throws Exception {
        Ads1115Source src = source(Ads1115Config.defaults());
        chip.queue(0.5, 1.5, 0.0, 2.5);

        src.start(sink);
        sink.awaitSamples(4);
        src.stop();

        assertThat(src.description()).isEqualTo(new SourceDescription("ADS1115 at 0x48 on I2C bus 1, AIN0", "ads1115", 80));
        // 0.5 V = 4000 codes = 20 mm = 4 N; 1.5 V = 12000 = 70 mm = 14 N; 2.5 V = 20000, past the table: 130 mm
        assertThat(sink.samples.subList(0, 4)).extracting(RecordingSink.Delivered::newtons)
                .containsExactly(4.0, 14.0, 0.0, 26.0);
        assertThat(src.elongationMm(12000)).isEqualTo(70, within(1e-9));
        for (int i = 1; i < 4; i++) {
            assertThat(sink.samples.get(i).tNanos() - sink.samples.get(i - 1).tNanos()).isEqualTo(12_500_000L);
        }
        assertThat(sink.stateSequence()).startsWith(LinkState.CONNECTING, LinkState.STREAMING).endsWith(LinkState.STOPPED);
    }

    @Test
    void saturatedCodesAreCountedAndHeldBack() throws Exception {
        Ads1115Source src = source(Ads1115Config.defaults());
        chip.queue(0.5, 5.0, -5.0, 1.5);

        src.start(sink);
        sink.awaitSamples(2);
        src.stop();

        assertThat(sink.samples.subList(0, 2)).extracting(RecordingSink.Delivered::newtons).containsExactly(4.0, 14.0);
        assertThat(src.counters().saturated()).isEqualTo(2);
    }

    @Test
    void aChipThatStopsAcknowledgingIsLostAfterASecondOfErrorsAndComesBack() throws Exception {
        Ads1115Source src = source(Ads1115Config.defaults());
        chip.queue(0.5, 0.75);
        src.start(sink);
        sink.awaitSamples(2);

        chip.unplug(true);
        sink.awaitState(LinkState.LOST);
        chip.queue(1.0);
        chip.unplug(false);
        sink.awaitStates(4);
        src.stop();

        assertThat(sink.stateSequence()).startsWith(LinkState.CONNECTING, LinkState.STREAMING, LinkState.LOST,
                LinkState.STREAMING);
        assertThat(sink.states.get(2).detail()).startsWith("ADS1115 at 0x48 on I2C bus 1: ")
                .contains("register 0x01 failed: I2C bus 1 device 0x48: Remote I/O error (no acknowledge)");
        assertThat(sink.states.get(3).detail()).startsWith("ADS1115 at 0x48 on I2C bus 1, AIN0 is back after ");
        assertThat(src.counters().busErrors()).as("retried quickly for a second before giving up").isGreaterThan(50);
        // 0.75 V = 6000 codes = 30 mm = 6 N; 1.0 V = 8 N once it is back (0 V in between, nothing queued)
        assertThat(sink.samples).extracting(RecordingSink.Delivered::newtons).startsWith(4.0, 6.0).contains(8.0);
    }
}
