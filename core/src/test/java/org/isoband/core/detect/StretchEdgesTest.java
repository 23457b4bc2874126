package org.isoband.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StretchEdgesTest {
    private static SampleBuffer samples(double... timeAndValue) {
        SampleBuffer buffer = new SampleBuffer(16);
        for (int i = 0; i < timeAndValue.length; i += 2) {
            buffer.add(timeAndValue[i], timeAndValue[i + 1]);
        }
        return buffer;
    }

    @Test
    void betweenALastRampSampleAndTheFirstOnTheLevelTheStartIsWhereTheLineCrossesTheTolerance() {
        // 6.5 samples/s: the ramp at 100 N at 0 s, the level (200 N) reached by 0.4 s; tolerance 4 N.
        SampleBuffer b = samples(0.0, 100, 0.4, 200, 0.55, 201);

        assertThat(StretchEdges.start(b, 0, 1, 200, 15, 4)).isCloseTo(0.384, within(1e-9));
    }

    @Test
    void aNoisyNeighbourInsideTheBandSaysNothingAboutTheRampSoTheStartIsTheSample() {
        SampleBuffer b = samples(0.0, 190, 0.4, 200, 0.55, 201);

        assertThat(StretchEdges.start(b, 0, 1, 200, 15, 4)).isEqualTo(0.4);
    }

    @Test
    void theEndIsWhereTheLineToTheFirstReleaseSampleCrossesTheTolerance() {
        SampleBuffer b = samples(0.0, 200, 0.2, 199, 0.5, 99);

        // 199 is 1 N off the level; the line reaches 4 N off after 3 of its 100 N: 3 % of the 0.3 s.
        assertThat(StretchEdges.end(b, 1, 2, 200, 15, 4)).isCloseTo(0.209, within(1e-9));
    }

    @Test
    void twoOrThreeSamplesAreNoMeasureOfTheNoiseSoTheExpectedNoiseOfAHoldFillsIn() {
        // Two identical samples measure no noise at all; alone they would give the narrowest tolerance.
        SampleBuffer b = samples(0.0, 200, 0.15, 200, 0.3, 200);

        assertThat(StretchEdges.tolerance(b, 0, 2, 16, 3)).isCloseTo(1.25 * Math.sqrt(4 * 9 / 6.0), within(1e-9));
        assertThat(StretchEdges.tolerance(b, 0, 2, 16, 0)).isEqualTo(2);   // an eighth of the band
    }

    @Test
    void oneNoisySampleDoesNotEndTheWalkOverTheStretchButTwoInARowDo() {
        // ramp, ramp, level, noisy, level, level: the stretch starts at the first sample on the level.
        SampleBuffer b = samples(0, 100, 0.1, 150, 0.2, 200, 0.3, 209, 0.4, 200, 0.5, 201);

        assertThat(StretchEdges.firstNear(b, 0, 4, 5, 200, 4)).isEqualTo(2);
    }
}
