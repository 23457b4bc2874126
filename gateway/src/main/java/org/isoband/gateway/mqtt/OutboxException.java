package org.isoband.gateway.mqtt;

import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The outbox file could not be read or written: names the file, what was being done, and whether the disk
 * (or the outbox's size cap) is full, so that the publisher can say so in one line and carry on in memory.
 */
public final class OutboxException extends RuntimeException {
    private final Path file;
    private final boolean full;

    OutboxException(Path file, String operation, SQLException cause) {
        super(file + ": cannot " + operation + ": " + reason(cause), cause);
        this.file = file;
        this.full = isFull(cause);
    }

    public Path file() {
        return file;
    }

    /** The disk, or the outbox's own size cap, is full. */
    public boolean full() {
        return full;
    }

    private static boolean isFull(SQLException e) {
        return e instanceof SQLiteException s && s.getResultCode() == SQLiteErrorCode.SQLITE_FULL;
    }

    private static String reason(SQLException e) {
        if (isFull(e)) {
            return "disk or outbox size limit full (SQLITE_FULL)";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
