package org.isoband.device.source;

import java.util.OptionalInt;

/**
 * A sensor's battery as it reported it: a percentage (the standard Battery Service's Battery Level) or a voltage
 * (the Progressor's answer to GET_BATTERY_VOLTAGE), with the percentage estimated from the voltage of one
 * lithium-ion cell in that case.
 *
 * @param percent    0-100
 * @param millivolts the voltage, when that is what the sensor reported
 * @param estimated  the percentage was estimated from the voltage, not reported
 */
public record BatteryLevel(int percent, OptionalInt millivolts, boolean estimated) {
    /** A lithium-ion cell under light load: empty as far as a gauge goes, and full. */
    static final int CELL_EMPTY_MV = 3300;
    static final int CELL_FULL_MV = 4200;
    /** Below this the screen and the log warn before a session. */
    public static final int LOW_PERCENT = 15;

    public BatteryLevel {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("battery percent must be 0-100, got " + percent);
        }
    }

    public static BatteryLevel ofPercent(int percent) {
        return new BatteryLevel(percent, OptionalInt.empty(), false);
    }

    /**
     * From one lithium-ion cell's voltage, linearly between {@value #CELL_EMPTY_MV} mV (0 %) and
     * {@value #CELL_FULL_MV} mV (100 %): coarse (the real curve is flat in the middle), but monotonic, and enough
     * to say "charge it" before a session.
     */
    public static BatteryLevel ofCellMillivolts(int millivolts) {
        double share = (millivolts - CELL_EMPTY_MV) / (double) (CELL_FULL_MV - CELL_EMPTY_MV);
        int percent = (int) Math.round(100 * Math.max(0, Math.min(1, share)));
        return new BatteryLevel(percent, OptionalInt.of(millivolts), true);
    }

    public boolean low() {
        return percent < LOW_PERCENT;
    }

    /** "80 %", "41 % (3.67 V)". */
    public String describe() {
        return percent + " %" + (millivolts.isPresent()
                ? String.format(java.util.Locale.ROOT, " (%.2f V)", millivolts.getAsInt() / 1000.0) : "");
    }
}
