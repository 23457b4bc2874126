package org.isoband.core.coach;

/**
 * A leg at a hip angle: what a maximum belongs to (the band's tension and the muscle's length both change with
 * the angle, so each has its own).
 *
 * @param leg        the leg
 * @param angleIndex 0-based index into the plan's angles
 */
public record HoldPosition(Leg leg, int angleIndex) {
    public HoldPosition {
        if (leg == null) {
            throw new IllegalArgumentException("leg must be given");
        }
        if (angleIndex < 0) {
            throw new IllegalArgumentException("angle index must not be negative, got " + angleIndex);
        }
    }

    static HoldPosition of(PlanPosition p, TrainingPlan plan) {
        return new HoldPosition(p.leg(plan), p.angleIndex());
    }
}
