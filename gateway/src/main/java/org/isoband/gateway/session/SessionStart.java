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
 */
public record SessionStart(TrainingPlan plan, PlanPosition position, boolean safetyNotice, String sessionId) {
}
