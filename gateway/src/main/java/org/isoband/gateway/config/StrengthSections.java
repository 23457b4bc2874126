package org.isoband.gateway.config;

import org.isoband.core.coach.StrengthPlan;
import org.isoband.core.unit.ForceDisplay;
import org.isoband.core.unit.ForceUnit;

/** Reads the {@code units:} and {@code strength:} sections (docs/isoband.example.yaml). */
final class StrengthSections {
    private StrengthSections() {
    }

    /** {@code units.force} (N, kg, lb) and the optional {@code units.body_weight_kg}. */
    static ForceDisplay units(YamlSection u) {
        ForceUnit unit = u.choice("force", ForceUnit.N, java.util.List.of(ForceUnit.values()),
                f -> f.name().toLowerCase(java.util.Locale.ROOT));
        double weight = u.has("body_weight_kg") ? u.number("body_weight_kg", Double.NaN, 20, 300) : Double.NaN;
        u.finish();
        return new ForceDisplay(unit, weight);
    }

    /** The maximum test and the force zone. */
    static StrengthPlan strength(YamlSection s) {
        StrengthPlan d = StrengthPlan.DEFAULT;
        boolean maxTest = s.bool("max_test", d.maxTest());
        int pulls = s.integer("pulls", d.pullsPerPosition(), 1, 5);
        double pullS = s.number("pull_s", d.pullS(), 2, 10);
        double rest = s.number("rest_between_pulls_s", d.restBetweenPullsS(), 0, 600);
        int weeks = s.integer("retest_every_weeks", d.retestEveryWeeks(), 1, 52);
        double low = s.number("zone_low_pct", d.zoneLowPct(), 1, 99);
        double high = s.number("zone_high_pct", d.zoneHighPct(), 2, 100);
        s.finish();
        try {
            return new StrengthPlan(maxTest, pulls, pullS, rest, weeks, low, high);
        } catch (IllegalArgumentException e) {
            s.invalid("zone_low_pct", e.getMessage());
            return d;
        }
    }
}
