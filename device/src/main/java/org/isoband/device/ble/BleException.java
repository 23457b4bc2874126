package org.isoband.device.ble;

/**
 * Something on the way to the sensor went wrong: BlueZ is not there, refused a call, or the device did not
 * behave. Checked, because every one of these happens in normal use (a band switched off, bluetoothd
 * restarting) and the caller decides: retry, or tell the user.
 */
public abstract class BleException extends Exception {
    protected BleException(String message) {
        super(message);
    }

    protected BleException(String message, Throwable cause) {
        super(message, cause);
    }
}
