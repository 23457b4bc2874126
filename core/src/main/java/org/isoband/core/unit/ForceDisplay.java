package org.isoband.core.unit;

import java.util.Locale;

/**
 * How force is shown: in a unit, and optionally also relative to the athlete's body weight (as physios compare
 * people of different sizes: a hamstring maximum of 1.2 x body weight).
 *
 * @param unit         the unit figures are shown in
 * @param bodyWeightKg the athlete's body weight, kg; NaN when not given (no relative figures)
 */
public record ForceDisplay(ForceUnit unit, double bodyWeightKg) {
    public static final ForceDisplay NEWTONS = new ForceDisplay(ForceUnit.N, Double.NaN);
    private static final double G = 9.80665;

    public ForceDisplay {
        if (unit == null) {
            throw new IllegalArgumentException("unit must be given");
        }
        if (!Double.isNaN(bodyWeightKg) && !(bodyWeightKg >= 20 && bodyWeightKg <= 300)) {
            throw new IllegalArgumentException("body weight must be 20 to 300 kg, got " + bodyWeightKg);
        }
    }

    public boolean relative() {
        return !Double.isNaN(bodyWeightKg);
    }

    /** Force as a multiple of body weight (1.0 = the weight of the athlete); NaN without a body weight. */
    public double timesBodyWeight(double newtons) {
        return relative() ? newtons / (bodyWeightKg * G) : Double.NaN;
    }

    /** {@code 312 N}, or {@code 312 N (0.45 x BW)} with a body weight. */
    public String format(double newtons) {
        String plain = unit.format(newtons);
        if (!relative() || !Double.isFinite(newtons)) {
            return plain;
        }
        return plain + String.format(Locale.ROOT, " (%.2f x BW)", timesBodyWeight(newtons));
    }
}
