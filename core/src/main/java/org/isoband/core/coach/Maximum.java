package org.isoband.core.coach;

import java.time.LocalDate;
import java.util.List;

/**
 * The result of a maximum test at one position.
 *
 * @param position where
 * @param maxN     the best plateau of the pulls: the highest mean over 1 s of any pull, N
 * @param pullsN   each pull's best 1 s mean, in order (NaN for a pull too short to measure)
 * @param testedOn the athlete's local day of the test
 */
public record Maximum(HoldPosition position, double maxN, List<Double> pullsN, LocalDate testedOn) {
    public Maximum {
        if (position == null || testedOn == null) {
            throw new IllegalArgumentException("position and day must be given");
        }
        if (!(maxN > 0)) {
            throw new IllegalArgumentException("a maximum must be positive, got " + maxN);
        }
        pullsN = List.copyOf(pullsN);
    }

    /** Due again after {@code weeks}: on or after {@code testedOn + weeks}. */
    public boolean dueOn(LocalDate day, int weeks) {
        return !day.isBefore(testedOn.plusWeeks(weeks));
    }
}
