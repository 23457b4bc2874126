package org.isoband.device.ble;

/** The device was not found, or did not behave as its profile says. */
public final class BleLinkException extends BleException {

    /** What went wrong, for the retry rules and the tests; the message says it to the user. */
    public enum Problem {
        /** The adapter named in the configuration is not there, or is powered off. */
        ADAPTER,
        /** The device did not advertise: off, out of range, or held by another central. */
        NOT_ADVERTISING,
        /** Connected, but BlueZ did not resolve its GATT services in time. */
        SERVICES_NOT_RESOLVED,
        /** Its services lack the characteristic the profile needs: another device, or another firmware. */
        MISSING_CHARACTERISTIC,
        /** The connection went down, or the device left BlueZ's list. */
        DISCONNECTED,
        /** Connected, but no data for longer than the sensor's rate allows. */
        SILENT
    }

    private final Problem problem;
    private final String device;

    public BleLinkException(Problem problem, String device, String message) {
        super(message);
        this.problem = problem;
        this.device = device;
    }

    public Problem problem() {
        return problem;
    }

    /** The device's label, such as "isoband-1A2B (AA:BB:CC:DD:EE:FF)", or what the user asked for. */
    public String device() {
        return device;
    }
}
