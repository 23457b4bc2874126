package org.isoband.device.ble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sensor clock against a simulated sensor: its crystal off by some ppm, samples batched four to a
 * notification, each notification delayed by a random radio latency (5 ms plus an exponential tail).
 */
class SensorClockTest {
    private static final long WRAP = 1L << 32;

    /** One simulated run: maps every sample and returns the worst error after the first minute, in ms. */
    private static final class Run {
        final SensorClock clock = new SensorClock();
        final Random random = new Random(11);
        double worstMs;
        double lastErrorMs;
        long previous = Long.MIN_VALUE;
        boolean monotonic = true;
        boolean neverAfterArrival = true;

        /**
         * @param ppm        how much faster the sensor's clock runs
         * @param startUs    the sensor's clock at the first sample (raw, may be near the wrap)
         * @param seconds    how long to stream, 80 Hz
         */
        Run play(double ppm, long startUs, double seconds) {
            long origin = 1_000_000_000_000L;
            int samples = (int) (seconds * 80);
            for (int i = 0; i < samples; i += 4) {
                double latestTrueS = (i + 3) / 80.0;
                long arrival = origin + (long) ((latestTrueS + 0.005 - Math.log(1 - random.nextDouble()) * 0.010)
                        * 1e9);
                long[] sensorUs = new long[4];
                for (int k = 0; k < 4; k++) {
                    sensorUs[k] = (startUs + Math.round((i + k) / 80.0 * (1 + ppm * 1e-6) * 1e6)) % WRAP;
                }
                long[] mappedAll = clock.toGatewayNanos(sensorUs, arrival);
                for (int k = i; k < i + 4; k++) {
                    double trueS = k / 80.0;
                    long mapped = mappedAll[k - i];
                    long truth = origin + Math.round(trueS * 1e9);
                    lastErrorMs = (mapped - truth) / 1e6;
                    if (trueS > 60) {
                        worstMs = Math.max(worstMs, Math.abs(lastErrorMs));
                    }
                    monotonic &= mapped > previous;
                    neverAfterArrival &= mapped <= arrival;
                    previous = mapped;
                }
            }
            return this;
        }
    }

    @Test
    void tracksASensorOnTimeWithinAFewMilliseconds() {
        Run run = new Run().play(0, 123_456, 600);

        assertThat(run.worstMs).isLessThan(8);
        assertThat(run.monotonic).isTrue();
        assertThat(run.neverAfterArrival).isTrue();
    }

    @Test
    void correctsACrystalThatRunsFastOrSlowSoTheErrorDoesNotGrowOverAnHour() {
        for (double ppm : new double[] {-80, 45}) {
            Run run = new Run().play(ppm, 5_000, 3600);

            // Uncorrected, 80 ppm over an hour is 288 ms.
            assertThat(run.worstMs).as("%s ppm", ppm).isLessThan(10);
            // A fast sensor clock means less gateway time per sensor microsecond.
            assertThat(run.clock.skew()).as("%s ppm", ppm).isCloseTo(-ppm * 1e-6, within(10e-6));
        }
    }

    @Test
    void unwrapsTheProgressorsMicrosecondsAfterAbout71Minutes() {
        // Starts 20 s before the uint32 wraps, streams across it.
        Run run = new Run().play(20, WRAP - 20_000_000, 120);

        assertThat(run.worstMs).isLessThan(8);
        assertThat(run.monotonic).isTrue();
    }

    @Test
    void aSensorClockThatStartsOverStartsTheMappingOver() {
        SensorClock clock = new SensorClock();
        long t0 = clock.toGatewayNanos(50_000_000, 1_000_000_000L);
        long t1 = clock.toGatewayNanos(50_012_500, 1_012_500_000L);
        // The sensor rebooted: its clock is back near zero, a second of gateway time later.
        long t2 = clock.toGatewayNanos(1_000, 2_020_000_000L);
        long t3 = clock.toGatewayNanos(13_500, 2_032_500_000L);

        assertThat(t1 - t0).isEqualTo(12_500_000);
        assertThat(t2).isEqualTo(2_020_000_000L);
        assertThat(t3 - t2).isEqualTo(12_500_000);
    }

    @Test
    void aGapInTheStreamKeepsTheSamplesOnEitherSideAtTheirTrueTimes() {
        SensorClock clock = new SensorClock();
        clock.toGatewayNanos(1_000_000, 5_000_000_000L);
        // Three seconds of lost notifications: the next sample is 3 s later on both clocks.
        long after = clock.toGatewayNanos(4_000_000, 8_000_000_000L);

        assertThat(after).isEqualTo(8_000_000_000L);
    }

    @Test
    void refusesValuesThatAreNotUint32() {
        SensorClock clock = new SensorClock();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> clock.toGatewayNanos(-1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> clock.toGatewayNanos(WRAP, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A real Progressor's timing, from exports of real sessions: samples ~11.4 ms apart with a double interval about
     * every 16th (~82 Hz mean), several to a notification. The clock must keep that spacing as it is, double
     * intervals included, without assuming 80 Hz anywhere.
     */
    @Test
    void keepsTheProgressorsRealSpacingWithItsDoubleIntervals() {
        SensorClock clock = new SensorClock();
        Random random = new Random(3);
        long origin = 5_000_000_000_000L;
        long sensorUs = 0;
        long previousMapped = Long.MIN_VALUE;
        long previousSensor = 0;
        int doubles = 0;
        int samples = 0;
        for (int n = 0; n < 6000; n += 3) {
            long[] batch = new long[3];
            for (int k = 0; k < 3; k++) {
                sensorUs += (n + k) % 16 == 15 ? 22_800 : 11_400;
                batch[k] = sensorUs;
            }
            long arrival = origin + batch[2] * 1000 + 6_000_000 + (long) (random.nextDouble() * 15_000_000);
            long[] mapped = clock.toGatewayNanos(batch, arrival);
            for (int k = 0; k < 3; k++) {
                if (previousMapped != Long.MIN_VALUE && samples > 3000) {
                    long sensorStep = (batch[k] - previousSensor) * 1000;
                    assertThat((double) (mapped[k] - previousMapped)).as("step %d", samples)
                            .isCloseTo(sensorStep, within(0.05 * sensorStep));
                    if (sensorStep == 22_800_000) {
                        doubles++;
                    }
                }
                previousMapped = mapped[k];
                previousSensor = batch[k];
                samples++;
            }
        }
        assertThat(doubles).as("double intervals kept as such").isGreaterThan(150);
        double meanHz = samples / (sensorUs / 1e6);
        assertThat(meanHz).isCloseTo(82.5, within(0.5));
    }
}
