package org.isoband.core.detect;

/**
 * A steady stretch just broken, waiting to be told apart: a movement of the leg (the tension stays at a
 * new level) or a wobble (it comes back).
 *
 * @param breakT    where the stretch ended (seconds on the detector's clock)
 * @param level     the level held before the break
 * @param amplitude that level above the rep's rest tension
 * @param dir       +1 the tension went up, -1 down
 */
record PendingBreak(double breakT, double level, double amplitude, int dir) {
}
