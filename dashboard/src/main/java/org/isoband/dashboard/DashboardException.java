package org.isoband.dashboard;

/**
 * The dashboard could not start: the port is taken, the database cannot be opened or migrated, the broker URL
 * is not one. The message names what and where, in one line for the user.
 */
public final class DashboardException extends RuntimeException {
    public DashboardException(String message, Throwable cause) {
        super(message, cause);
    }
}
