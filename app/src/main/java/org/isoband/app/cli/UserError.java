package org.isoband.app.cli;

/**
 * A mistake of the user's (a bad file, a bad value): reported as one line naming what is wrong and where,
 * with exit code 2 and no stack trace.
 */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
