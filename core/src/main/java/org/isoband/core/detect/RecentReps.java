package org.isoband.core.detect;

/**
 * How large a rep is for this athlete: the rises of the last three reps. A candidate far below them (or,
 * before the first rep, below a clear floor) is rest that moved, not a rep.
 */
final class RecentReps {
    private final double[] rises = new double[3];
    private int count;
    private int next;

    void add(double rise) {
        rises[next] = rise;
        next = (next + 1) % rises.length;
        count = Math.min(count + 1, rises.length);
    }

    void clear() {
        count = 0;
        next = 0;
    }

    /**
     * A contraction that never held still for a stretch is no rep below this share of the recent reps:
     * real set-up tension that wanders to 31 N and back before a 143 N pull (22 %), where the real reps of
     * a fading timed test never fall below 72 % of the one before.
     */
    private static final double UNSTEADY_FLOOR_FRACTION = 0.35;

    /** The smallest rise of a contraction that never held still that can be a rep (0 before the first rep). */
    double unsteadyFloor() {
        return count == 0 ? 0 : UNSTEADY_FLOOR_FRACTION * median();
    }

    /** The smallest rise above {@code rest} that can be a rep at all now (a fidget is smaller). */
    double minimumRise(DetectorConfig config, double rest) {
        if (count == 0) {
            return firstFloor(config, rest);
        }
        return Math.max(config.minAmplitudeN(), config.repFloorPct() / 100 * median());
    }

    /**
     * Below this, a rise that starts in the rest just after a rep is a rest plateau, and a rise that sat
     * this low before climbing further was set-up tension.
     */
    double plateauRise(DetectorConfig config, double rest) {
        if (count == 0) {
            // Set-up tension before the first pull reaches 30 N: twice the floor covers it, and the climb
            // that must follow (1.5 times as far again) is a rep by any measure.
            return 2 * firstFloor(config, rest);
        }
        return Math.max(config.minAmplitudeN(), config.plateauPct() / 100 * median());
    }

    private static double firstFloor(DetectorConfig config, double rest) {
        return Math.max(config.minAmplitudeN(),
                Math.max(config.firstRepMinN(), config.firstRepRestPct() / 100 * Math.abs(rest)));
    }

    private double median() {
        if (count == 1) {
            return rises[0];
        }
        if (count == 2) {
            return (rises[0] + rises[1]) / 2;
        }
        double a = rises[0];
        double b = rises[1];
        double c = rises[2];
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
