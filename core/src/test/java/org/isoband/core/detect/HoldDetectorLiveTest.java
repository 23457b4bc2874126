package org.isoband.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the athlete sees live: the detector enters HOLD soon after the tension settles, and its back-dated
 * hold timer reaches the target close to the true moment, so the "target reached" cue comes on time.
 */
class HoldDetectorLiveTest {
    private static final double SETTLED_AT = 4.5;   // rest 4 s, then a 0.5 s ramp
    private static final double TARGET = 6.0;

    @ParameterizedTest(name = "{0} Hz, seed {1}")
    @CsvSource({"10,1", "10,2", "10,3", "25,1", "80,1", "80,2", "80,3", "1000,1"})
    void holdStartsWithinHalfASecondAndTheTimerReachesTheTargetOnTime(double hz, long seed) {
        Signal signal = new Signal(30).hold(4).ramp(0.5, 230).hold(9).ramp(0.5, 30).hold(3);
        List<double[]> samples = signal.sample(Signal.Sampling.realistic(hz, seed));
        List<Double> holdEntries = new ArrayList<>();
        HoldDetector detector = new HoldDetector(DetectorConfig.DEFAULTS, new DetectorListener() {
            @Override
            public void onRep(RepEvent rep) {
            }

            @Override
            public void onPhase(Phase from, Phase to, long tNanos) {
                if (to == Phase.HOLD) {
                    holdEntries.add(tNanos / 1e9);
                }
            }
        });

        double targetReachedAt = Double.NaN;
        double worstTimerError = 0;
        for (double[] p : samples) {
            detector.accept(Math.round(p[0] * 1e9), p[1]);
            double steady = detector.steadySeconds();
            if (steady > 0) {
                worstTimerError = Math.max(worstTimerError, Math.abs(steady - (p[0] - SETTLED_AT)));
            }
            if (Double.isNaN(targetReachedAt) && steady >= TARGET) {
                targetReachedAt = p[0] - (steady - TARGET);
            }
        }

        assertThat(holdEntries).as("HOLD entered once").hasSize(1);
        assertThat(holdEntries.get(0) - SETTLED_AT).as("delay from settling to HOLD (s)").isBetween(0.0, 0.5);
        assertThat(worstTimerError).as("largest error of the live steady timer (s)").isLessThanOrEqualTo(0.1);
        assertThat(Math.abs(targetReachedAt - (SETTLED_AT + TARGET))).as("target reached vs truth (s)")
                .isLessThanOrEqualTo(0.1);
    }
}
