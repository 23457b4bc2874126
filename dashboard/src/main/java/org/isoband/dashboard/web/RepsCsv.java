package org.isoband.dashboard.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import org.isoband.core.message.PlanPlace;
import org.isoband.core.message.RepMessage;
import org.isoband.core.message.ZoneFigures;
import org.isoband.core.unit.ForceUnit;
import org.isoband.dashboard.store.StoredRep;

/**
 * Reps as CSV (RFC 4180): a header row, then one row per rep with the fields of the JSON API, for people: force
 * in the chosen unit (the column names say it: {@code mean_kg}), angles numbered from 1 as the page and the Pi
 * say them, with their names. Text fields that a spreadsheet would take for a formula get a leading apostrophe, so that opening an
 * export never runs anything a gateway put in a name.
 */
final class RepsCsv {
    private final Writer out;
    private final ForceUnit unit;

    RepsCsv(Writer out, ForceUnit unit) {
        this.out = out;
        this.unit = unit;
        line(header(unit));
    }

    /** The header row for force in {@code unit}. */
    static String header(ForceUnit unit) {
        String u = unit.suffix();
        return "id,gateway,band,session,leg,angle,angle_name,rep,plan_rep,plan_reps,attempt,start,end,steady_s,target_s,"
                + "verdict,mean" + u + ",peak" + u + ",cv_pct,drift_pct,rest" + u + ",amplitude" + u + ",dropped,has_curve,"
                + "max" + u + ",zone_low_pct,zone_high_pct,time_in_zone_s,pct_of_max";
    }

    void add(StoredRep stored) {
        RepMessage r = stored.rep();
        PlanPlace p = r.place();
        ZoneFigures z = r.zone();
        StringBuilder sb = new StringBuilder(240);
        text(sb, r.id()).append(',');
        text(sb, r.gateway()).append(',');
        text(sb, r.band()).append(',');
        text(sb, r.session()).append(',');
        text(sb, r.leg()).append(',');
        sb.append(r.angle() == null ? "" : String.valueOf(r.angle() + 1)).append(',');
        text(sb, p == null ? null : p.angleName()).append(',');
        sb.append(r.rep()).append(',');
        sb.append(p == null ? "" : String.valueOf(p.planRep())).append(',');
        sb.append(p == null ? "" : String.valueOf(p.planReps())).append(',');
        sb.append(p == null ? "" : String.valueOf(p.attempt())).append(',');
        sb.append(r.start()).append(',');
        sb.append(r.end()).append(',');
        number(sb, r.steadyS()).append(',');
        number(sb, r.targetS()).append(',');
        sb.append(r.verdict().name()).append(',');
        force(sb, r.meanN()).append(',');
        force(sb, r.peakN()).append(',');
        number(sb, r.cvPct()).append(',');
        number(sb, r.driftPct()).append(',');
        force(sb, r.restN()).append(',');
        force(sb, r.amplitudeN()).append(',');
        sb.append(r.dropped()).append(',');
        sb.append(stored.hasCurve()).append(',');
        force(sb, z == null ? Double.NaN : z.maxN()).append(',');
        number(sb, z == null ? Double.NaN : z.lowPct()).append(',');
        number(sb, z == null ? Double.NaN : z.highPct()).append(',');
        number(sb, z == null ? Double.NaN : z.timeInZoneS()).append(',');
        number(sb, z == null ? Double.NaN : z.pctOfMax());
        line(sb.toString());
    }

    /** Newtons as stored; other units to the hundredth, which is finer than any band sensor resolves. */
    private StringBuilder force(StringBuilder sb, double newtons) {
        if (unit == ForceUnit.N || !Double.isFinite(newtons)) {
            return number(sb, newtons);
        }
        return number(sb, Math.round(unit.fromNewtons(newtons) * 100) / 100.0);
    }

    static StringBuilder text(StringBuilder sb, String value) {
        if (value == null) {
            return sb;
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            sb.append('"').append(v.replace("\"", "\"\"")).append('"');
        } else {
            sb.append(v);
        }
        return sb;
    }

    static StringBuilder number(StringBuilder sb, double value) {
        if (Double.isFinite(value)) {
            // plain digits, never 1.0E-5: spreadsheets and scripts read both, people only the first
            sb.append(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
        }
        return sb;
    }

    private void line(String text) {
        try {
            out.write(text);
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
