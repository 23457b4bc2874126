package org.isoband.device.gpio;

/**
 * One raw conversion of an ADC.
 *
 * @param tNanos when the conversion was taken, on the {@link GpioClock}
 * @param raw    the signed code (24-bit for the HX711, 16-bit for the ADS1115)
 * @param flag   {@link ReadingFlag#GOOD}, or why the value must not be used as force
 */
public record RawReading(long tNanos, int raw, ReadingFlag flag) {

    public boolean good() {
        return flag == ReadingFlag.GOOD;
    }

    /** The same reading with a different flag (the guard marks saturated and stuck values). */
    public RawReading flagged(ReadingFlag newFlag) {
        return new RawReading(tNanos, raw, newFlag);
    }
}
