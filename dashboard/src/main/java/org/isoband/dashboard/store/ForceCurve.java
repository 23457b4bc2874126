package org.isoband.dashboard.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The force samples around one rep as the dashboard saw them live: sample {@code i} was taken {@code offsetsMs[i]}
 * milliseconds after the rep's start (negative before it) and read {@code newtons[i]}.
 */
public record ForceCurve(double[] offsetsMs, double[] newtons) {

    public ForceCurve {
        Objects.requireNonNull(offsetsMs, "offsetsMs");
        Objects.requireNonNull(newtons, "newtons");
        if (offsetsMs.length != newtons.length) {
            throw new IllegalArgumentException(offsetsMs.length + " offsets but " + newtons.length + " forces");
        }
        offsetsMs = offsetsMs.clone();
        newtons = newtons.clone();
    }

    public int size() {
        return newtons.length;
    }

    /** Comma-separated, to the resolution the contract publishes (0.01 ms is far finer than needed: 0.1). */
    static String encode(double[] values, int decimals) {
        StringBuilder sb = new StringBuilder(values.length * 7);
        String format = "%." + decimals + "f";
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(String.format(Locale.ROOT, format, values[i]));
        }
        return sb.toString();
    }

    static double[] decode(String text) {
        if (text.isEmpty()) {
            return new double[0];
        }
        String[] parts = text.split(",");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Double.parseDouble(parts[i]);
        }
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ForceCurve c && Arrays.equals(offsetsMs, c.offsetsMs) && Arrays.equals(newtons, c.newtons);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(offsetsMs) + Arrays.hashCode(newtons);
    }

    @Override
    public String toString() {
        return "ForceCurve[" + size() + " samples]";
    }
}
