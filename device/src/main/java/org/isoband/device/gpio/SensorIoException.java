package org.isoband.device.gpio;

/** The bus refused a transfer (an I2C device that does not acknowledge, a pin that cannot be driven). */
public class SensorIoException extends SensorException {
    public SensorIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
