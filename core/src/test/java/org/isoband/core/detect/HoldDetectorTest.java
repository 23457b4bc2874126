package org.isoband.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The state machine on constructed signals whose truth is known exactly. */
class HoldDetectorTest {
    private static final DetectorConfig CONFIG = DetectorConfig.DEFAULTS;

    /** rest 30 N, a 0.5 s ramp to 230 N, {@code holdS} steady, a 0.5 s release, rest. */
    private static Signal rep(double holdS) {
        return new Signal(30).hold(4).ramp(0.5, 230).hold(holdS).ramp(0.5, 30).hold(4);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {10, 80, 1000})
    void aSteadyHoldPastTheTargetIsHeldAndTimedAsHeld(double hz) {
        List<RepEvent> reps = Signal.detect(rep(8).sample(Signal.Sampling.realistic(hz, 7)), CONFIG);

        assertThat(reps).hasSize(1);
        RepEvent r = reps.get(0);
        assertThat(r.verdict()).isEqualTo(Verdict.HELD);
        assertThat(r.steadySeconds()).isCloseTo(8.0, within(0.2));
        assertThat(r.startSeconds()).isCloseTo(4.0, within(0.15));
        assertThat(r.endSeconds()).isCloseTo(13.0, within(0.2));
        assertThat(r.restN()).isCloseTo(30, within(1.0));
        assertThat(r.meanN()).isCloseTo(230, within(2.0));
        assertThat(r.cvPct()).isBetween(1.0, 2.5);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {10, 80, 1000})
    void releasingEarlyIsShort(double hz) {
        List<RepEvent> reps = Signal.detect(rep(3.5).sample(Signal.Sampling.realistic(hz, 3)), CONFIG);

        assertThat(reps).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.SHORT);
            assertThat(r.steadySeconds()).isCloseTo(3.5, within(0.2));
        });
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {10, 80, 1000})
    void aSustainedStepInTensionIsMovementAndTheLongerSteadyStretchCounts(double hz) {
        Signal s = new Signal(20).hold(3).ramp(0.4, 200).hold(3.5).ramp(0.4, 250).hold(2.5).ramp(0.4, 20).hold(3);

        List<RepEvent> reps = Signal.detect(s.sample(Signal.Sampling.realistic(hz, 11)), CONFIG);

        assertThat(reps).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.MOVED);
            assertThat(r.steadySeconds()).isCloseTo(3.5, within(0.2));
            assertThat(r.meanN()).isCloseTo(200, within(3.0));
        });
    }

    @Test
    void aDownwardMovementIsMovementToo() {
        Signal s = new Signal(20).hold(3).ramp(0.4, 200).hold(3).ramp(0.5, 160).hold(3).ramp(0.4, 20).hold(3);

        List<RepEvent> reps = Signal.detect(s.sample(Signal.Sampling.realistic(80, 5)), CONFIG);

        assertThat(reps).singleElement().extracting(RepEvent::verdict).isEqualTo(Verdict.MOVED);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {10, 80, 1000})
    void anOscillatingContractionIsUnsteadyWithNoSteadyTime(double hz) {
        Signal s = new Signal(20).hold(3).ramp(0.4, 200).wobble(7, 0.15 * 180, 1.2).ramp(0.4, 20).hold(3);

        List<RepEvent> reps = Signal.detect(s.sample(Signal.Sampling.realistic(hz, 13)), CONFIG);

        assertThat(reps).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.UNSTEADY);
            assertThat(r.steadySeconds()).isZero();
        });
    }

    @Test
    void slowFatigueDriftIsNotMovement() {
        // 12 % of the amplitude lost over 8 s: a tiring athlete, not a moving leg.
        Signal s = new Signal(20).hold(3).ramp(0.5, 220).ramp(8, 196).ramp(0.5, 20).hold(3);

        List<RepEvent> reps = Signal.detect(s.sample(Signal.Sampling.realistic(80, 17)), CONFIG);

        assertThat(reps).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.HELD);
            assertThat(r.steadySeconds()).isCloseTo(8, within(0.3));
            assertThat(r.driftPct()).isBetween(-14.0, -8.0);
        });
    }

    @ParameterizedTest(name = "hold {0} s")
    @ValueSource(doubles = {5.7, 6.3})
    void theHoldTargetDecidesBetweenShortAndHeld(double holdS) {
        List<RepEvent> reps = Signal.detect(rep(holdS).sample(Signal.Sampling.realistic(80, 19)), CONFIG);

        Verdict expected = holdS >= 6 ? Verdict.HELD : Verdict.SHORT;
        assertThat(reps).singleElement().extracting(RepEvent::verdict).isEqualTo(expected);
    }

    @Test
    void eachRepIsMeasuredAgainstTheRestTensionJustBeforeIt() {
        // The second rep starts from a higher rest tension (a new hip angle): 60 N, not 30 N.
        Signal s = new Signal(30).hold(3).ramp(0.5, 200).hold(7).ramp(0.5, 60).hold(5)
                .ramp(0.5, 120).hold(7).ramp(0.5, 60).hold(3);

        List<RepEvent> reps = Signal.detect(s.sample(Signal.Sampling.realistic(80, 23)), CONFIG);

        assertThat(reps).hasSize(2);
        assertThat(reps.get(0).restN()).isCloseTo(30, within(1.5));
        assertThat(reps.get(1).restN()).isCloseTo(60, within(1.5));
        assertThat(reps.get(1).amplitudeN()).isCloseTo(60, within(2.0));
        assertThat(reps).extracting(RepEvent::verdict).containsExactly(Verdict.HELD, Verdict.HELD);
    }

    @Test
    void aWeakContractionIsStillJudged() {
        // 25 N above a 40 N rest, with a 2 % tremor: 1.3 N of noise on a 25 N contraction.
        Signal s = new Signal(40).hold(3).ramp(0.6, 65).hold(7).ramp(0.6, 40).hold(3);

        List<RepEvent> reps = Signal.detect(s.sample(Signal.Sampling.realistic(80, 29).withNoise(0.4, 2)), CONFIG);

        assertThat(reps).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.HELD);
            assertThat(r.steadySeconds()).isCloseTo(7, within(0.3));
        });
    }

    @Test
    void aTwitchIsNotARep() {
        Signal s = new Signal(30).hold(3).ramp(0.2, 80).ramp(0.3, 30).hold(3);

        assertThat(Signal.detect(s.sample(Signal.Sampling.realistic(80, 31)), CONFIG)).isEmpty();
    }

    @Test
    void restNoiseAndSlowRestDriftMakeNoReps() {
        Signal s = new Signal(30).hold(5).ramp(10, 33).hold(10);

        assertThat(Signal.detect(s.sample(Signal.Sampling.realistic(80, 37).withNoise(0.8, 0)), CONFIG)).isEmpty();
    }

    @Test
    void lostSamplesAndJitterAtTenHertzChangeNothing() {
        Signal s = rep(8);
        List<RepEvent> lossy = Signal.detect(s.sample(Signal.Sampling.realistic(10, 41).withLoss(0.15)), CONFIG);

        assertThat(lossy).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.HELD);
            assertThat(r.steadySeconds()).isCloseTo(8, within(0.3));
        });
    }

    @Test
    void aShortGapInsideAHoldIsBridged() {
        List<double[]> samples = new ArrayList<>(rep(8).sample(Signal.Sampling.realistic(80, 43)));
        samples.removeIf(p -> p[0] > 8.0 && p[0] < 9.2);

        List<RepEvent> reps = Signal.detect(samples, CONFIG);

        assertThat(reps).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.HELD);
            assertThat(r.steadySeconds()).isCloseTo(8, within(0.2));
        });
    }

    @Test
    void aGapLongerThanTheLimitInterruptsTheRepInsteadOfGuessing() {
        List<double[]> samples = new ArrayList<>(rep(8).sample(Signal.Sampling.realistic(80, 47)));
        samples.removeIf(p -> p[0] > 7.0 && p[0] < 9.5);

        List<RepEvent> reps = Signal.detect(samples, CONFIG);

        assertThat(reps).extracting(RepEvent::verdict).first().isEqualTo(Verdict.INTERRUPTED);
        assertThat(reps.get(0).endSeconds()).isCloseTo(7.0, within(0.05));
    }

    @Test
    void aLostLinkInterruptsTheRepInProgress() {
        List<RepEvent> reps = new ArrayList<>();
        HoldDetector detector = new HoldDetector(CONFIG, reps::add);
        for (double[] p : rep(8).sample(Signal.Sampling.realistic(80, 53))) {
            if (p[0] > 8) {
                break;
            }
            detector.accept(Math.round(p[0] * 1e9), p[1]);
        }
        detector.linkLost(8_000_000_000L);

        assertThat(reps).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.INTERRUPTED);
            assertThat(r.steadySeconds()).isCloseTo(3.5, within(0.2));
        });
        assertThat(detector.phase()).isEqualTo(Phase.REST);
    }

    @Test
    void badSamplesAreDroppedCountedAndDoNotChangeTheRep() {
        List<double[]> clean = rep(8).sample(Signal.Sampling.realistic(80, 59));
        List<RepEvent> expected = Signal.detect(clean, CONFIG);

        List<RepEvent> reps = new ArrayList<>();
        HoldDetector detector = new HoldDetector(CONFIG, reps::add);
        for (int i = 0; i < clean.size(); i++) {
            long t = Math.round(clean.get(i)[0] * 1e9);
            detector.accept(t, clean.get(i)[1]);
            if (i % 50 == 7) {
                detector.accept(t + 1000, Double.NaN);
                detector.accept(t + 2000, Double.POSITIVE_INFINITY);
                detector.accept(t, 999);                 // same time again
                detector.accept(t - 5_000_000, 999);     // out of order
            }
        }
        detector.finish();

        assertThat(reps).hasSize(1);
        assertThat(reps.get(0).verdict()).isEqualTo(expected.get(0).verdict());
        assertThat(reps.get(0).steadySeconds()).isCloseTo(expected.get(0).steadySeconds(), within(1e-9));
        assertThat(reps.get(0).droppedSamples()).isPositive();
        SampleCounters c = detector.counters();
        int bursts = (clean.size() + 42) / 50;
        assertThat(c.notFinite()).isEqualTo(2L * bursts);
        assertThat(c.outOfOrder()).isEqualTo(2L * bursts);
        assertThat(c.accepted()).isEqualTo(clean.size());
    }

    @Test
    void readingsAtFullScaleAreSaturatedAndDropped() {
        List<double[]> samples = rep(8).sample(Signal.Sampling.realistic(80, 61));
        for (double[] p : samples) {
            if (p[0] > 8 && p[0] < 8.3) {
                p[1] = 500;
            }
        }

        List<RepEvent> reps = Signal.detect(samples, CONFIG.withFullScale(500));

        assertThat(reps).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.HELD);
            assertThat(r.peakN()).isLessThan(260);
            assertThat(r.droppedSamples()).isGreaterThan(20);
        });
    }

    @Test
    void flatReadingsOfADeadbandGaugeAreAPerfectHoldNotAStuckSensor() {
        // A gauge that reports only changes of more than 1 N repeats the same value for seconds.
        List<double[]> samples = rep(8).sample(Signal.Sampling.realistic(40, 67).withNoise(0.1, 0.3));
        double reported = Double.NaN;
        for (double[] p : samples) {
            if (Double.isNaN(reported) || Math.abs(p[1] - reported) > 1.0) {
                reported = p[1];
            }
            p[1] = reported;
        }

        assertThat(Signal.detect(samples, CONFIG)).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.HELD);
            assertThat(r.steadySeconds()).isCloseTo(8, within(0.3));
            assertThat(r.droppedSamples()).isZero();
        });
    }
}
