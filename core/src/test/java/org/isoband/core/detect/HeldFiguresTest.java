package org.isoband.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HeldFiguresTest {
    private static SampleBuffer samples(double hz, double... values) {
        SampleBuffer buffer = new SampleBuffer(16);
        for (int i = 0; i < values.length; i++) {
            buffer.add(i / hz, values[i]);
        }
        return buffer;
    }

    @Test
    void theMeanAndCvAreThoseOfTheSamplesAtOrAboveTheThresholdBothEndsIncluded() {
        SampleBuffer b = samples(10, 5, 98, 102, 100, 4);

        HeldFigures all = HeldFigures.over(b, 1, 3, Double.NEGATIVE_INFINITY, 0);
        HeldFigures upper = HeldFigures.over(b, 0, 4, 50, 0);

        assertThat(all.meanN()).isEqualTo(100);
        assertThat(all.cvPct()).isCloseTo(2.0, within(1e-9));     // sample SD 2 N of 100 N
        assertThat(upper).isEqualTo(all);
    }

    @Test
    void withNoSampleAboveTheThresholdTheMeanIsTheFallbackAndTheCvZero() {
        assertThat(HeldFigures.over(samples(10, 1, 2, 3), 0, 2, 50, 42)).isEqualTo(new HeldFigures(42, 0));
    }

    @Test
    void theDriftIsTheLastSecondsLevelMinusTheFirstSeconds() {
        double[] values = new double[50];
        for (int i = 0; i < values.length; i++) {
            values[i] = i < 10 ? 200 : i >= 40 ? 190 : 195;
        }
        // 5 s at 10 Hz: the first second at 200 N, the last at 190 N.
        assertThat(HeldFigures.drift(samples(10, values), 0, 5)).isCloseTo(-10, within(1e-9));
    }
}
