package org.isoband.gateway.mqtt;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The durable outbox: a SQLite file (WAL mode, synchronous FULL so a committed event survives a power cut)
 * holding every rep event and session summary from before it is published until the broker acknowledged it,
 * and a while after (see {@link PrunePolicy}). It also remembers which Home Assistant discovery configs were
 * announced, so a band removed from the config can be removed from Home Assistant.
 *
 * <p>Not thread-safe: the publisher thread is its only user. Every failure is an {@link OutboxException}.
 */
public final class Outbox implements AutoCloseable {
    private static final int SCHEMA_VERSION = 1;

    private final Path file;
    private final PrunePolicy policy;
    private final Connection db;
    private Durability durability = Durability.FULL;

    private Outbox(Path file, PrunePolicy policy, Connection db) {
        this.file = file;
        this.policy = policy;
        this.db = db;
    }

    /** Opens (creating if needed) the outbox at {@code file}. */
    public static Outbox open(Path file, PrunePolicy policy) {
        Connection db = null;
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                    rs.next();
                    if (!"wal".equalsIgnoreCase(rs.getString(1))) {
                        throw new SQLException("the file system does not support WAL mode (journal_mode is " + rs.getString(1) + ")");
                    }
                }
                s.execute("PRAGMA synchronous = FULL");
                long pageSize;
                try (ResultSet rs = s.executeQuery("PRAGMA page_size")) {
                    rs.next();
                    pageSize = rs.getLong(1);
                }
                s.execute("PRAGMA max_page_count = " + Math.max(16, policy.maxFileBytes() / pageSize));
                s.execute("""
                        CREATE TABLE IF NOT EXISTS outbox (
                          seq        INTEGER PRIMARY KEY AUTOINCREMENT,
                          id         TEXT NOT NULL UNIQUE,
                          kind       TEXT NOT NULL,
                          band       TEXT NOT NULL,
                          verdict    TEXT,
                          topic      TEXT NOT NULL,
                          payload    TEXT NOT NULL,
                          created_ms INTEGER NOT NULL,
                          sent_ms    INTEGER
                        )""");
                s.execute("CREATE INDEX IF NOT EXISTS outbox_unsent ON outbox(seq) WHERE sent_ms IS NULL");
                s.execute("CREATE INDEX IF NOT EXISTS outbox_reps ON outbox(band, created_ms) WHERE kind = 'rep'");
                s.execute("CREATE TABLE IF NOT EXISTS announced (topic TEXT PRIMARY KEY, band TEXT NOT NULL)");
                s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            }
            return new Outbox(file, policy, db);
        } catch (SQLException e) {
            closeQuietly(db);
            throw new OutboxException(file, "open the outbox", e);
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Stores events in one transaction, in order; an id already stored is left as it was (storing the same
     * event twice is harmless). Returns the entries with their sequence numbers, those already stored omitted.
     */
    public List<OutboxEntry> add(List<OutboxEntry> entries) {
        return add(entries, numbered -> { });
    }

    /**
     * As {@link #add(List)}, and hands the numbered entries to {@code beforeCommit} inside the transaction, just
     * before the commit waits for the disk: the drain publishes them then, so the broker's round trip overlaps the
     * fsync. Not durable yet when it is called: the caller must not take them for stored until this returns.
     */
    public List<OutboxEntry> add(List<OutboxEntry> entries, java.util.function.Consumer<List<OutboxEntry>> beforeCommit) {
        return write("store " + entries.size() + " event(s)", Durability.FULL, () -> {
            List<OutboxEntry> stored = new ArrayList<>(entries.size());
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT OR IGNORE INTO outbox (id, kind, band, verdict, topic, payload, created_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING seq""")) {
                for (OutboxEntry e : entries) {
                    insert.setString(1, e.id());
                    insert.setString(2, e.kind());
                    insert.setString(3, e.band());
                    insert.setString(4, e.verdict());
                    insert.setString(5, e.topic());
                    insert.setString(6, e.payload());
                    insert.setLong(7, e.createdMs());
                    try (ResultSet rs = insert.executeQuery()) {
                        if (rs.next()) {
                            stored.add(e.withSeq(rs.getLong(1)));
                        }
                    }
                }
            }
            // The payload carries its position as the gateway's sequence number, so a consumer sees a gap.
            try (PreparedStatement numbered = db.prepareStatement("UPDATE outbox SET payload = ? WHERE seq = ?")) {
                for (int i = 0; i < stored.size(); i++) {
                    OutboxEntry e = stored.get(i);
                    OutboxEntry withNumber = e.withPayload(Sequence.numbered(e.payload(), e.seq()));
                    stored.set(i, withNumber);
                    numbered.setString(1, withNumber.payload());
                    numbered.setLong(2, e.seq());
                    numbered.executeUpdate();
                }
            }
            beforeCommit.accept(List.copyOf(stored));
            return stored;
        });
    }

    /** Unsent events after {@code afterSeq}, oldest first, at most {@code limit}. */
    public List<OutboxEntry> unsent(long afterSeq, int limit) {
        return select("WHERE sent_ms IS NULL AND seq > ?", afterSeq, limit);
    }

    /** Sent events (the replay log) after {@code afterSeq}, oldest first, at most {@code limit}. */
    public List<OutboxEntry> sent(long afterSeq, int limit) {
        return select("WHERE sent_ms IS NOT NULL AND seq > ?", afterSeq, limit);
    }

    /** The newest sequence number given so far (0 before the first event); pruning does not lower it. */
    public long lastSeq() {
        return count("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0)");
    }

    /** The sequence number of the first event stored at or after {@code sinceMs}, minus one: a replay's start. */
    public long seqBefore(long sinceMs) {
        try (PreparedStatement q = db.prepareStatement("SELECT coalesce(min(seq), ?) - 1 FROM outbox WHERE created_ms >= ?")) {
            q.setLong(1, lastSeq() + 1);
            q.setLong(2, sinceMs);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new OutboxException(file, "find where a replay starts", e);
        }
    }

    private List<OutboxEntry> select(String where, long afterSeq, int limit) {
        try (PreparedStatement q = db.prepareStatement("SELECT seq, id, kind, band, verdict, topic, payload, created_ms FROM outbox "
                + where + " ORDER BY seq LIMIT ?")) {
            q.setLong(1, afterSeq);
            q.setInt(2, limit);
            List<OutboxEntry> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new OutboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new OutboxException(file, "read events", e);
        }
    }

    /**
     * Marks events as acknowledged by the broker, by id, in one transaction. Returns how many were unsent
     * until now (an id already sent, or never stored, counts 0).
     */
    public int markSent(Collection<String> ids, long nowMs) {
        if (ids.isEmpty()) {
            return 0;
        }
        // A mark lost in a power cut only means the event is published once more, and consumers drop the
        // duplicate: marks are committed without waiting for the disk (synchronous NORMAL, still crash-safe
        // in WAL mode), while storing an event waits for it (FULL).
        return write("mark " + ids.size() + " event(s) sent", Durability.RELAXED, () -> {
            int changed = 0;
            try (PreparedStatement u = db.prepareStatement("UPDATE outbox SET sent_ms = ? WHERE id = ? AND sent_ms IS NULL")) {
                for (String id : ids) {
                    u.setLong(1, nowMs);
                    u.setString(2, id);
                    changed += u.executeUpdate();
                }
            }
            return changed;
        });
    }

    /** Deletes sent rows beyond the policy's count and age; unsent rows are kept. Returns rows deleted. */
    public int prune(long nowMs) {
        return write("prune sent events", Durability.RELAXED, () -> {
            try (PreparedStatement old = db.prepareStatement("DELETE FROM outbox WHERE sent_ms IS NOT NULL AND sent_ms < ?");
                 PreparedStatement many = db.prepareStatement("""
                         DELETE FROM outbox WHERE sent_ms IS NOT NULL AND seq NOT IN
                           (SELECT seq FROM outbox WHERE sent_ms IS NOT NULL ORDER BY seq DESC LIMIT ?)""")) {
                old.setLong(1, nowMs - policy.keepSentFor().toMillis());
                int deleted = old.executeUpdate();
                many.setInt(1, policy.keepSentRows());
                return deleted + many.executeUpdate();
            }
        });
    }

    public long unsentCount() {
        return count("SELECT count(*) FROM outbox WHERE sent_ms IS NULL");
    }

    public long size() {
        return count("SELECT count(*) FROM outbox");
    }

    private long count(String sql) {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new OutboxException(file, "count events", e);
        }
    }

    /** The reps of {@code band} stored since {@code sinceMs}: seeds today's counts after a restart. */
    public RepCounts repCounts(String band, long sinceMs) {
        try (PreparedStatement q = db.prepareStatement("""
                SELECT count(*), coalesce(sum(verdict = 'HELD'), 0) FROM outbox
                WHERE kind = 'rep' AND band = ? AND created_ms >= ?""")) {
            q.setString(1, band);
            q.setLong(2, sinceMs);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return new RepCounts(rs.getInt(1), rs.getInt(2));
            }
        } catch (SQLException e) {
            throw new OutboxException(file, "count today's reps", e);
        }
    }

    /** Discovery config topics announced and not yet removed, with their band. */
    public Map<String, String> announced() {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT topic, band FROM announced ORDER BY topic")) {
            Map<String, String> out = new LinkedHashMap<>();
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        } catch (SQLException e) {
            throw new OutboxException(file, "read announced discovery configs", e);
        }
    }

    public void announce(String topic, String band) {
        update("INSERT OR REPLACE INTO announced (topic, band) VALUES (?, ?)", "remember an announced config", topic, band);
    }

    public void forget(String topic) {
        update("DELETE FROM announced WHERE topic = ?", "forget a removed config", topic);
    }

    private void update(String sql, String operation, String... args) {
        write(operation, Durability.FULL, () -> {
            try (PreparedStatement u = db.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    u.setString(i + 1, args[i]);
                }
                return u.executeUpdate();
            }
        });
    }

    /** FULL: the commit waits until the disk has it. RELAXED: crash-safe, but a power cut may undo it. */
    private enum Durability {
        FULL,
        RELAXED
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * One write transaction. Transactions are plain BEGIN/COMMIT statements on a connection in auto-commit
     * mode: after SQLITE_FULL, SQLite may already have rolled the transaction back, and a driver-managed
     * transaction would then be left out of step with the database.
     */
    private <T> T write(String operation, Durability durability, Work<T> work) {
        try (Statement s = db.createStatement()) {
            if (durability != this.durability) {
                s.execute(durability == Durability.FULL ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
                this.durability = durability;
            }
            s.execute("BEGIN IMMEDIATE");
            try {
                T result = work.run();
                s.execute("COMMIT");
                return result;
            } catch (SQLException e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException alreadyRolledBack) {
                    // SQLite ends some failed transactions by itself; the original failure is what matters.
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new OutboxException(file, operation, e);
        }
    }

    @Override
    public void close() {
        closeQuietly(db);
    }

    private static void closeQuietly(Connection db) {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException ignored) {
                // Closing after a failure: nothing more to do.
            }
        }
    }
}
