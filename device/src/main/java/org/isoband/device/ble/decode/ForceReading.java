package org.isoband.device.ble.decode;

import java.util.OptionalLong;

/**
 * One force value as the sensor sent it, before calibration and before the gateway's clock.
 *
 * @param newtons      the force; sensors that report kilograms-force are converted with {@link #STANDARD_GRAVITY}
 * @param sensorMicros the sensor's own clock in microseconds, when the format has one; raw as sent (a uint32 wraps
 *                     after about 71.6 minutes), so the caller unwraps it against the previous reading
 */
public record ForceReading(double newtons, OptionalLong sensorMicros) {

    /** Standard gravity, m/s^2 (exact by definition); gauges that show kilograms mean kilograms-force. */
    public static final double STANDARD_GRAVITY = 9.80665;

    public ForceReading {
        if (!Double.isFinite(newtons)) {
            throw new IllegalArgumentException("force must be finite, got " + newtons);
        }
    }

    public static ForceReading timed(double newtons, long sensorMicros) {
        return new ForceReading(newtons, OptionalLong.of(sensorMicros));
    }

    public static ForceReading untimed(double newtons) {
        return new ForceReading(newtons, OptionalLong.empty());
    }

    static double newtonsFromKilogramsForce(double kilograms) {
        return kilograms * STANDARD_GRAVITY;
    }
}
