package org.isoband.core.coach;

import java.time.LocalDate;
import java.util.List;
import org.isoband.core.unit.ForceUnit;

/**
 * What the strength coach starts from.
 *
 * @param plan    the maximum test and the zone
 * @param maxima  the maxima known from earlier tests (at most one per position: the newest)
 * @param today   the athlete's local day, to tell which maxima are due again
 * @param retest  test every position in this session whatever the dates (the athlete asked)
 * @param unit    the unit the coach says figures in
 */
public record StrengthSetup(StrengthPlan plan, List<Maximum> maxima, LocalDate today, boolean retest, ForceUnit unit) {
    public StrengthSetup {
        if (plan == null || today == null || unit == null) {
            throw new IllegalArgumentException("plan, day and unit must be given");
        }
        maxima = List.copyOf(maxima);
    }

    /** No test and no zone: the coach of time alone. */
    public static StrengthSetup off(LocalDate today) {
        return new StrengthSetup(StrengthPlan.OFF, List.of(), today, false, ForceUnit.N);
    }
}
