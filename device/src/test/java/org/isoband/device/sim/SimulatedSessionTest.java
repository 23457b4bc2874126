package org.isoband.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.isoband.core.detect.DetectorConfig;
import org.isoband.core.detect.HoldDetector;
import org.isoband.core.detect.RepEvent;
import org.isoband.core.detect.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The simulator is deterministic, and the detector recovers the faults it injects. */
class SimulatedSessionTest {

    private static List<RepEvent> detect(SimulatedSession session) {
        List<RepEvent> reps = new ArrayList<>();
        HoldDetector detector = new HoldDetector(DetectorConfig.DEFAULTS, reps::add);
        session.forEach((t, f) -> detector.accept(Math.round(t * 1e9), f));
        detector.finish();
        return reps;
    }

    @Test
    void theSameSeedPlaysTheSameSession() {
        List<double[]> a = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        new SimulatedSession(Scenario.SET, 42, SensorModel.loadCell(80)).forEach((t, f) -> a.add(new double[] {t, f}));
        new SimulatedSession(Scenario.SET, 42, SensorModel.loadCell(80)).forEach((t, f) -> b.add(new double[] {t, f}));
        List<double[]> c = new ArrayList<>();
        new SimulatedSession(Scenario.SET, 43, SensorModel.loadCell(80)).forEach((t, f) -> c.add(new double[] {t, f}));

        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i)).containsExactly(b.get(i));
        }
        assertThat(c.get(c.size() / 2)[1]).isNotEqualTo(a.get(a.size() / 2)[1]);
    }

    @ParameterizedTest
    @EnumSource(value = Scenario.class, names = {"SET", "HELD", "SHORT", "MOVED", "UNSTEADY", "DROPOUT"})
    void theDetectorRecoversEveryInjectedFault(Scenario scenario) {
        for (double hz : new double[] {10, 80}) {
            SimulatedSession session = new SimulatedSession(scenario, 7, SensorModel.loadCell(hz).withLoss(0.03));

            List<RepEvent> reps = detect(session);

            List<Verdict> expected = session.reps().stream().map(r -> r.fault().expectedVerdict()).toList();
            assertThat(reps).extracting(RepEvent::verdict).as(scenario + " at " + hz + " Hz").containsExactlyElementsOf(expected);
            for (int i = 0; i < reps.size(); i++) {
                RepPlan plan = session.reps().get(i);
                if (plan.fault() != Fault.WOBBLE) {
                    assertThat(reps.get(i).steadySeconds()).as("rep %d steady", i + 1).isCloseTo(plan.steadyS(), within(0.35));
                }
                assertThat(reps.get(i).restN()).as("rep %d rest", i + 1).isCloseTo(plan.restN(), within(1.5));
            }
        }
    }

    @Test
    void theStrengthAthleteStartsEachLegAndAngleWithTwoMaximalPullsThenHoldsAtAboutSeventyPercent() {
        SimulatedSession session = new SimulatedSession(Scenario.STRENGTH, 3, SensorModel.loadCell(80));

        List<RepEvent> reps = detect(session);

        assertThat(reps).as("every contraction, pulls too, is one rep").hasSize(session.reps().size());
        for (String leg : List.of("right", "left")) {
            for (int angle = 0; angle < 4; angle++) {
                int a = angle;
                List<RepPlan> here = session.reps().stream().filter(r -> r.leg().equals(leg) && r.angle() == a).toList();
                double max = here.get(0).restN() + Math.max(here.get(0).amplitudeN(), here.get(1).amplitudeN());
                assertThat(here.get(0).holdS()).as("a pull lasts about 4 s").isBetween(4.0, 5.0);
                for (RepPlan hold : here.subList(2, here.size())) {
                    double pct = 100 * (hold.restN() + hold.amplitudeN()) / max;
                    assertThat(pct).as(leg + " " + angle + ": a hold's share of the maximum").isBetween(45.0, 80.0);
                }
                assertThat(reps.get(session.reps().indexOf(here.get(0))).verdict()).as("a pull is short of the hold target")
                        .isEqualTo(Verdict.SHORT);
            }
        }
    }

    @Test
    void aWholeSessionGivesEveryRepOnceThroughAngleChanges() {
        SimulatedSession session = new SimulatedSession(Scenario.SESSION, 3, SensorModel.loadCell(80));

        List<RepEvent> reps = detect(session);

        assertThat(session.reps()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(session.reps().stream().map(RepPlan::angle).distinct()).hasSize(4);
        assertThat(reps).hasSameSizeAs(session.reps());
        long held = reps.stream().filter(r -> r.verdict() == Verdict.HELD).count();
        assertThat(held).isEqualTo(40);
        for (int i = 0; i < reps.size(); i++) {
            assertThat(reps.get(i).verdict()).as("rep %d", i + 1).isEqualTo(session.reps().get(i).fault().expectedVerdict());
        }
    }

    @Test
    void setUpTensionIsPlannedBeforeThePullAndTheRepIsMeasuredAgainstIt() {
        SimulatedSession session = new SimulatedSession(Scenario.SETUP, 5, SensorModel.named("progressor"));

        List<RepEvent> reps = detect(session);

        assertThat(reps).hasSameSizeAs(session.reps());
        for (int i = 0; i < reps.size(); i++) {
            RepPlan plan = session.reps().get(i);
            assertThat(plan.setupN()).isBetween(10.0, 30.0);
            assertThat(reps.get(i).startSeconds()).as("rep %d start", i + 1).isCloseTo(plan.startS(), within(0.3));
            assertThat(reps.get(i).restN()).as("rep %d rest", i + 1).isCloseTo(plan.baseN(), within(2.0));
        }
    }

    @Test
    void aTruncatedRecordingMarksItsFirstAndLastRep() {
        SimulatedSession session = new SimulatedSession(Scenario.TRUNCATED, 5, SensorModel.named("progressor"));

        List<RepEvent> reps = detect(session);

        assertThat(reps).hasSameSizeAs(session.reps());
        assertThat(session.truncated(session.reps().get(0))).isTrue();
        assertThat(reps.get(0).truncated()).isTrue();
        assertThat(reps.get(reps.size() - 1).truncated()).isTrue();
        assertThat(reps.subList(1, reps.size() - 1)).noneMatch(RepEvent::truncated);
    }

    @Test
    void progressorTimingHasADoubleIntervalEverySixteenthSample() {
        List<Double> times = new ArrayList<>();
        new SimulatedSession(Scenario.HELD, 1, SensorModel.named("progressor")).forEach((t, f) -> times.add(t));
        double mean = (times.get(times.size() - 1) - times.get(0)) / (times.size() - 1);

        assertThat(1 / mean).isBetween(80.0, 84.0);
    }

    @Test
    void anUnknownScenarioNamesTheChoices() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Scenario.fromCliName("marathon"))
                .hasMessage("unknown scenario 'marathon' (one of: session, strength, set, held, short, moved, unsteady, dropout, "
                        + "setup, fidgets, plateaus, angles, relaxation, truncated, clock-restart, endurance)");
    }
}
