package org.isoband.device.ble;

/**
 * BlueZ answered a method call with an error, such as {@code org.bluez.Error.Failed: le-connection-abort-by-local}
 * from Connect or {@code org.bluez.Error.InProgress} from StartDiscovery. Keeps the D-Bus error name, which is
 * what the retry rules look at (dbus-java alone keeps only the text).
 */
public final class BlueZCallException extends BleException {
    /** The error BlueZ gives while a previous call of the same kind is still under way. */
    public static final String IN_PROGRESS = "org.bluez.Error.InProgress";
    public static final String FAILED = "org.bluez.Error.Failed";
    public static final String ALREADY_CONNECTED = "org.bluez.Error.AlreadyConnected";
    public static final String NOT_CONNECTED = "org.bluez.Error.NotConnected";
    /** The text of the Failed error when the controller gave up on an LE connection attempt. */
    public static final String CONNECTION_ABORT_BY_LOCAL = "le-connection-abort-by-local";
    /** The name dbus-java gives a call that got no answer in time. */
    public static final String NO_REPLY = "org.freedesktop.DBus.Error.NoReply";

    private final String operation;
    private final String objectPath;
    private final String errorName;
    private final String errorText;

    public BlueZCallException(String operation, String objectPath, String errorName, String errorText) {
        super(operation + " on " + objectPath + " failed: " + errorName + (errorText.isEmpty() ? "" : ": " + errorText));
        this.operation = operation;
        this.objectPath = objectPath;
        this.errorName = errorName;
        this.errorText = errorText;
    }

    /** The method, such as {@code Device1.Connect}. */
    public String operation() {
        return operation;
    }

    public String objectPath() {
        return objectPath;
    }

    /** The D-Bus error name, such as {@code org.bluez.Error.Failed}. */
    public String errorName() {
        return errorName;
    }

    /** BlueZ's text, such as {@code le-connection-abort-by-local}; may be empty. */
    public String errorText() {
        return errorText;
    }

    public boolean isInProgress() {
        return IN_PROGRESS.equals(errorName);
    }

    /** The controller aborted the LE connection attempt; a retry usually works. */
    public boolean isConnectionAbort() {
        return errorText.contains(CONNECTION_ABORT_BY_LOCAL);
    }
}
