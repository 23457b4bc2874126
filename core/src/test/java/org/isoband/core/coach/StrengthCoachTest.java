package org.isoband.core.coach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.isoband.core.detect.HoldState;
import org.isoband.core.detect.Phase;
import org.isoband.core.detect.RepEvent;
import org.isoband.core.detect.Verdict;
import org.isoband.core.unit.ForceUnit;
import org.junit.jupiter.api.Test;

/** The strength coach fed by hand (phases, samples, ticks, reps): no detector involved. */
class StrengthCoachTest {
    private static final long S = 1_000_000_000L;
    private static final long TICK = 20_000_000L;
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final TrainingPlan PLAN = new TrainingPlan(List.of(Leg.RIGHT, Leg.LEFT), List.of("high", "low"),
            2, 6.0, 10, 20, 30, 2, 12.0, 3);
    /** 2 pulls of 4 s, 30 s rest, retest every 4 weeks, zone 60-80 %. */
    private static final StrengthPlan STRENGTH = new StrengthPlan(true, 2, 4.0, 30, 4, 60, 80);
    private static final HoldPosition RIGHT_HIGH = new HoldPosition(Leg.RIGHT, 0);

    private final List<Cue> cues = new ArrayList<>();
    private final List<Maximum> results = new ArrayList<>();
    private StrengthCoach coach;
    private long now;
    private int reps;

    private void start(List<Maximum> known, boolean retest, ForceUnit unit) {
        start(new StrengthSetup(STRENGTH, known, TODAY, retest, unit));
    }

    private void start(StrengthSetup setup) {
        coach = new StrengthCoach(PLAN, setup, PlanPosition.START, false, cues::add, results::add);
        coach.start(now);
    }

    /**
     * A contraction at {@code newtons} for {@code seconds} (with a 60 ms spike of +50 % at its first second),
     * samples at 80 Hz and ticks at 50 Hz, then the rep the detector would report.
     */
    private RepEvent contraction(double newtons, double seconds, Verdict verdict) {
        long start = now;
        coach.onPhase(Phase.REST, Phase.RAMP, now);
        coach.onPhase(Phase.RAMP, Phase.HOLD, now);
        long end = now + (long) (seconds * S);
        long nextSample = now;
        while (now < end) {
            while (nextSample <= now) {
                boolean spike = nextSample - start >= S && nextSample - start < S + 60_000_000L;
                coach.onSample(nextSample, spike ? newtons * 1.5 : newtons);
                nextSample += 12_500_000L;
            }
            double steady = (now - start) / 1e9;
            coach.onTick(new HoldState(Phase.HOLD, now, newtons, 30, steady, steady, newtons - 5, newtons + 5), now);
            now += TICK;
        }
        coach.onPhase(Phase.HOLD, Phase.RELEASE, now);
        RepEvent rep = new RepEvent(++reps, start, now, start, seconds, verdict, newtons, newtons * 1.5, 2, 0, 30,
                newtons - 30, 0);
        coach.onRep(rep, now);
        return rep;
    }

    private void restOut() {
        now += (long) (coach.view(now).restLeftS() * S) + 1;
        coach.onTick(new HoldState(Phase.REST, now, 30, 30, 0, 0, Double.NaN, Double.NaN), now);
    }

    private List<CueKind> kinds() {
        return cues.stream().map(Cue::kind).toList();
    }

    private Cue last(CueKind kind) {
        return cues.stream().filter(c -> c.kind() == kind).reduce((a, b) -> b).orElseThrow();
    }

    private void maxTest(double first, double second) {
        contraction(first, 4.5, Verdict.SHORT);
        restOut();
        contraction(second, 4.5, Verdict.SHORT);
        restOut();
    }

    @Test
    void aPositionWithoutAMaximumBeginsWithTheTestExplainedWithItsSafetyRules() {
        start(List.of(), false, ForceUnit.N);

        assertThat(kinds()).containsExactly(CueKind.GET_READY, CueKind.MAX_TEST);
        assertThat(last(CueKind.MAX_TEST).text()).isEqualTo("Maximum test, right leg, high: 2 pulls as hard as you can "
                + "for 4 s, 30 s rest between. Not with high blood pressure: press to skip. Stop at once if it hurts. "
                + "Pull when ready");
        assertThat(coach.testing()).isTrue();
        CoachView view = coach.view(now);
        assertThat(view.rep()).isEqualTo(1);
        assertThat(view.repsPerAngle()).isEqualTo(2);
        assertThat(view.holdTargetS()).isEqualTo(4.0);
    }

    @Test
    void theMaximumIsTheBestOneSecondPlateauOfThePullsNotTheirSpikes() {
        start(List.of(), false, ForceUnit.N);
        maxTest(300, 320);

        assertThat(results).singleElement().satisfies(m -> {
            assertThat(m.position()).isEqualTo(RIGHT_HIGH);
            // the second pull's plateau with its 60 ms spike spread over the second: 320 x 1.03, far from its 480 N peak
            assertThat(m.maxN()).isCloseTo(329.6, within(0.5));
            assertThat(m.pullsN()).hasSize(2);
            assertThat(m.testedOn()).isEqualTo(TODAY);
        });
        assertThat(last(CueKind.MAX_RESULT).text()).isEqualTo("Maximum: 330 N. Hold at 60-80 %: 198 N-264 N. Rest 30 s");
    }

    @Test
    void eachPullIsStoppedAfterItsSecondsAndItsResultSaid() {
        start(List.of(), false, ForceUnit.N);
        contraction(300, 4.5, Verdict.SHORT);

        assertThat(kinds()).containsSubsequence(CueKind.MAX_TEST, CueKind.MAX_PULL, CueKind.STOP, CueKind.REST);
        assertThat(last(CueKind.REST).text()).isEqualTo("Pull 1: 309 N. Rest 30 s");
        restOut();
        assertThat(last(CueKind.MAX_PULL).text()).isEqualTo("Pull 2 of 2: pull when ready, as hard as you can for 4 s");
    }

    @Test
    void thePullsAreNotRepsOfThePlanAndTheCoachAsksForTheFirstRepAfterTheTest() {
        start(List.of(), false, ForceUnit.N);
        maxTest(300, 320);
        restOut();

        assertThat(coach.testing()).isFalse();
        assertThat(coach.position()).isEqualTo(PlanPosition.START);
        assertThat(last(CueKind.GET_READY).text()).isEqualTo("Right leg, high: rep 1 of 2. Push when ready");
        assertThat(coach.strengthView().zone()).isEqualTo(new ForceZone(results.get(0).maxN(), 60, 80));
    }

    @Test
    void aHoldUnderTheZoneIsToldALittleHarderAndTheRepKeepsItsVerdictAndZoneFigures() {
        start(List.of(new Maximum(RIGHT_HIGH, 300, List.of(300.0), TODAY.minusWeeks(1))), false, ForceUnit.N);
        assertThat(kinds()).containsExactly(CueKind.GET_READY);

        RepEvent rep = contraction(150, 7, Verdict.HELD);

        assertThat(last(CueKind.HARDER).text()).isEqualTo("A little harder: 180 N-240 N");
        assertThat(coach.view(now).target()).contains(new ForceTarget(180, 240));
        RepZone zone = coach.finishZone(rep);
        assertThat(zone.timeInZoneS()).as("only its 60 ms spike reached the zone").isCloseTo(0.05, within(0.02));
        assertThat(zone.meanPctOfMax()).isCloseTo(50, within(1e-9));
        assertThat(kinds()).contains(CueKind.REP_HELD);
        assertThat(coach.position().held()).isEqualTo(1);
    }

    @Test
    void aHoldInTheZoneCountsItsTimeThereAndHearsNothingAboutForce() {
        start(List.of(new Maximum(RIGHT_HIGH, 300, List.of(300.0), TODAY.minusWeeks(1))), false, ForceUnit.N);
        RepEvent rep = contraction(210, 7, Verdict.HELD);

        assertThat(kinds()).doesNotContain(CueKind.HARDER, CueKind.EASE_OFF);
        assertThat(coach.finishZone(rep).timeInZoneS()).as("7 s but its spike above the zone")
                .isCloseTo(6.9, within(0.05));
    }

    @Test
    void aMaximumIsTestedAgainOnlyWhenThePlanSaysSo() {
        start(List.of(new Maximum(RIGHT_HIGH, 300, List.of(300.0), TODAY.minusWeeks(3))), false, ForceUnit.N);
        assertThat(coach.testing()).isFalse();

        cues.clear();
        start(List.of(new Maximum(RIGHT_HIGH, 300, List.of(300.0), TODAY.minusWeeks(4))), false, ForceUnit.N);
        assertThat(coach.testing()).isTrue();
        assertThat(last(CueKind.MAX_TEST).text()).contains("(last 300 N)");
    }

    @Test
    void theAthleteCanAskForATestWhateverTheDates() {
        start(List.of(new Maximum(RIGHT_HIGH, 300, List.of(300.0), TODAY)), true, ForceUnit.N);
        assertThat(coach.testing()).isTrue();
    }

    @Test
    void aPullBeforeTheRestIsOverAtAPositionDueForItsTestStartsTheTestAndIsNoRep() {
        // right leg, high is known; right leg, low is not
        start(List.of(new Maximum(RIGHT_HIGH, 300, List.of(300.0), TODAY)), false, ForceUnit.N);
        contraction(200, 7, Verdict.HELD);
        restOut();
        contraction(200, 7, Verdict.HELD);
        assertThat(coach.position().angleIndex()).as("the rest before the next angle").isEqualTo(1);
        assertThat(coach.state()).isEqualTo(CoachState.RESTING);

        cues.clear();
        contraction(200, 7, Verdict.HELD);          // the athlete does not wait for the end of the rest

        assertThat(coach.testing()).isTrue();
        assertThat(kinds()).startsWith(CueKind.MAX_TEST).doesNotContain(CueKind.REP_HELD);
        assertThat(coach.position()).as("no rep of the plan at the new angle")
                .isEqualTo(new PlanPosition(0, 1, 1, 1, 2, false));
        maxTest(300, 320);
        assertThat(results).singleElement().satisfies(m -> assertThat(m.position()).isEqualTo(new HoldPosition(Leg.RIGHT, 1)));
        restOut();
        assertThat(coach.testing()).isFalse();
        assertThat(last(CueKind.GET_READY).text()).isEqualTo("Right leg, low: rep 1 of 2. Push when ready");
    }

    @Test
    void anyPressDuringTheTestSkipsMaximalEffortsForTheSession() {
        start(List.of(), false, ForceUnit.N);
        coach.onCommand(AthleteCommand.START_PAUSE, now);

        assertThat(coach.testing()).isFalse();
        assertThat(last(CueKind.MAX_RESULT).text()).isEqualTo("Maximum test skipped: training on time alone");
        assertThat(results).isEmpty();
        // the next position would be due too: not today
        for (int i = 0; i < 2; i++) {
            contraction(200, 7, Verdict.HELD);
            restOut();
        }
        assertThat(coach.position().angleIndex()).isEqualTo(1);
        assertThat(coach.testing()).isFalse();
    }

    @Test
    void aTapOnPauseDuringTheTestSkipsItAndPauses() {
        start(List.of(), false, ForceUnit.N);
        coach.onCommand(AthleteCommand.PAUSE, now);

        assertThat(coach.testing()).isFalse();
        assertThat(coach.state()).isEqualTo(CoachState.PAUSED);
        assertThat(kinds()).containsSubsequence(CueKind.MAX_TEST, CueKind.MAX_RESULT, CueKind.PAUSED);
    }

    @Test
    void withTheTestOffAndNoMaximumTheCoachSaysExactlyWhatTheTimeCoachSays() {
        start(new StrengthSetup(StrengthPlan.OFF, List.of(), TODAY, false, ForceUnit.N));
        List<Cue> plain = new ArrayList<>();
        Coach timeCoach = new Coach(PLAN, PlanPosition.START, false, plain::add);
        timeCoach.start(0);

        contraction(150, 7, Verdict.HELD);

        long t = 0;
        timeCoach.onPhase(Phase.REST, Phase.RAMP, t);
        timeCoach.onPhase(Phase.RAMP, Phase.HOLD, t);
        for (; t < 7 * S; t += TICK) {
            timeCoach.onTick(new HoldState(Phase.HOLD, t, 150, 30, t / 1e9, t / 1e9, 145, 155), t);
        }
        timeCoach.onPhase(Phase.HOLD, Phase.RELEASE, t);
        timeCoach.onRep(new RepEvent(1, 0, t, 0, 7, Verdict.HELD, 150, 225, 2, 0, 30, 120, 0), t);
        assertThat(cues).extracting(Cue::text).isEqualTo(plain.stream().map(Cue::text).toList());
    }

    @Test
    void aPullTooShortToMeasureIsPulledAgain() {
        start(List.of(), false, ForceUnit.N);
        contraction(300, 0.6, Verdict.SHORT);

        assertThat(last(CueKind.REST).text()).isEqualTo("Too short to measure: pull again for 4 s. Rest 30 s");
        restOut();
        assertThat(last(CueKind.MAX_PULL).text()).startsWith("Pull 1 of 2");
    }

    @Test
    void figuresAreSaidInTheAthletesUnit() {
        start(List.of(), false, ForceUnit.KG);
        maxTest(300, 320);
        assertThat(last(CueKind.MAX_RESULT).text()).isEqualTo("Maximum: 33.6 kg. Hold at 60-80 %: 20.2 kg-26.9 kg. Rest 30 s");
    }
}
