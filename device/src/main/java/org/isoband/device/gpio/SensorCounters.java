package org.isoband.device.gpio;

/**
 * What a wired source has read since it started: the good readings passed on as force, and every reading
 * or attempt that was not, by reason. For the log, the display and tests.
 *
 * @param good      readings passed on as samples
 * @param saturated readings at the ADC's limit
 * @param stuck     readings in a run of identical values
 * @param stretched reads with a clock pulse held too long (HX711)
 * @param settling  readings within the settling time after a reset or gain change (HX711)
 * @param timeouts  waits for a conversion that ran out
 * @param busErrors transfers the bus refused (I2C not acknowledged, a pin that failed)
 */
public record SensorCounters(long good, long saturated, long stuck, long stretched, long settling, long timeouts,
                             long busErrors) {

    /** Readings that were taken but not passed on. */
    public long flagged() {
        return saturated + stuck + stretched + settling;
    }
}
