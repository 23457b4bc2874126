package org.isoband.dashboard.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.isoband.core.message.PlanPlace;
import org.isoband.core.message.RepMessage;
import org.isoband.core.message.ZoneFigures;

/** The rep table's columns of schema 2 (V5): the plan place and the zone figures, NULL for older reps. */
final class RepColumns {
    private RepColumns() {
    }

    /** Binds the nine strength columns after index {@code i}; returns the last index bound. */
    static int bindStrength(PreparedStatement s, int i, RepMessage rep) throws SQLException {
        PlanPlace p = rep.place();
        s.setString(++i, p == null ? null : p.angleName());
        integer(s, ++i, p == null ? null : p.planRep());
        integer(s, ++i, p == null ? null : p.planReps());
        integer(s, ++i, p == null ? null : p.attempt());
        ZoneFigures z = rep.zone();
        number(s, ++i, z == null ? Double.NaN : z.maxN());
        number(s, ++i, z == null ? Double.NaN : z.lowPct());
        number(s, ++i, z == null ? Double.NaN : z.highPct());
        number(s, ++i, z == null ? Double.NaN : z.timeInZoneS());
        number(s, ++i, z == null ? Double.NaN : z.pctOfMax());
        return i;
    }

    static PlanPlace place(ResultSet r) throws SQLException {
        String name = r.getString("angle_name");
        if (name == null) {
            return null;
        }
        return new PlanPlace(name, r.getInt("plan_rep"), r.getInt("plan_reps"), r.getInt("attempt"));
    }

    static ZoneFigures zone(ResultSet r) throws SQLException {
        double max = r.getDouble("max_n");
        if (r.wasNull()) {
            return null;
        }
        double pct = r.getDouble("pct_of_max");
        boolean unknown = r.wasNull();
        return new ZoneFigures(max, r.getDouble("zone_low_pct"), r.getDouble("zone_high_pct"), r.getDouble("time_in_zone_s"),
                unknown ? Double.NaN : pct);
    }

    private static void integer(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    private static void number(PreparedStatement s, int index, double value) throws SQLException {
        if (Double.isFinite(value)) {
            s.setDouble(index, value);
        } else {
            s.setNull(index, Types.DOUBLE);
        }
    }
}
