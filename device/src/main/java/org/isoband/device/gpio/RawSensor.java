package org.isoband.device.gpio;

/**
 * A sensor read for its raw codes, before any calibration: what {@code isoband calibrate} measures. Readings
 * that cannot be force (saturated, stuck, stretched, settling) are skipped, not returned.
 */
public interface RawSensor extends AutoCloseable {

    /** For people: "HX711 on GPIO DOUT 5 / SCK 6". */
    String description();

    /** Blocks until the next good reading. */
    RawReading next() throws SensorException, InterruptedException;

    /** Frees the pins (and leaves the chip powered down). */
    @Override
    void close();
}
