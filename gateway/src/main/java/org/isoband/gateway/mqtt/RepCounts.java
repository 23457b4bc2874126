package org.isoband.gateway.mqtt;

/**
 * How many reps a band did since some instant, and how many of those were HELD.
 *
 * @param reps reps
 * @param held of those, HELD
 */
public record RepCounts(int reps, int held) {
    public static final RepCounts NONE = new RepCounts(0, 0);

    public RepCounts plus(boolean wasHeld) {
        return new RepCounts(reps + 1, held + (wasHeld ? 1 : 0));
    }
}
