package org.isoband.app.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The known load of a calibration as the user types it: a mass ("5 kg", "500 g"), which pulls with
 * standard gravity, or a force ("49 N"). A number alone is refused: kilograms and newtons differ ten-fold.
 *
 * @param newtons the force it applies
 */
record KnownLoad(double newtons) {
    /** Standard gravity (CGPM 1901), m/s^2. */
    static final double G = 9.80665;
    private static final Pattern FORM = Pattern.compile("\\s*([0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)\\s*(kg|g|n)\\s*",
            Pattern.CASE_INSENSITIVE);

    /** @throws IllegalArgumentException with a message for the user */
    static KnownLoad parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read '" + text.strip()
                    + "': enter a mass like '5 kg' or '500 g', or a force like '49 N'");
        }
        double value = Double.parseDouble(m.group(1).replace(',', '.'));
        double newtons = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "kg" -> value * G;
            case "g" -> value / 1000 * G;
            default -> value;
        };
        if (!(newtons > 0)) {
            throw new IllegalArgumentException("the known load must be more than zero, got '" + text.strip() + "'");
        }
        return new KnownLoad(newtons);
    }
}
