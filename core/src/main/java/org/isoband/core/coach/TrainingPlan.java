package org.isoband.core.coach;

import java.util.List;

/**
 * The training plan: each leg in turn, at each hip angle from closest to the torso to almost on
 * the floor, a number of held reps, with rests between reps, angles and legs.
 *
 * @param legs               in order (right then left by default)
 * @param angles             names of the hip angles, in order; 4 or 5
 * @param repsPerAngle       held reps wanted at each angle and leg; 5 to 10
 * @param holdTargetS        a rep is held when steady this long
 * @param restBetweenRepsS   rest after each rep
 * @param restBetweenAnglesS rest before the next angle (time to move the leg)
 * @param restBetweenLegsS   rest before the other leg
 * @param maxAttemptsPerRep  after this many failed attempts the coach moves on to the next rep
 * @param stopAfterS         a hold this long is far past the target: the coach says stop
 * @param weeklySessions     sessions per week the athlete aims for; 2 or 3
 */
public record TrainingPlan(
        List<Leg> legs,
        List<String> angles,
        int repsPerAngle,
        double holdTargetS,
        double restBetweenRepsS,
        double restBetweenAnglesS,
        double restBetweenLegsS,
        int maxAttemptsPerRep,
        double stopAfterS,
        int weeklySessions) {

    public static final TrainingPlan DEFAULT = new TrainingPlan(
            List.of(Leg.RIGHT, Leg.LEFT),
            List.of("closest to the torso", "high", "middle", "low", "almost on the floor"),
            5, 6.0, 15, 45, 60, 3, 12.0, 3);

    public TrainingPlan {
        legs = List.copyOf(legs);
        angles = List.copyOf(angles);
        if (legs.isEmpty() || legs.size() > 2 || legs.stream().distinct().count() != legs.size()) {
            throw new IllegalArgumentException("legs must be one or two different legs, got " + legs);
        }
        if (angles.size() < 1 || angles.size() > 6) {
            throw new IllegalArgumentException("the plan needs 1 to 6 hip angles (4-5 recommended), got " + angles.size());
        }
        if (repsPerAngle < 1 || repsPerAngle > 20) {
            throw new IllegalArgumentException("reps per angle must be 1 to 20 (5-10 recommended), got " + repsPerAngle);
        }
        if (!(holdTargetS >= 1 && holdTargetS <= 60)) {
            throw new IllegalArgumentException("hold target must be 1 to 60 s, got " + holdTargetS);
        }
        if (!(restBetweenRepsS >= 0 && restBetweenAnglesS >= 0 && restBetweenLegsS >= 0)) {
            throw new IllegalArgumentException("rests must not be negative");
        }
        if (maxAttemptsPerRep < 1) {
            throw new IllegalArgumentException("attempts per rep must be at least 1, got " + maxAttemptsPerRep);
        }
        if (!(stopAfterS > holdTargetS)) {
            throw new IllegalArgumentException("the stop cue (" + stopAfterS + " s) must come after the hold target ("
                    + holdTargetS + " s)");
        }
        if (weeklySessions < 1 || weeklySessions > 7) {
            throw new IllegalArgumentException("weekly sessions must be 1 to 7 (2-3 recommended), got " + weeklySessions);
        }
    }

    /** Held reps the whole session asks for. */
    public int totalReps() {
        return legs.size() * angles.size() * repsPerAngle;
    }
}
