package org.isoband.device.gpio;

/**
 * A pin or bus could not be opened: not a Raspberry Pi, no permission on {@code /dev/gpiochip*} or
 * {@code /dev/i2c-*}, I2C not enabled, or the pin already in use.
 */
public class GpioUnavailableException extends SensorException {
    public GpioUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
