package org.isoband.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The incremental windows and the cursor give what a plain scan of the buffer gives, on irregular time
 * steps (a Progressor's double intervals, a crane scale's lost advertisements) and across a buffer that
 * drops its old samples or is cleared by a restart.
 */
class TrailingWindowsTest {
    private static final DetectorConfig CONFIG = DetectorConfig.DEFAULTS;

    @Test
    void theWindowsMeanSpreadAndDeviationEqualAScanOfTheirSamplesHoweverSeldomTheSpreadIsAskedFor() {
        Random random = new Random(7);
        SampleBuffer buffer = new SampleBuffer(16);
        TrailingWindows windows = new TrailingWindows(buffer, CONFIG);
        double t = 0;
        for (int i = 0; i < 5_000; i++) {
            t += irregularStep(random);
            long seq = buffer.add(t, 100 + 20 * Math.sin(t) + random.nextGaussian());
            windows.advanceTo(seq);
            buffer.dropBefore(windows.oldestInUse());

            long smoothFrom = windows.smooth.from();
            assertThat(windows.smooth.mean()).isCloseTo(buffer.meanX(smoothFrom, seq + 1), within(1e-6));
            assertThat(buffer.s(seq)).isEqualTo(windows.smooth.mean());
            assertThat(Math.sqrt(windows.wobble.variance())).isCloseTo(sd(buffer, windows.wobble.from(), seq), within(1e-6));
            long settleFrom = windows.settle.from();
            if (i % 3 == 0 || (i / 500) % 2 == 0) {     // asked now and then, and then every sample, as a rep does
                assertThat(windows.settleSpread(seq)).isEqualTo(spreadOfSmoothed(buffer, settleFrom, seq));
            }
            assertThat(windows.settle.span()).isEqualTo(buffer.t(seq) - buffer.t(settleFrom));
        }
    }

    @Test
    void eachWindowKeepsTheOneSampleAtItsCutoffSoItSpansItsLengthEvenAtAFewSamplesASecond() {
        SampleBuffer buffer = new SampleBuffer(16);
        TrailingWindows windows = new TrailingWindows(buffer, CONFIG);
        for (double t : new double[] {0, 0.3, 0.6, 0.9, 1.2, 1.5}) {
            windows.advanceTo(buffer.add(t, 10));
        }
        // wobbleS = 1 s: the cutoff is at 0.5 s, and the sample at 0.3 s is the last at or before it.
        assertThat(buffer.t(windows.wobble.from())).isEqualTo(0.3);
        assertThat(windows.wobble.span()).isCloseTo(1.2, within(1e-12));
    }

    @Test
    void afterAResetTheWindowsHoldOnlyTheNewSamples() {
        SampleBuffer buffer = new SampleBuffer(16);
        TrailingWindows windows = new TrailingWindows(buffer, CONFIG);
        for (int i = 0; i < 50; i++) {
            windows.advanceTo(buffer.add(i * 0.0125, 500));
        }
        buffer.dropBefore(buffer.end());
        windows.reset(buffer.end());
        long seq = buffer.add(0.001, 20);

        assertThat(windows.advanceTo(seq)).isEqualTo(20);
        assertThat(windows.settleSpread(seq)).isZero();
        assertThat(windows.wobble.count()).isEqualTo(1);
    }

    @Test
    void aTimeCursorAnswersAsTheBinarySearchDoesWhileTimeGoesOnBackAndTheBufferIsCleared() {
        Random random = new Random(11);
        SampleBuffer buffer = new SampleBuffer(16);
        TimeCursor cursor = new TimeCursor(buffer);
        double t = 0;
        for (int i = 0; i < 20_000; i++) {
            if (i % 3_000 == 2_999) {
                buffer.dropBefore(buffer.end());    // a restart: the clock begins again
                t = random.nextDouble();
            }
            t += irregularStep(random);
            buffer.add(t, 0);
            if (i % 7 == 0) {
                buffer.dropBefore(buffer.seqAtOrAfter(t - 3));
            }
            // Mostly a fixed lag behind the newest sample, now and then far back or past the newest.
            double lag = i % 101 == 0 ? 5 * random.nextDouble() - 1 : 1.0;
            assertThat(cursor.seqAtOrAfter(t - lag)).as("sample %d, lag %.2f s", i, lag)
                    .isEqualTo(buffer.seqAtOrAfter(t - lag));
        }
    }

    /** 11.4 ms with a double interval now and then, or a crane scale's 0.15-0.4 s. */
    private static double irregularStep(Random random) {
        double step = random.nextInt(16) == 0 ? 0.0228 : 0.0114;
        return random.nextInt(50) == 0 ? 0.15 + 0.25 * random.nextDouble() : step;
    }

    private static double sd(SampleBuffer b, long from, long to) {
        double mean = b.meanX(from, to + 1);
        double squares = 0;
        for (long q = from; q <= to; q++) {
            squares += (b.x(q) - mean) * (b.x(q) - mean);
        }
        long n = to - from + 1;
        return n < 2 ? 0 : Math.sqrt(squares / n);
    }

    private static double spreadOfSmoothed(SampleBuffer b, long from, long to) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (long q = from; q <= to; q++) {
            min = Math.min(min, b.s(q));
            max = Math.max(max, b.s(q));
        }
        return max - min;
    }
}
