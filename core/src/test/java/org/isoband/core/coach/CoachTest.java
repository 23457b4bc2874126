package org.isoband.core.coach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.isoband.core.detect.HoldState;
import org.isoband.core.detect.Phase;
import org.isoband.core.detect.RepEvent;
import org.isoband.core.detect.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CoachTest {
    private static final long S = 1_000_000_000L;
    /** 2 legs x 2 angles x 2 reps, 2 attempts per rep, rests 10/20/30 s. */
    private static final TrainingPlan PLAN = new TrainingPlan(List.of(Leg.RIGHT, Leg.LEFT), List.of("high", "low"),
            2, 6.0, 10, 20, 30, 2, 12.0, 3);

    private final List<Cue> cues = new ArrayList<>();
    private Coach coach;
    private long now;

    @BeforeEach
    void start() {
        coach = new Coach(PLAN, PlanPosition.START, false, cues::add);
        coach.start(now);
    }

    private static RepEvent rep(Verdict verdict, double steady) {
        return new RepEvent(1, 0, 10 * S, 0, steady, verdict, 200, 210, 2, 0, 30, 170, 0);
    }

    /** A whole contraction: ramp, hold (with live ticks every 0.5 s), release, the rep's verdict. */
    private void contraction(Verdict verdict, double steadyS) {
        coach.onPhase(Phase.REST, Phase.RAMP, now);
        now += S / 2;
        coach.onPhase(Phase.RAMP, Phase.HOLD, now);
        for (double s = 0; s <= steadyS; s += 0.5) {
            coach.onTick(new HoldState(Phase.HOLD, now, 200, 30, s, s, 190, 210), now);
            now += S / 2;
        }
        coach.onPhase(Phase.HOLD, Phase.RELEASE, now);
        coach.onRep(rep(verdict, steadyS), now);
    }

    private void restOut() {
        now += (long) (coach.view(now).restLeftS() * S) + 1;
        coach.onTick(new HoldState(Phase.REST, now, 30, 30, 0, 0, Double.NaN, Double.NaN), now);
    }

    private List<CueKind> kinds() {
        return cues.stream().map(Cue::kind).toList();
    }

    @Test
    void startsByTellingTheFirstRep() {
        assertThat(cues).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(CueKind.GET_READY);
            assertThat(c.text()).isEqualTo("Right leg, high: rep 1 of 2. Push when ready");
        });
        assertThat(coach.state()).isEqualTo(CoachState.READY);
    }

    @Test
    void aHeldRepIsCuedThroughTheHoldAndAdvances() {
        contraction(Verdict.HELD, 7);

        // Breathe at 2 s and every 4 s after; at 6 s the target cue takes the tick, breathing follows.
        assertThat(kinds()).containsExactly(CueKind.GET_READY, CueKind.HOLD_STARTED, CueKind.BREATHE,
                CueKind.TARGET_REACHED, CueKind.BREATHE, CueKind.RELAX, CueKind.REP_HELD, CueKind.REST);
        CoachView view = coach.view(now);
        assertThat(view.state()).isEqualTo(CoachState.RESTING);
        assertThat(view.rep()).isEqualTo(2);
        assertThat(view.held()).isEqualTo(1);
        assertThat(view.restLeftS()).isEqualTo(10);
    }

    @Test
    void aHoldFarPastTheTargetIsToldToStop() {
        contraction(Verdict.HELD, 13);

        assertThat(kinds()).containsSubsequence(CueKind.TARGET_REACHED, CueKind.STOP, CueKind.RELAX);
    }

    @Test
    void afterTheRestItAsksForTheNextRep() {
        contraction(Verdict.HELD, 7);
        restOut();

        assertThat(cues.get(cues.size() - 1).text()).isEqualTo("Right leg, high: rep 2 of 2. Push when ready");
        assertThat(coach.state()).isEqualTo(CoachState.READY);
    }

    @Test
    void failedRepsSayWhyAndAreRepeatedUpToTheCap() {
        contraction(Verdict.SHORT, 4.2);

        assertThat(cues).filteredOn(c -> c.kind() == CueKind.REP_FAILED).last()
                .extracting(Cue::text).isEqualTo("Released early: 4.2 s of 6: try again");
        CoachView view = coach.view(now);
        assertThat(view.rep()).isEqualTo(1);
        assertThat(view.attempt()).isEqualTo(2);
        assertThat(view.lastReason()).isEqualTo("released early: 4.2 s of 6");

        restOut();
        contraction(Verdict.MOVED, 3);

        assertThat(cues).filteredOn(c -> c.kind() == CueKind.REP_FAILED).last()
                .extracting(Cue::text).isEqualTo("Leg moved: keep the band still: moving on after 2 attempts");
        assertThat(coach.view(now).rep()).isEqualTo(2);
        assertThat(coach.view(now).held()).isZero();
    }

    @Test
    void unsteadyAndInterruptedRepsHaveTheirOwnReasons() {
        contraction(Verdict.UNSTEADY, 0);
        assertThat(coach.view(now).lastReason()).isEqualTo("unsteady: pull less, hold steadier");
        restOut();
        contraction(Verdict.INTERRUPTED, 2);
        assertThat(coach.view(now).lastReason()).isEqualTo("sensor link lost: this rep does not count");
    }

    @Test
    void walksThePlanAnglesThenLegsThenDone() {
        for (int i = 0; i < PLAN.totalReps(); i++) {
            contraction(Verdict.HELD, 6.5);
            if (i < PLAN.totalReps() - 1) {
                restOut();
            }
        }

        assertThat(kinds()).containsSubsequence(CueKind.NEXT_ANGLE, CueKind.SWITCH_LEG, CueKind.NEXT_ANGLE, CueKind.SESSION_DONE);
        assertThat(cues).filteredOn(c -> c.kind() == CueKind.SWITCH_LEG).singleElement()
                .extracting(Cue::text).isEqualTo("Switch to the left leg");
        assertThat(coach.state()).isEqualTo(CoachState.DONE);
        assertThat(coach.position().held()).isEqualTo(8);
        assertThat(cues.get(cues.size() - 1).text()).isEqualTo("Session done: 8 of 8 reps held. Well done");
    }

    @Test
    void theRestBeforeANewAngleIsTheAngleRest() {
        contraction(Verdict.HELD, 7);
        restOut();
        contraction(Verdict.HELD, 7);

        assertThat(coach.view(now).restLeftS()).isEqualTo(20);
        assertThat(coach.view(now).angleName()).isEqualTo("low");
    }

    @Test
    void pauseFreezesTheRestAndResumingAsksForAFreshRep() {
        contraction(Verdict.HELD, 7);
        now += 4 * S;
        coach.onCommand(AthleteCommand.START_PAUSE, now);
        now += 60 * S;
        coach.onTick(new HoldState(Phase.REST, now, 30, 30, 0, 0, Double.NaN, Double.NaN), now);

        assertThat(coach.state()).isEqualTo(CoachState.PAUSED);
        assertThat(coach.view(now).restLeftS()).isEqualTo(6);

        coach.onCommand(AthleteCommand.START_PAUSE, now);
        assertThat(coach.state()).isEqualTo(CoachState.READY);
        assertThat(cues.get(cues.size() - 1).text()).isEqualTo("Right leg, high: rep 2 of 2. Push when ready");
    }

    @Test
    void aPullDuringAPauseIsNotCounted() {
        coach.onCommand(AthleteCommand.PAUSE, now);
        contraction(Verdict.HELD, 7);

        assertThat(coach.position().held()).isZero();
        assertThat(coach.state()).isEqualTo(CoachState.PAUSED);
        assertThat(coach.view(now).message()).contains("does not count");
    }

    @Test
    void aPullUnderWayWhenResumingIsNotJudged() {
        coach.onCommand(AthleteCommand.PAUSE, now);
        coach.onPhase(Phase.REST, Phase.RAMP, now);
        coach.onPhase(Phase.RAMP, Phase.HOLD, now);
        coach.onCommand(AthleteCommand.RESUME, now);
        assertThat(coach.view(now).message()).startsWith("Relax first");

        coach.onPhase(Phase.HOLD, Phase.RELEASE, now);
        coach.onPhase(Phase.RELEASE, Phase.REST, now);
        coach.onRep(rep(Verdict.MOVED, 2), now);
        assertThat(coach.view(now).lastReason()).as("the pull from the pause is not judged").isNull();
        assertThat(coach.view(now).attempt()).isEqualTo(1);
        assertThat(coach.state()).isEqualTo(CoachState.READY);

        contraction(Verdict.HELD, 7);
        assertThat(coach.position().held()).as("the next pull counts").isEqualTo(1);
    }

    @Test
    void pausingDuringAHoldDropsItAndAsksForTheRepAgain() {
        coach.onPhase(Phase.REST, Phase.RAMP, now);
        coach.onCommand(AthleteCommand.PAUSE, now);
        coach.onPhase(Phase.RAMP, Phase.RELEASE, now);
        coach.onRep(rep(Verdict.SHORT, 1), now);
        coach.onCommand(AthleteCommand.RESUME, now);

        assertThat(coach.view(now).lastReason()).isNull();
        assertThat(coach.view(now).rep()).isEqualTo(1);
        assertThat(coach.view(now).attempt()).isEqualTo(1);
    }

    @Test
    void aTapOnSkipAsksBeforeSkippingARepButNotBeforeSkippingARest() {
        coach.onCommand(AthleteCommand.ASK_SKIP, now);
        assertThat(coach.view(now).question()).isEqualTo(Question.SKIP_REP);
        assertThat(coach.view(now).rep()).as("nothing skipped yet").isEqualTo(1);

        coach.onCommand(AthleteCommand.CANCEL, now);
        assertThat(coach.view(now).question()).isEqualTo(Question.NONE);
        assertThat(coach.view(now).rep()).isEqualTo(1);

        coach.onCommand(AthleteCommand.ASK_SKIP, now);
        coach.onCommand(AthleteCommand.CONFIRM, now);
        assertThat(coach.view(now).rep()).isEqualTo(2);
        assertThat(coach.state()).isEqualTo(CoachState.RESTING);

        coach.onCommand(AthleteCommand.ASK_SKIP, now);
        assertThat(coach.state()).as("a rest is skipped at once").isEqualTo(CoachState.READY);
    }

    @Test
    void anUnansweredQuestionIsForgotten() {
        coach.onCommand(AthleteCommand.ASK_END, now);
        now += Coach.QUESTION_NANOS;
        coach.onTick(new HoldState(Phase.REST, now, 30, 30, 0, 0, Double.NaN, Double.NaN), now);

        assertThat(coach.view(now).question()).isEqualTo(Question.NONE);
        coach.onCommand(AthleteCommand.CONFIRM, now);
        assertThat(coach.state()).as("a late yes ends nothing").isEqualTo(CoachState.READY);
    }

    @Test
    void endingTheSessionShowsTheSummaryUntilItIsDismissed() {
        contraction(Verdict.HELD, 7.5);
        restOut();
        contraction(Verdict.SHORT, 3);
        coach.onCommand(AthleteCommand.ASK_END, now);
        coach.onCommand(AthleteCommand.CONFIRM, now);

        assertThat(coach.state()).isEqualTo(CoachState.DONE);
        assertThat(coach.summaryDismissed()).isFalse();
        SessionSummary summary = coach.view(now).summary();
        assertThat(summary.held()).isEqualTo(1);
        assertThat(summary.tried()).isEqualTo(2);
        assertThat(summary.endedEarly()).isTrue();
        assertThat(summary.longestHoldS()).isEqualTo(7.5);
        assertThat(summary.cells()).singleElement().satisfies(c -> {
            assertThat(c.leg()).isEqualTo(Leg.RIGHT);
            assertThat(c.angleName()).isEqualTo("high");
            assertThat(c.held()).isEqualTo(1);
            assertThat(c.tried()).isEqualTo(2);
        });
        assertThat(summary.nextTime()).isEqualTo("Next time: go on from the right leg, high");

        coach.onCommand(AthleteCommand.DISMISS, now);
        assertThat(coach.summaryDismissed()).isTrue();
    }

    @Test
    void theSummaryOfAWholePlanComparesTheLegsAndSaysWhatFailed() {
        for (int i = 0; i < 30 && coach.state() != CoachState.DONE; i++) {
            boolean left = coach.view(now).leg() == Leg.LEFT;
            contraction(left && i % 2 == 0 ? Verdict.UNSTEADY : Verdict.HELD, 6.5);
            restOut();
        }

        SessionSummary summary = coach.view(now).summary();
        assertThat(summary.held(Leg.RIGHT)).isEqualTo(4);
        assertThat(summary.tried(Leg.RIGHT)).isEqualTo(4);
        assertThat(summary.held(Leg.LEFT)).isEqualTo(4);
        assertThat(summary.tried(Leg.LEFT)).isGreaterThan(4);
        assertThat(summary.nextTime()).startsWith("Next time: pull a little less at left leg");
        assertThat(summary.lines()).hasSize(4);
    }

    @Test
    void theBeginScreenFollowsTheNoticeAndTheFirstRepWaitsForBegin() {
        cues.clear();
        coach = new Coach(PLAN, PlanPosition.START, true, true, cues::add);
        coach.start(0);
        coach.onCommand(AthleteCommand.START_PAUSE, 0);
        assertThat(coach.state()).isEqualTo(CoachState.BEGIN);

        contraction(Verdict.HELD, 7);
        assertThat(coach.position().held()).as("nothing counts before Begin").isZero();

        coach.onCommand(AthleteCommand.BEGIN, now);
        assertThat(coach.state()).isEqualTo(CoachState.READY);
    }

    @Test
    void withAutostartThePlanStartsOnceTheNoticeWasShownLongEnough() {
        cues.clear();
        coach = new Coach(PLAN, PlanPosition.START, true, true, cues::add);
        coach.start(0);
        coach.autostart(30, 0);
        HoldState rest = new HoldState(Phase.REST, 0, 30, 30, 0, 0, Double.NaN, Double.NaN);

        coach.onTick(rest, 29 * S);
        assertThat(coach.state()).isEqualTo(CoachState.SAFETY_NOTICE);
        assertThat(coach.view(29 * S).autostartInS()).isEqualTo(1);

        coach.onTick(rest, 30 * S);
        assertThat(coach.state()).isEqualTo(CoachState.READY);
        assertThat(coach.view(30 * S).autostartInS()).isNegative();
    }

    @Test
    void withoutAutostartTheNoticeWaits() {
        cues.clear();
        coach = new Coach(PLAN, PlanPosition.START, true, true, cues::add);
        coach.start(0);
        coach.onTick(new HoldState(Phase.REST, 0, 30, 30, 0, 0, Double.NaN, Double.NaN), 3600 * S);

        assertThat(coach.state()).isEqualTo(CoachState.SAFETY_NOTICE);
        assertThat(coach.view(0).autostartInS()).isNegative();
    }

    @Test
    void skipEndsTheRestOrSkipsTheRep() {
        contraction(Verdict.HELD, 7);
        coach.onCommand(AthleteCommand.SKIP, now);
        assertThat(coach.state()).isEqualTo(CoachState.READY);

        coach.onCommand(AthleteCommand.SKIP, now);
        assertThat(coach.view(now).angleName()).isEqualTo("low");
        assertThat(coach.view(now).lastReason()).isEqualTo("skipped");
        assertThat(coach.position().held()).isEqualTo(1);
    }

    @Test
    void theSafetyNoticeComesFirstAndTheButtonAcknowledgesIt() {
        cues.clear();
        coach = new Coach(PLAN, PlanPosition.START, true, cues::add);
        coach.start(0);

        assertThat(kinds()).containsExactly(CueKind.SAFETY);
        assertThat(cues.get(0).text()).contains("raise blood pressure", "unless a doctor has advised");
        coach.onPhase(Phase.REST, Phase.RAMP, 0);
        coach.onRep(rep(Verdict.HELD, 7), 0);
        assertThat(coach.position().held()).as("no rep counts before the notice is acknowledged").isZero();
        assertThat(coach.state()).isEqualTo(CoachState.SAFETY_NOTICE);

        coach.onCommand(AthleteCommand.START_PAUSE, 0);
        assertThat(coach.state()).isEqualTo(CoachState.READY);
    }

    @Test
    void resumesFromASavedPosition() {
        PlanPosition saved = new PlanPosition(1, 1, 2, 1, 7, false);
        cues.clear();
        coach = new Coach(PLAN, saved, false, cues::add);
        coach.start(0);

        assertThat(cues.get(0).text()).isEqualTo("Left leg, low: rep 2 of 2. Push when ready");
        contraction(Verdict.HELD, 7);
        assertThat(coach.state()).isEqualTo(CoachState.DONE);
        assertThat(coach.position().held()).isEqualTo(8);
    }

    @Test
    void aPlanThatMakesNoSenseIsRefusedWithTheReason() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TrainingPlan(List.of(Leg.RIGHT), List.of("a"), 0, 6, 10, 10, 10, 3, 12, 3))
                .hasMessage("reps per angle must be 1 to 20 (5-10 recommended), got 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TrainingPlan(List.of(Leg.RIGHT), List.of("a"), 5, 6, 10, 10, 10, 3, 5, 3))
                .hasMessage("the stop cue (5.0 s) must come after the hold target (6.0 s)");
    }
}
