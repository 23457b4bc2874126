package org.isoband.app.cli;

import org.isoband.core.unit.ForceUnit;
import org.isoband.gateway.config.GatewayConfig;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The numeric options' allowed ranges as picocli converters, checked while the command line is read, before a
 * command starts anything. A value outside its range is an {@link OutOfRange}, which {@link OptionErrorHandler}
 * prints as one line naming the option ({@code scan: --seconds must be more than 0 and at most 600, got 0.0});
 * text that is no number at all keeps picocli's own message.
 */
final class Ranges {
    private Ranges() {
    }

    /** A value outside the option's range; the message says the range and the value. */
    static final class OutOfRange extends TypeConversionException {
        OutOfRange(String message) {
            super(message);
        }
    }

    /** A finite number within bounds, each open or closed. */
    abstract static class DoubleRange implements ITypeConverter<Double> {
        private final double min;
        private final boolean minIncluded;
        private final double max;
        private final boolean maxIncluded;
        private final String rule;

        DoubleRange(double min, boolean minIncluded, double max, boolean maxIncluded, String rule) {
            this.min = min;
            this.minIncluded = minIncluded;
            this.max = max;
            this.maxIncluded = maxIncluded;
            this.rule = rule;
        }

        @Override
        public Double convert(String text) {
            double v;
            try {
                v = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + text + "' is not a number");
            }
            boolean above = minIncluded ? v >= min : v > min;
            boolean below = maxIncluded ? v <= max : v < max;
            if (!(above && below) || Double.isNaN(v)) {
                throw new OutOfRange(rule + ", got " + v);
            }
            return v;
        }
    }

    /** {@code demo --speed}: how many times faster than real time. */
    static final class Speed extends DoubleRange {
        Speed() {
            super(0, false, 1000, true, "must be between 0 and 1000");
        }
    }

    /** {@code scan --seconds}: how long to listen. */
    static final class ScanSeconds extends DoubleRange {
        ScanSeconds() {
            super(0, false, 600, true, "must be more than 0 and at most 600");
        }
    }

    /** {@code calibrate --seconds}: how long each step averages. */
    static final class StepSeconds extends DoubleRange {
        StepSeconds() {
            super(0, false, 60, true, "must be between 0 and 60");
        }
    }

    /** {@code record --seconds}. */
    static final class PositiveSeconds extends DoubleRange {
        PositiveSeconds() {
            super(0, false, Double.POSITIVE_INFINITY, true, "must be positive");
        }
    }

    /** {@code analyze --hold}: the hold target. */
    static final class HoldSeconds extends DoubleRange {
        HoldSeconds() {
            super(0, false, Double.POSITIVE_INFINITY, false, "must be a positive number of seconds");
        }
    }

    /** {@code analyze --full-scale}. */
    static final class Newtons extends DoubleRange {
        Newtons() {
            super(0, false, Double.POSITIVE_INFINITY, false, "must be a positive number of newtons");
        }
    }

    /** {@code calibrate --band-stiffness}. */
    static final class Stiffness extends DoubleRange {
        Stiffness() {
            super(0, false, 100_000, false, "must be a positive number of N/m");
        }
    }

    /** {@code simulate --loss}: a probability, at most a half. */
    static final class Loss extends DoubleRange {
        Loss() {
            super(0, true, 0.5, true, "must be between 0 and 0.5");
        }
    }

    /** A TCP port; 0 asks for any free one. */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            int port;
            try {
                port = Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + text + "' is not a port number");
            }
            if (port < 0 || port > 65535) {
                throw new OutOfRange("must be between 0 and 65535, got " + port);
            }
            return port;
        }
    }

    /** {@code demo --audio}: tones, voice or off, as the configuration's {@code audio} key spells them. */
    static final class Audio implements ITypeConverter<GatewayConfig.Audio> {
        @Override
        public GatewayConfig.Audio convert(String text) {
            for (GatewayConfig.Audio a : GatewayConfig.Audio.values()) {
                if (a.name().equalsIgnoreCase(text.trim())) {
                    return a;
                }
            }
            throw new OutOfRange("must be tones, voice or off, got '" + text + "'");
        }
    }

    /** {@code analyze --unit}: N, kg or lb (any case). */
    static final class Unit implements ITypeConverter<ForceUnit> {
        @Override
        public ForceUnit convert(String text) {
            try {
                return ForceUnit.parse(text);
            } catch (IllegalArgumentException e) {
                throw new OutOfRange("must be N, kg or lb, got \"" + text + "\"");
            }
        }
    }
}
