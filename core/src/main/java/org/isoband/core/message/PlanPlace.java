package org.isoband.core.message;

/**
 * Where in the plan a rep was made, as the Pi says it ("high · rep 4/5 · try 3"): optional in a rep event
 * (schema 2; null from gateways of schema 1 and without a plan).
 *
 * @param angleName the hip angle's name in the plan, e.g. "closest to the torso"
 * @param planRep   1-based rep at this leg and angle
 * @param planReps  reps the plan asks for at this leg and angle
 * @param attempt   1-based try at this rep
 */
public record PlanPlace(String angleName, int planRep, int planReps, int attempt) {
    public PlanPlace {
        if (angleName == null || angleName.isEmpty()) {
            throw new IllegalArgumentException("angle name must be given");
        }
        if (planRep < 1 || planReps < 1 || attempt < 1) {
            throw new IllegalArgumentException("plan rep, reps and attempt count from 1, got " + planRep + "/"
                    + planReps + " try " + attempt);
        }
    }
}
