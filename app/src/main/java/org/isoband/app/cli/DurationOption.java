package org.isoband.app.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A duration as people type it: {@code 90} or {@code 90s}, {@code 5m}, {@code 1h}. */
final class DurationOption implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.endsWith("h")) {
                return Duration.ofMillis((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 3_600_000));
            }
            if (t.endsWith("m")) {
                return Duration.ofMillis((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
            }
            String seconds = t.endsWith("s") ? t.substring(0, t.length() - 1) : t;
            double s = Double.parseDouble(seconds);
            if (!(s > 0)) {
                throw new TypeConversionException("must be positive: '" + text + "'");
            }
            return Duration.ofMillis((long) (s * 1000));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("not a duration: '" + text + "' (examples: 90s, 5m, 1h)");
        }
    }
}
