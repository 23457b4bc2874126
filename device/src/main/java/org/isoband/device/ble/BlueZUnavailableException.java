package org.isoband.device.ble;

/**
 * BlueZ cannot be reached: no D-Bus system bus at the address, or no {@code org.bluez} on it (bluetoothd not
 * running or not installed), or no such adapter.
 */
public final class BlueZUnavailableException extends BleException {
    private final String busAddress;

    public BlueZUnavailableException(String busAddress, String message) {
        super(message);
        this.busAddress = busAddress;
    }

    public BlueZUnavailableException(String busAddress, String message, Throwable cause) {
        super(message, cause);
        this.busAddress = busAddress;
    }

    /** The D-Bus address that was tried. */
    public String busAddress() {
        return busAddress;
    }
}
