package org.isoband.core.coach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PlateauMeterTest {
    private static final long MS = 1_000_000L;

    @Test
    void theMaximumIsTheBestOneSecondMeanNotTheSpike() {
        PlateauMeter m = new PlateauMeter();
        // 4 s at 80 Hz: 300 N with one 600 N spike of 50 ms at 1 s, and a 320 N second from 2 to 3 s
        for (long t = 0; t <= 4000; t += 12) {
            double n = t >= 1000 && t < 1050 ? 600 : t >= 2000 && t < 3000 ? 320 : 300;
            m.add(t * MS, n);
        }
        assertThat(m.best()).isCloseTo(320, within(1.0));
    }

    @Test
    void aPullShorterThanOneSecondHasNoPlateau() {
        PlateauMeter m = new PlateauMeter();
        for (long t = 0; t < 900; t += 12) {
            m.add(t * MS, 400);
        }
        assertThat(m.best()).isNaN();
    }

    @Test
    void unreadableSamplesAreLeftOutAndResetStartsAgain() {
        PlateauMeter m = new PlateauMeter();
        for (long t = 0; t <= 2000; t += 12) {
            m.add(t * MS, t % 96 == 0 ? Double.NaN : 250);
        }
        assertThat(m.best()).isCloseTo(250, within(1e-9));
        m.reset();
        assertThat(m.best()).isNaN();
    }
}
