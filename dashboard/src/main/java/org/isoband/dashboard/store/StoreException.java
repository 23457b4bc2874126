package org.isoband.dashboard.store;

import java.sql.SQLException;

/** A database operation that failed, naming what was being done and in which database (password hidden). */
public final class StoreException extends RuntimeException {
    private final String operation;
    private final String database;

    public StoreException(String operation, String database, Throwable cause) {
        super("cannot " + operation + " in " + database + ": " + reason(cause), cause);
        this.operation = operation;
        this.database = database;
    }

    private static String reason(Throwable cause) {
        if (cause instanceof SQLException sql && sql.getMessage() != null) {
            return sql.getMessage();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** What was being done, e.g. "store rep 1b9d...". */
    public String operation() {
        return operation;
    }

    /** The database's JDBC URL with any password hidden. */
    public String database() {
        return database;
    }
}
