package org.isoband.core.coach;

/**
 * A force band the athlete aims for during a hold, in newtons; drawn on the screen beside the rest line.
 * Plans do not set one yet (a max test will): the screen shows it whenever the coach's view carries one.
 */
public record ForceTarget(double lowN, double highN) {
    public ForceTarget {
        if (!(lowN >= 0 && highN >= lowN)) {
            throw new IllegalArgumentException("a force target needs 0 <= low <= high, got " + lowN + ".." + highN);
        }
    }
}
