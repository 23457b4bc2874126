package org.isoband.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.isoband.core.detect.DetectorConfig;
import org.isoband.core.detect.HoldDetector;
import org.isoband.core.detect.RepEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The benchmark feeds what it claims to: time moving forward across laps, and reps the detector finds. */
class SessionsTest {

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {80, 1000})
    void replayedLapsKeepTimeMovingForward(double hz) {
        ForceSignal.Samples s = Sessions.benchmark().sample(hz, 42);

        assertThat(s.size()).isEqualTo(Sessions.benchmark().sampleCount(hz));
        for (int i = 1; i < s.size(); i++) {
            assertThat(s.tNanos()[i]).isGreaterThan(s.tNanos()[i - 1]);
        }
        assertThat(s.lapNanos() + s.tNanos()[0]).isGreaterThan(s.tNanos()[s.size() - 1]);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {80, 1000})
    void theDetectorFindsEveryScriptedContractionOfTheBenchmarkSession(double hz) {
        ForceSignal session = Sessions.benchmark();
        ForceSignal.Samples s = session.sample(hz, 42);

        List<RepEvent> reps = detect(s, 2);

        assertThat(session.durationS()).isBetween(180.0, 420.0);
        assertThat(reps).hasSize(2 * session.contractions());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void aLongSessionLastsItsTimeAndEndsAtRest(long seed) {
        ForceSignal session = Sessions.session(600, seed);
        ForceSignal.Samples s = session.sample(100, seed);

        assertThat(session.durationS()).isCloseTo(600.0, within(1e-6));
        assertThat(session.contractions()).isBetween(12, 30);
        double lastN = s.newtons()[s.size() - 1];
        assertThat(lastN).isBetween(20.0, 40.0);
        assertThat(detect(s, 1)).hasSizeBetween(session.contractions() * 9 / 10, session.contractions());
    }

    private static List<RepEvent> detect(ForceSignal.Samples s, int laps) {
        List<RepEvent> reps = new ArrayList<>();
        HoldDetector detector = new HoldDetector(DetectorConfig.DEFAULTS, reps::add);
        for (int lap = 0; lap < laps; lap++) {
            for (int i = 0; i < s.size(); i++) {
                detector.accept(lap * s.lapNanos() + s.tNanos()[i], s.newtons()[i]);
            }
        }
        detector.finish();
        return reps;
    }
}
