package org.isoband.core.coach;

/**
 * Where the athlete is in the plan; what is saved so that a session can be resumed.
 *
 * @param legIndex   index into the plan's legs
 * @param angleIndex index into the plan's angles
 * @param rep        1-based rep at this angle and leg
 * @param attempt    1-based attempt at this rep
 * @param held       held reps so far in the session
 * @param done       true when the plan is complete
 */
public record PlanPosition(int legIndex, int angleIndex, int rep, int attempt, int held, boolean done) {

    public static final PlanPosition START = new PlanPosition(0, 0, 1, 1, 0, false);

    /** The next rep: at the next angle, leg, or the end of the plan when this one was the last. */
    PlanPosition nextRep(TrainingPlan plan, boolean wasHeld) {
        int total = held + (wasHeld ? 1 : 0);
        if (rep < plan.repsPerAngle()) {
            return new PlanPosition(legIndex, angleIndex, rep + 1, 1, total, false);
        }
        if (angleIndex + 1 < plan.angles().size()) {
            return new PlanPosition(legIndex, angleIndex + 1, 1, 1, total, false);
        }
        if (legIndex + 1 < plan.legs().size()) {
            return new PlanPosition(legIndex + 1, 0, 1, 1, total, false);
        }
        return new PlanPosition(legIndex, angleIndex, rep, attempt, total, true);
    }

    PlanPosition nextAttempt() {
        return new PlanPosition(legIndex, angleIndex, rep, attempt + 1, held, done);
    }

    public Leg leg(TrainingPlan plan) {
        return plan.legs().get(legIndex);
    }

    public String angleName(TrainingPlan plan) {
        return plan.angles().get(angleIndex);
    }
}
