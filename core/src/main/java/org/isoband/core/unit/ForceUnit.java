package org.isoband.core.unit;

import java.util.Locale;

/**
 * The unit a person reads force in. Kilograms and pounds are kilogram-force and pound-force (what a luggage
 * scale or a Tindeq shows), exact by definition: 1 kgf = 9.80665 N, 1 lbf = 4.4482216152605 N.
 */
public enum ForceUnit {
    N("N", 1.0, 0),
    KG("kg", 9.80665, 1),
    LB("lb", 4.4482216152605, 1);

    private final String symbol;
    private final double newtonsPerUnit;
    private final int decimals;

    ForceUnit(String symbol, double newtonsPerUnit, int decimals) {
        this.symbol = symbol;
        this.newtonsPerUnit = newtonsPerUnit;
        this.decimals = decimals;
    }

    /** As written after a figure and in column names: {@code N}, {@code kg}, {@code lb}. */
    public String symbol() {
        return symbol;
    }

    /** The suffix of a column or field in this unit: {@code _n}, {@code _kg}, {@code _lb}. */
    public String suffix() {
        return "_" + symbol.toLowerCase(Locale.ROOT);
    }

    /** Decimals a person needs: whole newtons, tenths of a kilogram or pound. */
    public int decimals() {
        return decimals;
    }

    public double fromNewtons(double newtons) {
        return newtons / newtonsPerUnit;
    }

    public double toNewtons(double value) {
        return value * newtonsPerUnit;
    }

    /** {@code 312 N}, {@code 31.8 kg}; a dash for an unknown value. */
    public String format(double newtons) {
        if (!Double.isFinite(newtons)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f %s", fromNewtons(newtons), symbol);
    }

    /** Reads {@code N}, {@code kg} or {@code lb} (any case); throws naming the choices. */
    public static ForceUnit parse(String text) {
        for (ForceUnit u : values()) {
            if (u.symbol.equalsIgnoreCase(text.trim())) {
                return u;
            }
        }
        throw new IllegalArgumentException("unknown force unit \"" + text + "\" (one of: N, kg, lb)");
    }
}
