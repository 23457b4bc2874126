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

    /**
     * The database refused this data, and would refuse it again (a value too long or out of range for its
     * column, a broken constraint: SQLSTATE classes 22 and 23, SQLite's CONSTRAINT, TOOBIG, MISMATCH), as
     * opposed to a database that is down or busy, where trying again later is right.
     */
    public boolean permanent() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof org.sqlite.SQLiteException s) {
                String code = s.getResultCode().name();
                return code.startsWith("SQLITE_CONSTRAINT") || code.equals("SQLITE_TOOBIG") || code.equals("SQLITE_MISMATCH");
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23");
            }
        }
        return false;
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
