package org.isoband.dashboard.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * One JDBC database holding the dashboard's history, with its schema brought up to date by Flyway on open.
 *
 * <p>One connection, used by one thread at a time: a home dashboard has one writer (the MQTT ingest) and a few
 * readers (browsers), SQLite serializes writers anyway, and a single connection keeps SQLite and PostgreSQL on
 * the same code path without a pool. A connection that broke (a restarted PostgreSQL) is reopened once per
 * operation.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Work done with the connection; commits are the caller's (auto-commit is off). */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final String url;
    private final String shown;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;

    private Database(String url) {
        this.url = url;
        this.shown = redacted(url);
    }

    /**
     * Opens {@code location}, a JDBC URL ({@code jdbc:postgresql://...}) or a file path for SQLite (created with
     * its folders when missing; {@code ~/} means the home folder), and migrates its schema.
     */
    public static Database open(String location) {
        String url = jdbcUrl(location);
        Database db = new Database(url);
        db.migrate();
        try {
            db.call("connect", c -> null);
        } catch (StoreException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /** The JDBC URL for a location given by the user: a JDBC URL as it is, a file path as a SQLite URL. */
    static String jdbcUrl(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("no database given: a file path for SQLite or a JDBC URL");
        }
        String trimmed = location.trim();
        if (trimmed.startsWith("jdbc:")) {
            return trimmed;
        }
        Path file = trimmed.startsWith("~/") ? Path.of(System.getProperty("user.home"), trimmed.substring(2)) : Path.of(trimmed);
        file = file.toAbsolutePath().normalize();
        Path parent = file.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new StoreException("create the folder " + parent, "jdbc:sqlite:" + file, e);
            }
        }
        return "jdbc:sqlite:" + file;
    }

    /** The URL with any {@code password=...} parameter hidden, for messages and logs. */
    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("://([^/:@]+):[^/@]*@", "://$1:***@");
    }

    private void migrate() {
        try {
            MigrateResult result = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(url, null, null)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.atInfo().log(() -> "database " + shown + ": schema migrated to version " + result.targetSchemaVersion);
            }
        } catch (FlywayException e) {
            throw new StoreException("migrate the schema", shown, e);
        }
    }

    public boolean isSqlite() {
        return url.startsWith("jdbc:sqlite:");
    }

    /** The JDBC URL with any password hidden. */
    public String describe() {
        return shown;
    }

    /**
     * Runs {@code work} on the connection, committing when it returns and rolling back when it throws. When the
     * connection turns out to be broken, it is reopened and the work tried once more: every write is an
     * idempotent insert, so a retry cannot count anything twice.
     */
    public <T> T call(String operation, Work<T> work) {
        lock.lock();
        try {
            try {
                return attempt(work);
            } catch (SQLException first) {
                if (connection != null && isValid(connection)) {
                    throw new StoreException(operation, shown, first);
                }
                LOG.warn("database " + shown + ": connection lost (" + first.getMessage() + "), reconnecting");
                closeConnection();
                try {
                    return attempt(work);
                } catch (SQLException second) {
                    closeConnection();
                    throw new StoreException(operation, shown, second);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private <T> T attempt(Work<T> work) throws SQLException {
        Connection c = connection();
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is gone; the caller finds out through the first exception
            }
            throw e;
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            Connection c = DriverManager.getConnection(url);
            if (isSqlite()) {
                // WAL with synchronous=NORMAL: a commit is an append, not an fsync, so thousands of reps a second
                // fit; a power cut may lose the last few commits but never corrupts the file. busy_timeout lets
                // Flyway's or a second process's brief locks pass instead of failing at once.
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA journal_mode=WAL");
                    s.execute("PRAGMA synchronous=NORMAL");
                    s.execute("PRAGMA busy_timeout=5000");
                    s.execute("PRAGMA foreign_keys=ON");
                }
            }
            c.setAutoCommit(false);
            connection = c;
        }
        return connection;
    }

    private static boolean isValid(Connection c) {
        try {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing " + shown, e);
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closeConnection();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "Database[" + shown + "]";
    }
}
