package org.isoband.gateway.runtime;

/**
 * The configured sensor cannot be opened (no GPIO on this machine, a value the device refuses): the user's
 * setup, not a bug, so the command line reports it as one line with exit code 2. The message names the
 * configuration section and what to try.
 */
public final class SensorUnavailableException extends RuntimeException {
    public SensorUnavailableException(String message) {
        super(message);
    }
}
