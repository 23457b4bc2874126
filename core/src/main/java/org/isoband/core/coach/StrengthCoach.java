package org.isoband.core.coach;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.isoband.core.detect.HoldState;
import org.isoband.core.detect.Phase;
import org.isoband.core.detect.RepEvent;

/**
 * The {@link Coach} with strength: before the first rep at a leg and angle whose maximum is unknown or due
 * again, a maximum test (a few maximal pulls of a few seconds with rests; the best 1 s mean is the maximum),
 * and during the holds a force zone as a share of that maximum, with "a little harder" / "ease off" cues and
 * each rep's time in the zone. The plan, its verdicts and its advancing stay the coach's: this class sits in
 * front of it, is fed the same way (plus the samples, for the plateau), and passes everything on outside a
 * test. Without a maximum, or with the test turned off, it is exactly the coach.
 *
 * <p>Safety: the test is explained before its first pull, with the blood-pressure rule (do not make maximal
 * efforts with high blood pressure: press to skip) and the pain rule (stop at once). The button, a pause or a
 * skip during a test skips the maximum tests for the rest of the session; an end ends the session.
 */
public final class StrengthCoach {
    private enum Step { WAITING, PULLING, RESTING, RECOVERING }

    private final TrainingPlan plan;
    private final StrengthSetup setup;
    private final Coach coach;
    private final Consumer<Cue> cues;
    private final Consumer<Maximum> results;
    private final Map<HoldPosition, Maximum> maxima = new LinkedHashMap<>();
    private final Set<HoldPosition> testedThisSession = new HashSet<>();
    private final ZoneCoach zone = new ZoneCoach();
    private final PlateauMeter meter = new PlateauMeter();
    private boolean declined;
    private RepZone finishedZone;
    private RepEvent finishedRep;

    // The test in progress (testing == null: none).
    private HoldPosition testing;
    private Step step;
    private int pull;
    private int contractions;
    private final List<Double> pulls = new ArrayList<>();
    private long pullStartNanos;
    private boolean stopSaid;
    private long restEndsNanos;
    private double restTotalS;
    private String message = "";

    /**
     * @param results told each new maximum, to keep it (the journal) and publish it (the max_test event)
     */
    public StrengthCoach(TrainingPlan plan, StrengthSetup setup, PlanPosition start, boolean safetyNotice,
                         Consumer<Cue> cues, Consumer<Maximum> results) {
        this(plan, setup, start, safetyNotice, false, cues, results);
    }

    /** With the coach's Begin screen ({@link Coach#Coach(TrainingPlan, PlanPosition, boolean, boolean, Consumer)}). */
    public StrengthCoach(TrainingPlan plan, StrengthSetup setup, PlanPosition start, boolean safetyNotice,
                         boolean beginScreen, Consumer<Cue> cues, Consumer<Maximum> results) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.setup = Objects.requireNonNull(setup, "setup");
        this.cues = Objects.requireNonNull(cues, "cues");
        this.results = Objects.requireNonNull(results, "results");
        setup.maxima().forEach(m -> maxima.put(m.position(), m));
        this.coach = new Coach(plan, start, safetyNotice, beginScreen, this::fromCoach);
    }

    public TrainingPlan plan() {
        return plan;
    }

    public PlanPosition position() {
        return coach.position();
    }

    public CoachState state() {
        return coach.state();
    }

    /** True during a maximum test: its pulls are not reps of the plan. */
    public boolean testing() {
        return testing != null;
    }

    /** The newest maximum of a position, or null. */
    public Maximum maximum(HoldPosition position) {
        return maxima.get(position);
    }

    /** The zone of the position in hand, or null without a maximum. */
    public ForceZone zoneNow() {
        Maximum m = maxima.get(HoldPosition.of(coach.position(), plan));
        return m == null ? null : setup.plan().zone(m.maxN());
    }

    public void start(long tNanos) {
        coach.start(tNanos);
    }

    /** See {@link Coach#autostart}. */
    public void autostart(double afterS, long tNanos) {
        coach.autostart(afterS, tNanos);
    }

    public SessionSummary summary() {
        return coach.summary();
    }

    public boolean summaryDismissed() {
        return coach.summaryDismissed();
    }

    /** The coach says get ready for a rep: at a position that needs its maximum, the test comes first. */
    private void fromCoach(Cue cue) {
        message = cue.text();
        cues.accept(cue);
        if (cue.kind() == CueKind.GET_READY && testing == null) {
            testIfDue(cue.tNanos());
        }
    }

    /** At a position in hand that needs its maximum, the test begins now; true when it did. */
    private boolean testIfDue(long tNanos) {
        if (coach.position().done()) {
            return false;
        }
        HoldPosition p = HoldPosition.of(coach.position(), plan);
        if (!due(p)) {
            return false;
        }
        beginTest(p, tNanos);
        return true;
    }

    private boolean due(HoldPosition p) {
        StrengthPlan sp = setup.plan();
        if (!sp.maxTest() || declined || testedThisSession.contains(p)) {
            return false;
        }
        Maximum known = maxima.get(p);
        return setup.retest() || known == null || known.dueOn(setup.today(), sp.retestEveryWeeks());
    }

    private void beginTest(HoldPosition p, long tNanos) {
        StrengthPlan sp = setup.plan();
        testing = p;
        pull = 1;
        contractions = 0;
        pulls.clear();
        step = Step.WAITING;
        Maximum known = maxima.get(p);
        say(CueKind.MAX_TEST, format("Maximum test, %s, %s%s: %d pulls as hard as you can for %.0f s, %.0f s rest "
                + "between. Not with high blood pressure: press to skip. Stop at once if it hurts. Pull when ready",
                p.leg().label().toLowerCase(Locale.ROOT), plan.angles().get(p.angleIndex()),
                known == null ? "" : " (last " + setup.unit().format(known.maxN()) + ")",
                sp.pullsPerPosition(), sp.pullS(), sp.restBetweenPullsS()), tNanos);
    }

    public void onPhase(Phase from, Phase to, long tNanos) {
        if (testing != null) {
            if (step == Step.WAITING && from == Phase.REST && to.inContraction()) {
                step = Step.PULLING;
                pullStartNanos = tNanos;
                stopSaid = false;
                meter.reset();
                say(CueKind.MAX_PULL, format("Pull %d of %d: as hard as you can", pull, setup.plan().pullsPerPosition()), tNanos);
            }
            return;
        }
        // A pull before the rest is over, where the maximum comes first: the coach would take it for the
        // position's first rep and skip the test. It starts the test instead, and is not measured: the athlete
        // has not been told to pull maximally, nor the safety rules.
        if (from == Phase.REST && to.inContraction() && coach.state() == CoachState.RESTING && testIfDue(tNanos)) {
            return;
        }
        coach.onPhase(from, to, tNanos);
        if (from == Phase.REST && to.inContraction() && coach.state() == CoachState.HOLDING) {
            zone.begin(zoneNow());
        }
    }

    /** A sample of the tension: a pull's plateau and a rep's time in the zone are measured on the samples. */
    public void onSample(long tNanos, double newtons) {
        if (testing != null && step == Step.PULLING) {
            meter.add(tNanos, newtons);
        } else if (testing == null && coach.state() == CoachState.HOLDING) {
            zone.sample(tNanos, newtons);
        }
    }

    public void onTick(HoldState live, long tNanos) {
        if (testing == null) {
            coach.onTick(live, tNanos);
            if (coach.state() == CoachState.HOLDING) {
                CueKind k = zone.tick(live, tNanos);
                if (k != null) {
                    ForceZone z = zone.zone();
                    say(k, format("%s: %s-%s", k == CueKind.HARDER ? "A little harder" : "Ease off a little",
                            setup.unit().format(z.lowN()), setup.unit().format(z.highN())), tNanos);
                }
            }
            return;
        }
        if (step == Step.PULLING && !stopSaid && (tNanos - pullStartNanos) / 1e9 >= setup.plan().pullS()) {
            stopSaid = true;
            say(CueKind.STOP, "Stop: relax", tNanos);
        } else if (step == Step.RESTING && tNanos >= restEndsNanos) {
            step = Step.WAITING;
            restTotalS = 0;
            say(CueKind.MAX_PULL, format("Pull %d of %d: pull when ready, as hard as you can for %.0f s", pull,
                    setup.plan().pullsPerPosition(), setup.plan().pullS()), tNanos);
        } else if (step == Step.RECOVERING && tNanos >= restEndsNanos) {
            endTest(tNanos);
            if (coach.state() == CoachState.RESTING) {
                coach.onTick(live, tNanos);     // a test that began during the coach's rest: that rest is long over
            }
        }
    }

    /**
     * The zone figures of a rep that just ended, before it is published; null during a test or without a
     * zone. {@link #onRep} calls it too, so calling it first is optional.
     */
    public RepZone finishZone(RepEvent rep) {
        if (testing != null) {
            return null;
        }
        if (finishedRep != rep) {
            finishedRep = rep;
            finishedZone = zone.finish(rep);
        }
        return finishedZone;
    }

    public void onRep(RepEvent rep, long tNanos) {
        if (testing == null) {
            finishZone(rep);
            coach.onRep(rep, tNanos);
            return;
        }
        if (step != Step.PULLING) {
            return;     // a pull during a rest: not measured
        }
        contractions++;
        double best = meter.best();
        StrengthPlan sp = setup.plan();
        if (Double.isNaN(best)) {
            if (contractions >= sp.pullsPerPosition() + 2) {
                say(CueKind.MAX_RESULT, "No maximum: the pulls were too short to measure", tNanos);
                finish(tNanos);
                return;
            }
            rest(format("Too short to measure: pull again for %.0f s. Rest %.0f s", sp.pullS(), sp.restBetweenPullsS()),
                    sp.restBetweenPullsS(), tNanos);
            return;
        }
        pulls.add(best);
        if (pull < sp.pullsPerPosition()) {
            rest(format("Pull %d: %s. Rest %.0f s", pull, setup.unit().format(best), sp.restBetweenPullsS()),
                    sp.restBetweenPullsS(), tNanos);
            pull++;
            return;
        }
        double max = pulls.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        Maximum m = new Maximum(testing, max, pulls, setup.today());
        maxima.put(testing, m);
        results.accept(m);
        ForceZone z = sp.zone(max);
        say(CueKind.MAX_RESULT, format("Maximum: %s. Hold at %.0f-%.0f %%: %s-%s. Rest %.0f s", setup.unit().format(max),
                sp.zoneLowPct(), sp.zoneHighPct(), setup.unit().format(z.lowN()), setup.unit().format(z.highN()),
                sp.restBetweenPullsS()), tNanos);
        step = Step.RECOVERING;
        startRest(sp.restBetweenPullsS(), tNanos);
    }

    private void rest(String text, double seconds, long tNanos) {
        say(CueKind.REST, text, tNanos);
        step = Step.RESTING;
        startRest(seconds, tNanos);
    }

    private void startRest(double seconds, long tNanos) {
        restTotalS = seconds;
        restEndsNanos = tNanos + (long) (seconds * 1e9);
    }

    /** No more pulls here: back to the coach, which is still waiting for the position's first rep. */
    private void finish(long tNanos) {
        testedThisSession.add(testing);
        step = Step.RECOVERING;
        startRest(0, tNanos);
    }

    private void endTest(long tNanos) {
        testedThisSession.add(testing);
        testing = null;
        restTotalS = 0;
        if (coach.state() == CoachState.READY) {
            // the coach said get ready before the test; it is still what comes next
            say(CueKind.GET_READY, coach.view(tNanos).message(), tNanos);
        }
    }

    public void onCommand(AthleteCommand command, long tNanos) {
        if (testing == null) {
            coach.onCommand(command, tNanos);
            return;
        }
        switch (command) {
            case START_PAUSE, SKIP, ASK_SKIP -> decline(tNanos);
            case PAUSE -> {
                // a tap on Pause: no maximal pulls today, and the pause the athlete asked for
                decline(tNanos);
                coach.onCommand(command, tNanos);
            }
            case END -> {
                testedThisSession.add(testing);
                testing = null;
                coach.onCommand(command, tNanos);
            }
            default -> coach.onCommand(command, tNanos);
        }
    }

    /** The athlete does not want maximal efforts today (high blood pressure, pain, no time). */
    private void decline(long tNanos) {
        declined = true;
        say(CueKind.MAX_RESULT, maxima.containsKey(testing) ? "Maximum test skipped: the last maximum's zone stays"
                : "Maximum test skipped: training on time alone", tNanos);
        endTest(tNanos);
    }

    /** What the screen shows: during a test its pulls (as reps of the pull's length), otherwise the coach. */
    public CoachView view(long tNanos) {
        CoachView base = coach.view(tNanos);
        if (testing == null) {
            // a zone cue is the last thing said until the coach says something; the zone is the screen's target band
            ForceZone z = zoneNow();
            Optional<ForceTarget> target = z == null ? base.target() : Optional.of(new ForceTarget(z.lowN(), z.highN()));
            return new CoachView(base.state(), base.leg(), base.angleIndex(),
                    base.angleCount(), base.angleName(), base.rep(), base.repsPerAngle(), base.attempt(), base.held(),
                    base.totalReps(), base.holdTargetS(), base.restLeftS(), base.restTotalS(), message, base.lastReason(),
                    base.question(), base.autostartInS(), target, base.summary());
        }
        CoachState state = switch (step) {
            case WAITING -> CoachState.READY;
            case PULLING -> CoachState.HOLDING;
            case RESTING, RECOVERING -> CoachState.RESTING;
        };
        double restLeft = state == CoachState.RESTING ? Math.max(0, (restEndsNanos - tNanos) / 1e9) : 0;
        return new CoachView(state, base.leg(), base.angleIndex(), base.angleCount(), base.angleName(),
                Math.min(pull, setup.plan().pullsPerPosition()), setup.plan().pullsPerPosition(), 1, base.held(),
                base.totalReps(), setup.plan().pullS(), restLeft, restTotalS, message, null, base.question(), -1,
                Optional.empty(), base.summary());
    }

    public StrengthView strengthView() {
        return new StrengthView(testing != null, testing != null ? null : zoneNow(), zone.side(), setup.unit());
    }

    private void say(CueKind kind, String text, long tNanos) {
        message = text;
        cues.accept(new Cue(kind, text, tNanos));
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
