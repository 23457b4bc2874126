package org.isoband.dashboard.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.isoband.core.message.MaxTestMessage;

/**
 * The training log's side of the history: maximum tests (once per id, like reps), the sessions as a list and
 * each session's reps. Reads and writes the same {@link Database} as the {@link RepStore}.
 */
public final class StrengthStore {
    private final Database db;

    public StrengthStore(Database db) {
        this.db = db;
    }

    /** Stores a maximum test's result; false when one with the same id is already there. */
    public boolean addMaxTest(MaxTestMessage m, Instant received) {
        return db.call("store max test " + m.id(), c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO max_test (id, gateway, band, session_id, leg, angle, "
                    + "angle_name, at_ms, max_n, pulls_n, received_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (id) DO NOTHING")) {
                s.setString(1, m.id());
                s.setString(2, m.gateway());
                s.setString(3, m.band());
                s.setString(4, m.session());
                s.setString(5, m.leg());
                s.setInt(6, m.angle());
                s.setString(7, m.angleName());
                s.setLong(8, m.at().toEpochMilli());
                s.setDouble(9, m.maxN());
                s.setString(10, Arrays.stream(m.pullsN()).mapToObj(v -> Double.isFinite(v) ? String.valueOf(v) : "")
                        .collect(Collectors.joining(",")));
                s.setLong(11, received.toEpochMilli());
                return s.executeUpdate() > 0;
            }
        });
    }

    /** Maximum tests of a band (null: any) made in [from, to), oldest first. */
    public List<MaxTestMessage> maxTests(String gateway, String band, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("SELECT * FROM max_test WHERE at_ms >= ? AND at_ms < ?");
        List<Object> args = new ArrayList<>(List.of(from.toEpochMilli(), to.toEpochMilli()));
        filter(sql, args, gateway, band, "");
        sql.append(" ORDER BY at_ms, id");
        return db.call("read max tests", c -> {
            List<MaxTestMessage> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                bind(s, args);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(maxTest(r));
                    }
                }
            }
            return out;
        });
    }

    /** Maximum tests made in one session. */
    public List<MaxTestMessage> maxTestsOfSession(String session) {
        return db.call("read the max tests of session " + session, c -> {
            List<MaxTestMessage> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM max_test WHERE session_id = ? ORDER BY at_ms")) {
                s.setString(1, session);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(maxTest(r));
                    }
                }
            }
            return out;
        });
    }

    /** The sessions with a rep in [from, to), newest first, at most {@code limit}. */
    public List<SessionRow> sessions(String gateway, String band, Instant from, Instant to, int limit) {
        StringBuilder sql = new StringBuilder("SELECT r.gateway, r.band, r.session_id, MIN(r.start_ms) AS s, MAX(r.end_ms) AS e, "
                + "COUNT(*) AS n, SUM(CASE WHEN r.verdict = 'HELD' THEN 1 ELSE 0 END) AS held, SUM(r.steady_s) AS steady, "
                + "SUM(COALESCE(r.time_in_zone_s, 0)) AS in_zone, COUNT(r.max_n) AS zoned, "
                + "(SELECT COUNT(*) FROM max_test m WHERE m.session_id = r.session_id) AS tests "
                + "FROM rep r WHERE r.start_ms >= ? AND r.start_ms < ?");
        List<Object> args = new ArrayList<>(List.of(from.toEpochMilli(), to.toEpochMilli()));
        filter(sql, args, gateway, band, "r.");
        sql.append(" GROUP BY r.gateway, r.band, r.session_id ORDER BY s DESC LIMIT ").append(Math.max(1, limit));
        return db.call("list sessions", c -> {
            List<SessionRow> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                bind(s, args);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new SessionRow(r.getString(1), r.getString(2), r.getString(3), Instant.ofEpochMilli(r.getLong("s")),
                                Instant.ofEpochMilli(r.getLong("e")), r.getInt("n"), r.getInt("held"), r.getDouble("steady"),
                                r.getDouble("in_zone"), r.getInt("zoned"), r.getInt("tests")));
                    }
                }
            }
            return out;
        });
    }

    /** The reps of one session, oldest first. */
    public List<StoredRep> sessionReps(String session) {
        return db.call("read the reps of session " + session, c -> {
            List<StoredRep> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + RepStore.prefixed(RepStore.REP_COLUMNS)
                    + ", (SELECT COUNT(*) FROM rep_curve c WHERE c.rep_id = r.id) AS curves FROM rep r WHERE r.session_id = ? "
                    + "ORDER BY r.start_ms, r.id")) {
                s.setString(1, session);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new StoredRep(RepStore.rep(r), r.getLong("curves") > 0));
                    }
                }
            }
            return out;
        });
    }

    private static void filter(StringBuilder sql, List<Object> args, String gateway, String band, String prefix) {
        if (gateway != null) {
            sql.append(" AND ").append(prefix).append("gateway = ?");
            args.add(gateway);
        }
        if (band != null) {
            sql.append(" AND ").append(prefix).append("band = ?");
            args.add(band);
        }
    }

    private static void bind(PreparedStatement s, List<Object> args) throws java.sql.SQLException {
        for (int i = 0; i < args.size(); i++) {
            s.setObject(i + 1, args.get(i));
        }
    }

    private static MaxTestMessage maxTest(ResultSet r) throws java.sql.SQLException {
        double[] pulls = Arrays.stream(r.getString("pulls_n").split(",", -1))
                .mapToDouble(v -> v.isEmpty() ? Double.NaN : Double.parseDouble(v)).toArray();
        return new MaxTestMessage(r.getString("id"), r.getString("gateway"), r.getString("band"), r.getString("session_id"),
                r.getString("leg"), r.getInt("angle"), r.getString("angle_name"), Instant.ofEpochMilli(r.getLong("at_ms")),
                r.getDouble("max_n"), pulls);
    }
}
