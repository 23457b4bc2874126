package org.isoband.gateway.session;

import java.time.LocalDate;
import org.isoband.core.coach.PlanPosition;
import org.isoband.core.coach.StrengthSetup;
import org.isoband.core.coach.TrainingPlan;

/**
 * How a session begins.
 *
 * @param plan         the training plan
 * @param position     {@link PlanPosition#START}, or where a crashed session was
 * @param safetyNotice show the blood-pressure notice first (the athlete has not read it yet)
 * @param sessionId    the journal's id for this session
 * @param beginScreen  wait on the Begin screen until the athlete begins (the trainer); without it the first
 *                     rep is asked for at once (tests, benchmarks)
 * @param holdSummary  when the plan is done, keep showing the summary until it is dismissed (a tap, a key)
 * @param strength     the maximum test and force zone, with the maxima known so far
 */
public record SessionStart(TrainingPlan plan, PlanPosition position, boolean safetyNotice, String sessionId,
                           boolean beginScreen, boolean holdSummary, StrengthSetup strength) {

    /** A session on time alone (no maximum test, no force zone), without the Begin screen. */
    public SessionStart(TrainingPlan plan, PlanPosition position, boolean safetyNotice, String sessionId) {
        this(plan, position, safetyNotice, sessionId, false, false, StrengthSetup.off(LocalDate.now()));
    }

    /** The trainer's way: the Begin screen first, the summary kept until dismissed. */
    public SessionStart interactive() {
        return new SessionStart(plan, position, safetyNotice, sessionId, true, true, strength);
    }

    /** The same session with a maximum test and force zone. */
    public SessionStart withStrength(StrengthSetup newStrength) {
        return new SessionStart(plan, position, safetyNotice, sessionId, beginScreen, holdSummary, newStrength);
    }
}
