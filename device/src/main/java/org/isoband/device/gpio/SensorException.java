package org.isoband.device.gpio;

/**
 * A wired sensor did not give a reading. The message names the chip and where it is wired (pins, bus,
 * address, register) so that the log line alone says what to check.
 */
public class SensorException extends Exception {
    public SensorException(String message) {
        super(message);
    }

    public SensorException(String message, Throwable cause) {
        super(message, cause);
    }
}
