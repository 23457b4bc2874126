package org.isoband.core.coach;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.isoband.core.detect.HoldState;
import org.isoband.core.detect.Phase;
import org.isoband.core.detect.RepEvent;
import org.isoband.core.detect.Verdict;

/**
 * Coaches the athlete through a {@link TrainingPlan}: advances on held reps, says why the others did not
 * count, caps the attempts at one rep, cues the hold (started, breathe, target reached, stop) and times the
 * rests. Pure logic: it is told the time, the detector's phases and reps and the athlete's commands, and it
 * answers with {@link Cue}s and a {@link CoachView}. Feed it from one thread.
 */
public final class Coach {
    /** First breathing cue, then one every {@link #BREATHE_EVERY_S}. */
    private static final double BREATHE_FIRST_S = 2.0;
    private static final double BREATHE_EVERY_S = 4.0;
    /** The notice in full; the screen lays it out over the whole screen. */
    public static final String SAFETY_TEXT = "Isometric holds raise blood pressure. Do not do them with high blood "
            + "pressure or heart problems unless a doctor has advised them. Breathe during every hold, and stop "
            + "if you feel dizzy or have pain.";
    /** An unanswered question goes away by itself: a stray tap is forgotten. */
    static final long QUESTION_NANOS = 8_000_000_000L;

    private final TrainingPlan plan;
    private final Consumer<Cue> cues;
    private final boolean beginScreen;
    private final SessionTally tally;
    private PlanPosition position;
    private CoachState state;
    private Question question = Question.NONE;
    private long questionSinceNanos;
    private long waitingSinceNanos;
    private double autostartS = -1;
    private boolean endedEarly;
    private boolean summaryDismissed;
    private long doneNanos;
    /** A contraction under way when the athlete resumed: its rep began in the pause and does not count. */
    private boolean discardContraction;
    private boolean inContraction;
    private CoachState pausedFrom;
    private long restEndsNanos;
    private double restTotalS;
    private double pausedRestLeftS;
    private String message = "";
    private String lastReason;

    // The hold in progress.
    private boolean holdStarted;
    private boolean targetSaid;
    private boolean stopSaid;
    private double nextBreatheS;

    /**
     * @param start        where to begin: {@link PlanPosition#START}, or a saved position to resume
     * @param safetyNotice show the blood-pressure notice first (before the athlete's first session)
     */
    public Coach(TrainingPlan plan, PlanPosition start, boolean safetyNotice, Consumer<Cue> cues) {
        this(plan, start, safetyNotice, false, cues);
    }

    /**
     * @param beginScreen  wait on a Begin screen (after the notice) until the athlete begins; without it the
     *                     first rep is asked for at once (recordings, benchmarks)
     */
    public Coach(TrainingPlan plan, PlanPosition start, boolean safetyNotice, boolean beginScreen, Consumer<Cue> cues) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.position = Objects.requireNonNull(start, "start");
        this.cues = Objects.requireNonNull(cues, "cues");
        this.beginScreen = beginScreen;
        this.tally = new SessionTally(plan);
        this.state = safetyNotice ? CoachState.SAFETY_NOTICE : beginScreen ? CoachState.BEGIN : CoachState.READY;
    }

    /**
     * With no way to tap or press, the plan starts by itself once the notice (or the Begin screen) has been
     * shown for {@code afterS} seconds; negative: never.
     */
    public void autostart(double afterS, long tNanos) {
        autostartS = afterS;
        if (state == CoachState.SAFETY_NOTICE || state == CoachState.BEGIN) {
            waitingSinceNanos = tNanos;
        }
    }

    public TrainingPlan plan() {
        return plan;
    }

    public PlanPosition position() {
        return position;
    }

    public CoachState state() {
        return state;
    }

    /** Says the first thing: the safety notice, or what the first rep is. */
    public void start(long tNanos) {
        waitingSinceNanos = tNanos;
        tally.reached(position);
        if (position.done()) {
            enterDone(tNanos);
        } else if (state == CoachState.SAFETY_NOTICE) {
            say(CueKind.SAFETY, SAFETY_TEXT, tNanos);
        } else if (state == CoachState.BEGIN) {
            say(CueKind.BEGIN, "Tap Begin when you are in place", tNanos);
        } else {
            getReady(tNanos);
        }
    }

    /** True once the plan is done (or ended) and the summary was left. */
    public boolean summaryDismissed() {
        return summaryDismissed;
    }

    /** What the session came to so far. */
    public SessionSummary summary() {
        return tally.summary(position.held(), endedEarly, position);
    }

    /** The detector's phase changed. */
    public void onPhase(Phase from, Phase to, long tNanos) {
        inContraction = to.inContraction();
        if (!counting() || discardContraction) {
            return;     // nothing counts before the athlete begins, while paused, or after the end
        }
        if (from == Phase.REST && to.inContraction()) {
            state = CoachState.HOLDING;
            holdStarted = false;
            targetSaid = false;
            stopSaid = false;
            nextBreatheS = BREATHE_FIRST_S;
        } else if (to == Phase.HOLD && state == CoachState.HOLDING && !holdStarted) {
            holdStarted = true;
            say(CueKind.HOLD_STARTED, "Hold: keep the band still", tNanos);
        } else if (to == Phase.RELEASE && state == CoachState.HOLDING) {
            say(CueKind.RELAX, "Relax", tNanos);
        }
    }

    /** Time passes: hold cues from the live steady time, rest countdowns. Call at the display's rate. */
    public void onTick(HoldState live, long tNanos) {
        if (question != Question.NONE && tNanos - questionSinceNanos >= QUESTION_NANOS) {
            question = Question.NONE;
        }
        if (state == CoachState.DONE && autostartS >= 0 && tNanos - doneNanos >= (long) (autostartS * 1e9)) {
            summaryDismissed = true;     // with nobody to tap it, the summary is shown for as long as the notice
        }
        if ((state == CoachState.SAFETY_NOTICE || state == CoachState.BEGIN) && autostartS >= 0
                && tNanos - waitingSinceNanos >= (long) (autostartS * 1e9)) {
            say(CueKind.RESUMED, "Starting by itself (plan.autostart)", tNanos);
            getReady(tNanos);
        } else if (state == CoachState.HOLDING && live.phase() == Phase.HOLD) {
            holdCues(live.steadySeconds(), tNanos);
        } else if (state == CoachState.RESTING && tNanos >= restEndsNanos) {
            getReady(tNanos);
        }
    }

    private void holdCues(double steady, long tNanos) {
        if (!targetSaid && steady >= plan.holdTargetS()) {
            targetSaid = true;
            say(CueKind.TARGET_REACHED, format("%.0f s: target reached. Relax, or hold on a little", plan.holdTargetS()), tNanos);
        } else if (!stopSaid && steady >= plan.stopAfterS()) {
            stopSaid = true;
            say(CueKind.STOP, "Stop now and relax: no need to hold longer", tNanos);
        } else if (steady >= nextBreatheS) {
            nextBreatheS += BREATHE_EVERY_S;
            say(CueKind.BREATHE, "Breathe out slowly", tNanos);
        }
    }

    /** A contraction ended: advance on HELD, otherwise say why and try again (up to the cap). */
    public void onRep(RepEvent rep, long tNanos) {
        inContraction = false;
        if (discardContraction) {
            discardContraction = false;
            say(CueKind.GET_READY, "That pull began in the pause and does not count. " + readyText(), tNanos);
            return;
        }
        if (state == CoachState.PAUSED) {
            say(CueKind.PAUSED, "Paused: that pull does not count. Tap Resume to go on", tNanos);
            return;
        }
        if (!counting()) {
            return;
        }
        question = Question.NONE;
        tally.rep(position, rep.verdict() == Verdict.HELD, rep.steadySeconds());
        if (rep.verdict() == Verdict.HELD) {
            lastReason = null;
            say(CueKind.REP_HELD, format("Held %.1f s", rep.steadySeconds()), tNanos);
            advance(position.nextRep(plan, true), tNanos);
        } else {
            lastReason = reason(rep);
            if (position.attempt() < plan.maxAttemptsPerRep()) {
                say(CueKind.REP_FAILED, capitalize(lastReason) + ": try again", tNanos);
                position = position.nextAttempt();
                rest(plan.restBetweenRepsS(), tNanos);
            } else {
                say(CueKind.REP_FAILED, capitalize(lastReason) + format(": moving on after %d attempts",
                        plan.maxAttemptsPerRep()), tNanos);
                advance(position.nextRep(plan, false), tNanos);
            }
        }
    }

    /** Reps count only once the athlete has begun, and not while paused or after the end. */
    private boolean counting() {
        return state == CoachState.READY || state == CoachState.HOLDING || state == CoachState.RESTING;
    }

    /** The button or a key. */
    public void onCommand(AthleteCommand command, long tNanos) {
        switch (command) {
            case START_PAUSE -> startOrPause(tNanos);
            case ACKNOWLEDGE -> {
                if (state == CoachState.SAFETY_NOTICE) {
                    startOrPause(tNanos);
                }
            }
            case BEGIN -> {
                if (state == CoachState.BEGIN || state == CoachState.SAFETY_NOTICE) {
                    getReady(tNanos);
                }
            }
            case PAUSE -> {
                if (counting()) {
                    pause(tNanos);
                }
            }
            case RESUME -> {
                if (state == CoachState.PAUSED) {
                    resume(tNanos);
                }
            }
            case SKIP -> skip(tNanos);
            case ASK_SKIP -> {
                if (state == CoachState.READY || (state == CoachState.PAUSED && pausedFrom == CoachState.READY)) {
                    ask(Question.SKIP_REP, tNanos);
                } else {
                    skip(tNanos);
                }
            }
            case ASK_END -> {
                if (state != CoachState.DONE) {
                    ask(Question.END_SESSION, tNanos);
                }
            }
            case CONFIRM -> confirm(tNanos);
            case CANCEL -> question = Question.NONE;
            case END -> end(tNanos);
            case DISMISS -> summaryDismissed = state == CoachState.DONE || summaryDismissed;
        }
    }

    private void startOrPause(long tNanos) {
        switch (state) {
            case SAFETY_NOTICE -> {
                if (beginScreen) {
                    state = CoachState.BEGIN;
                    waitingSinceNanos = tNanos;
                    say(CueKind.BEGIN, "Tap Begin when you are in place", tNanos);
                } else {
                    getReady(tNanos);
                }
            }
            case BEGIN -> getReady(tNanos);
            case PAUSED -> resume(tNanos);
            case READY, RESTING, HOLDING -> pause(tNanos);
            case DONE -> summaryDismissed = true;
        }
    }

    private void ask(Question q, long tNanos) {
        question = q;
        questionSinceNanos = tNanos;
    }

    private void confirm(long tNanos) {
        Question q = question;
        question = Question.NONE;
        switch (q) {
            case SKIP_REP -> {
                if (state == CoachState.PAUSED) {
                    state = pausedFrom;
                }
                skip(tNanos);
            }
            case END_SESSION -> end(tNanos);
            case NONE -> { }
        }
    }

    private void end(long tNanos) {
        if (state != CoachState.DONE) {
            endedEarly = !position.done();
            discardContraction = false;
            enterDone(tNanos);
        }
    }

    private void skip(long tNanos) {
        if (state == CoachState.RESTING || (state == CoachState.PAUSED && pausedFrom == CoachState.RESTING)) {
            getReady(tNanos);
        } else if (state == CoachState.READY) {
            lastReason = "skipped";
            say(CueKind.REP_FAILED, "Rep skipped", tNanos);
            advance(position.nextRep(plan, false), tNanos);
        }
    }

    private void pause(long tNanos) {
        // A hold in hand when pausing is dropped: it is not judged, and its rep is asked for again.
        pausedFrom = state == CoachState.HOLDING ? CoachState.READY : state;
        pausedRestLeftS = state == CoachState.RESTING ? Math.max(0, (restEndsNanos - tNanos) / 1e9) : 0;
        state = CoachState.PAUSED;
        say(CueKind.PAUSED, "Paused: nothing counts until you resume", tNanos);
    }

    /** Always a fresh "get ready": the pause was a rest, and a pull under way when resuming does not count. */
    private void resume(long tNanos) {
        say(CueKind.RESUMED, "Go on", tNanos);
        discardContraction = inContraction;
        getReady(tNanos);
        if (discardContraction) {
            say(CueKind.GET_READY, "Relax first. " + readyText(), tNanos);
        }
    }

    private void advance(PlanPosition next, long tNanos) {
        PlanPosition previous = position;
        position = next;
        tally.reached(next);
        if (next.done()) {
            enterDone(tNanos);
        } else if (next.legIndex() != previous.legIndex()) {
            say(CueKind.SWITCH_LEG, format("Switch to the %s", next.leg(plan).label().toLowerCase(Locale.ROOT)), tNanos);
            rest(plan.restBetweenLegsS(), tNanos);
        } else if (next.angleIndex() != previous.angleIndex()) {
            say(CueKind.NEXT_ANGLE, format("Next angle: %s. Move the leg", next.angleName(plan)), tNanos);
            rest(plan.restBetweenAnglesS(), tNanos);
        } else {
            rest(plan.restBetweenRepsS(), tNanos);
        }
    }

    private void rest(double seconds, long tNanos) {
        state = CoachState.RESTING;
        restTotalS = seconds;
        restEndsNanos = tNanos + (long) (seconds * 1e9);
        // Said (for the log and the voice) but not written: the screen's one countdown is the ring, and the
        // line keeps what was just said about the rep.
        cues.accept(new Cue(CueKind.REST, format("Rest %.0f s", seconds), tNanos));
    }

    private void getReady(long tNanos) {
        state = CoachState.READY;
        restTotalS = 0;
        say(CueKind.GET_READY, readyText(), tNanos);
    }

    private String readyText() {
        return format("%s, %s: rep %d of %d. Push when ready", position.leg(plan).label(),
                position.angleName(plan), position.rep(), plan.repsPerAngle());
    }

    private void enterDone(long tNanos) {
        state = CoachState.DONE;
        doneNanos = tNanos;
        question = Question.NONE;
        say(CueKind.SESSION_DONE, endedEarly ? format("Session ended: %d of %d reps held", position.held(), plan.totalReps())
                : format("Session done: %d of %d reps held. Well done", position.held(), plan.totalReps()), tNanos);
    }

    /** Why a rep did not count, in words for the athlete. */
    private String reason(RepEvent rep) {
        return switch (rep.verdict()) {
            case SHORT -> format("released early: %.1f s of %.0f", rep.steadySeconds(), plan.holdTargetS());
            case MOVED -> "leg moved: keep the band still";
            case UNSTEADY -> "unsteady: pull less, hold steadier";
            case INTERRUPTED -> "sensor link lost: this rep does not count";
            case HELD -> null;
        };
    }

    private void say(CueKind kind, String text, long tNanos) {
        message = text;
        cues.accept(new Cue(kind, text, tNanos));
    }

    /** What the screen shows now. */
    public CoachView view(long tNanos) {
        double restLeft = switch (state) {
            case RESTING -> Math.max(0, (restEndsNanos - tNanos) / 1e9);
            case PAUSED -> pausedRestLeftS;
            default -> 0;
        };
        double autostartIn = autostartS >= 0 && (state == CoachState.SAFETY_NOTICE || state == CoachState.BEGIN)
                ? Math.max(0, autostartS - (tNanos - waitingSinceNanos) / 1e9) : -1;
        return new CoachView(state, position.leg(plan), position.angleIndex(), plan.angles().size(),
                position.angleName(plan), position.rep(), plan.repsPerAngle(), position.attempt(), position.held(),
                plan.totalReps(), plan.holdTargetS(), restLeft, restTotalS, message, lastReason, question, autostartIn,
                Optional.empty(), summary());
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
