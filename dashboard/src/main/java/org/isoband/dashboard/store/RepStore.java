package org.isoband.dashboard.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.isoband.core.detect.Verdict;
import org.isoband.core.message.RepMessage;
import org.isoband.core.message.SessionSummary;

/**
 * The rep history: rep events keyed by their id, so that a rep delivered twice (a gateway's outbox resending
 * after a reconnect) is stored once; the force curve of a rep when it was seen; session summaries.
 */
public final class RepStore {
    static final String REP_COLUMNS = "id, gateway, band, session_id, leg, angle, rep_no, start_ms, end_ms, "
            + "steady_s, target_s, verdict, mean_n, peak_n, cv_pct, drift_pct, rest_n, amplitude_n, dropped, "
            + "angle_name, plan_rep, plan_reps, attempt, max_n, zone_low_pct, zone_high_pct, time_in_zone_s, pct_of_max";

    /** A band as it appears in the history: the gateway it was on, and its name. */
    public record BandName(String gateway, String band) {
    }

    private final Database db;

    public RepStore(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    /**
     * Stores a rep and, when given, its force curve; returns false, storing nothing, when a rep with the same id
     * is already there. {@code INSERT ... ON CONFLICT DO NOTHING} is understood by SQLite and PostgreSQL alike,
     * and decides atomically, so two deliveries racing each other still count once.
     */
    public boolean add(RepMessage rep, ForceCurve curve, Instant received) {
        return db.call("store rep " + rep.id(), c -> {
            int inserted;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO rep (" + REP_COLUMNS + ", received_ms) VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                int i = 0;
                s.setString(++i, rep.id());
                s.setString(++i, rep.gateway());
                s.setString(++i, rep.band());
                s.setString(++i, rep.session());
                s.setString(++i, rep.leg());
                if (rep.angle() == null) {
                    s.setNull(++i, Types.INTEGER);
                } else {
                    s.setInt(++i, rep.angle());
                }
                s.setInt(++i, rep.rep());
                s.setLong(++i, rep.start().toEpochMilli());
                s.setLong(++i, rep.end().toEpochMilli());
                s.setDouble(++i, finiteOr(rep.steadyS(), 0));
                s.setDouble(++i, rep.targetS());
                s.setString(++i, rep.verdict().name());
                for (double v : new double[] {rep.meanN(), rep.peakN(), rep.cvPct(), rep.driftPct(), rep.restN(), rep.amplitudeN()}) {
                    setNumber(s, ++i, v);
                }
                s.setLong(++i, rep.dropped());
                i = RepColumns.bindStrength(s, i, rep);
                s.setLong(++i, received.toEpochMilli());
                inserted = s.executeUpdate();
            }
            if (inserted > 0 && curve != null && curve.size() > 0) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO rep_curve (rep_id, t_ms, newtons) VALUES (?, ?, ?)")) {
                    s.setString(1, rep.id());
                    s.setString(2, ForceCurve.encode(curve.offsetsMs(), 1));
                    s.setString(3, ForceCurve.encode(curve.newtons(), 2));
                    s.executeUpdate();
                }
            }
            return inserted > 0;
        });
    }

    /** Stores a session summary; false when one with the same id is already there. */
    public boolean addSession(SessionSummary summary, Instant received) {
        return db.call("store session summary " + summary.id(), c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO session_summary (id, gateway, band, session_id, "
                    + "start_ms, end_ms, reps, held, steady_total_s, best_steady_s, target_s, received_ms) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                s.setString(1, summary.id());
                s.setString(2, summary.gateway());
                s.setString(3, summary.band());
                s.setString(4, summary.session());
                s.setLong(5, summary.start().toEpochMilli());
                s.setLong(6, summary.end().toEpochMilli());
                s.setInt(7, summary.reps());
                s.setInt(8, summary.held());
                s.setDouble(9, finiteOr(summary.steadyTotalS(), 0));
                s.setDouble(10, finiteOr(summary.bestSteadyS(), 0));
                s.setDouble(11, finiteOr(summary.targetS(), 0));
                s.setLong(12, received.toEpochMilli());
                return s.executeUpdate() > 0;
            }
        });
    }

    /** The reps matching {@code query}, oldest first. */
    public List<StoredRep> reps(RepQuery query) {
        List<StoredRep> all = new ArrayList<>();
        forEach(query, all::add);
        return all;
    }

    /**
     * Hands each rep matching {@code query} to {@code sink}, oldest first, without collecting them (CSV export of
     * years of reps). The sink runs while the database is held: it must not call back into the store.
     */
    public void forEach(RepQuery query, Consumer<StoredRep> sink) {
        StringBuilder sql = new StringBuilder("SELECT ").append(prefixed(REP_COLUMNS))
                .append(", (SELECT COUNT(*) FROM rep_curve c WHERE c.rep_id = r.id) AS curves FROM rep r WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.gateway() != null) {
            sql.append(" AND r.gateway = ?");
            args.add(query.gateway());
        }
        if (query.band() != null) {
            sql.append(" AND r.band = ?");
            args.add(query.band());
        }
        if (query.leg() != null) {
            sql.append(" AND r.leg = ?");
            args.add(query.leg());
        }
        if (query.from() != null) {
            sql.append(" AND r.start_ms >= ?");
            args.add(query.from().toEpochMilli());
        }
        if (query.to() != null) {
            sql.append(" AND r.start_ms < ?");
            args.add(query.to().toEpochMilli());
        }
        sql.append(" ORDER BY r.start_ms, r.id");
        if (query.limit() > 0) {
            sql.append(" LIMIT ").append(query.limit());
        }
        db.call("read reps", c -> {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    s.setObject(i + 1, args.get(i));
                }
                s.setFetchSize(1000);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        sink.accept(new StoredRep(rep(r), r.getLong("curves") > 0));
                    }
                }
            }
            return null;
        });
    }

    /** The force curve stored with a rep; empty when the rep is unknown or its curve was not seen. */
    public Optional<ForceCurve> curve(String repId) {
        return db.call("read the force curve of rep " + repId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT t_ms, newtons FROM rep_curve WHERE rep_id = ?")) {
                s.setString(1, repId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new ForceCurve(ForceCurve.decode(r.getString(1)), ForceCurve.decode(r.getString(2))));
                }
            }
        });
    }

    /** One rep by id. */
    public Optional<StoredRep> rep(String id) {
        return db.call("read rep " + id, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + prefixed(REP_COLUMNS)
                    + ", (SELECT COUNT(*) FROM rep_curve c WHERE c.rep_id = r.id) AS curves FROM rep r WHERE r.id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new StoredRep(rep(r), r.getLong("curves") > 0)) : Optional.empty();
                }
            }
        });
    }

    /** Every gateway and band that has reps, sorted. */
    public List<BandName> bands() {
        return db.call("list bands", c -> {
            List<BandName> bands = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT gateway, band FROM rep ORDER BY gateway, band");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    bands.add(new BandName(r.getString(1), r.getString(2)));
                }
            }
            return bands;
        });
    }

    /** When the newest stored rep of {@code gateway} ended: where a replay after a broker that forgot us starts. */
    public Optional<Instant> latestEnd(String gateway) {
        return db.call("find the newest rep of " + gateway, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT max(end_ms) FROM rep WHERE gateway = ?")) {
                s.setString(1, gateway);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    long ms = rs.getLong(1);
                    return rs.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(ms));
                }
            }
        });
    }

    public long count() {
        return db.call("count reps", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM rep"); ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    public long sessionSummaries() {
        return db.call("count session summaries", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM session_summary"); ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    static RepMessage rep(ResultSet r) throws SQLException {
        Integer angle = r.getInt("angle");
        if (r.wasNull()) {
            angle = null;
        }
        return new RepMessage(r.getString("id"), r.getString("gateway"), r.getString("band"), r.getString("session_id"),
                r.getString("leg"), angle, r.getInt("rep_no"), Instant.ofEpochMilli(r.getLong("start_ms")),
                Instant.ofEpochMilli(r.getLong("end_ms")), r.getDouble("steady_s"), r.getDouble("target_s"),
                Verdict.valueOf(r.getString("verdict")), number(r, "mean_n"), number(r, "peak_n"), number(r, "cv_pct"),
                number(r, "drift_pct"), number(r, "rest_n"), number(r, "amplitude_n"), r.getLong("dropped"),
                RepColumns.place(r), RepColumns.zone(r));
    }

    static String prefixed(String columns) {
        return "r." + columns.replace(", ", ", r.");
    }

    private static double number(ResultSet r, String column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? Double.NaN : v;
    }

    // JSON has no NaN and the contract writes null for "unknown": the database says NULL the same way.
    private static void setNumber(PreparedStatement s, int index, double value) throws SQLException {
        if (Double.isFinite(value)) {
            s.setDouble(index, value);
        } else {
            s.setNull(index, Types.DOUBLE);
        }
    }

    private static double finiteOr(double value, double fallback) {
        return Double.isFinite(value) ? value : fallback;
    }

    @Override
    public String toString() {
        return "RepStore[" + db.describe() + "]";
    }
}
