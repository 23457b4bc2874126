package org.isoband.gateway.session;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.isoband.core.coach.HoldPosition;
import org.isoband.core.coach.Leg;
import org.isoband.core.coach.Maximum;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.isoband.core.coach.PlanPosition;

/**
 * Saves the session as it goes, in the gateway's SQLite file, so that after a crash or a power cut
 * {@code isoband run} can offer to resume where the athlete was; also remembers that the safety notice was
 * read, counts sessions for the weekly target, and keeps the maxima of the maximum tests. Every save is its own transaction (a power cut loses at
 * most the rep in hand).
 */
public final class SessionJournal implements AutoCloseable {
    private final Connection db;
    private final Clock clock;

    public SessionJournal(Path file, Clock clock) throws SQLException {
        this.clock = clock;
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
        this.db = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS coach_session (
                      id TEXT PRIMARY KEY, started TEXT NOT NULL, updated TEXT NOT NULL,
                      leg_index INTEGER NOT NULL, angle_index INTEGER NOT NULL, rep INTEGER NOT NULL,
                      attempt INTEGER NOT NULL, held INTEGER NOT NULL, done INTEGER NOT NULL)""");
            s.execute("CREATE TABLE IF NOT EXISTS coach_flag (name TEXT PRIMARY KEY, value TEXT NOT NULL)");
            // every maximum test result; the newest of each leg and angle is the one the zone is a share of
            s.execute("""
                    CREATE TABLE IF NOT EXISTS coach_maximum (
                      leg TEXT NOT NULL, angle_index INTEGER NOT NULL, max_n REAL NOT NULL, pulls_n TEXT NOT NULL,
                      tested_on TEXT NOT NULL, saved TEXT NOT NULL)""");
        }
    }

    /** Starts a new session at {@code position} and returns its id. */
    public String start(PlanPosition position) throws SQLException {
        String id = UUID.randomUUID().toString();
        String now = clock.instant().toString();
        try (PreparedStatement p = db.prepareStatement(
                "INSERT INTO coach_session VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, id);
            p.setString(2, now);
            p.setString(3, now);
            bind(p, 4, position);
            p.executeUpdate();
        }
        return id;
    }

    public void save(String id, PlanPosition position) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("""
                UPDATE coach_session SET updated = ?, leg_index = ?, angle_index = ?, rep = ?, attempt = ?,
                held = ?, done = ? WHERE id = ?""")) {
            p.setString(1, clock.instant().toString());
            bind(p, 2, position);
            p.setString(8, id);
            if (p.executeUpdate() != 1) {
                throw new SQLException("no session " + id + " in the journal");
            }
        }
    }

    private static void bind(PreparedStatement p, int from, PlanPosition position) throws SQLException {
        p.setInt(from, position.legIndex());
        p.setInt(from + 1, position.angleIndex());
        p.setInt(from + 2, position.rep());
        p.setInt(from + 3, position.attempt());
        p.setInt(from + 4, position.held());
        p.setInt(from + 5, position.done() ? 1 : 0);
    }

    /** The most recent session that was not finished, if it was last saved after {@code since}. */
    public Optional<SavedSession> unfinished(Instant since) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "SELECT * FROM coach_session WHERE done = 0 AND updated >= ?"
                        // a session that never got past its first attempt has nothing to resume
                        + " AND (held > 0 OR rep > 1 OR attempt > 1 OR angle_index > 0 OR leg_index > 0)"
                        + " ORDER BY updated DESC LIMIT 1")) {
            p.setString(1, since.toString());
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                PlanPosition position = new PlanPosition(r.getInt("leg_index"), r.getInt("angle_index"), r.getInt("rep"),
                        r.getInt("attempt"), r.getInt("held"), false);
                return Optional.of(new SavedSession(r.getString("id"), Instant.parse(r.getString("started")),
                        Instant.parse(r.getString("updated")), position));
            }
        }
    }

    /** Sessions started since {@code since} in which at least one rep was held: for the weekly target. */
    public int sessionsSince(Instant since) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT COUNT(*) FROM coach_session WHERE started >= ? AND held > 0")) {
            p.setString(1, since.toString());
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    /** Keeps a maximum test's result. */
    public void saveMaximum(Maximum m) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT INTO coach_maximum VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setString(1, m.position().leg().key());
            p.setInt(2, m.position().angleIndex());
            p.setDouble(3, m.maxN());
            p.setString(4, m.pullsN().stream().map(String::valueOf).collect(Collectors.joining(",")));
            p.setString(5, m.testedOn().toString());
            p.setString(6, clock.instant().toString());
            p.executeUpdate();
        }
    }

    /** The newest maximum of each leg and angle. */
    public List<Maximum> maxima() throws SQLException {
        Map<HoldPosition, Maximum> newest = new LinkedHashMap<>();
        try (PreparedStatement p = db.prepareStatement("SELECT * FROM coach_maximum ORDER BY tested_on, saved");
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                HoldPosition where = new HoldPosition(Leg.valueOf(r.getString("leg").toUpperCase(java.util.Locale.ROOT)),
                        r.getInt("angle_index"));
                List<Double> pulls = Arrays.stream(r.getString("pulls_n").split(",")).filter(x -> !x.isEmpty())
                        .map(Double::valueOf).toList();
                newest.put(where, new Maximum(where, r.getDouble("max_n"), pulls, LocalDate.parse(r.getString("tested_on"))));
            }
        }
        return new ArrayList<>(newest.values());
    }

    public boolean safetyNoticeRead() throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT value FROM coach_flag WHERE name = 'safety_notice_read'");
             ResultSet r = p.executeQuery()) {
            return r.next();
        }
    }

    public void markSafetyNoticeRead() throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO coach_flag VALUES ('safety_notice_read', ?)")) {
            p.setString(1, clock.instant().toString());
            p.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
