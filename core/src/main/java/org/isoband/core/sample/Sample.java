package org.isoband.core.sample;

/**
 * One reading from a force sensor.
 *
 * @param tNanos       time of the reading on the gateway's clock, in nanoseconds (any fixed origin)
 * @param newtons      band tension in newtons (after calibration)
 * @param elongationMm band elongation in millimetres for stretch sensors, {@code NaN} when not measured
 */
public record Sample(long tNanos, double newtons, double elongationMm) {

    /** A force-only sample (load cells, force gauges). */
    public static Sample of(long tNanos, double newtons) {
        return new Sample(tNanos, newtons, Double.NaN);
    }

    /** A sample at {@code seconds} from the origin, for recordings and tests. */
    public static Sample atSeconds(double seconds, double newtons) {
        return of(Math.round(seconds * 1e9), newtons);
    }

    public double seconds() {
        return tNanos / 1e9;
    }

    public boolean hasElongation() {
        return !Double.isNaN(elongationMm);
    }
}
