package org.isoband.gateway.session;

import org.isoband.core.coach.PlanPosition;
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
 */
public record SessionStart(TrainingPlan plan, PlanPosition position, boolean safetyNotice, String sessionId,
                           boolean beginScreen, boolean holdSummary) {

    public SessionStart(TrainingPlan plan, PlanPosition position, boolean safetyNotice, String sessionId) {
        this(plan, position, safetyNotice, sessionId, false, false);
    }

    /** The trainer's way: the Begin screen first, the summary kept until dismissed. */
    public SessionStart interactive() {
        return new SessionStart(plan, position, safetyNotice, sessionId, true, true);
    }
}
