package org.isoband.device.gpio;

/** The chip did not have a conversion ready in time: unplugged, unpowered, or wired to other pins. */
public class SensorTimeoutException extends SensorException {
    public SensorTimeoutException(String message) {
        super(message);
    }
}
