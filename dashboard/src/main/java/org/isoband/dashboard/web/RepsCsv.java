package org.isoband.dashboard.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import org.isoband.core.message.RepMessage;
import org.isoband.dashboard.store.StoredRep;

/**
 * Reps as CSV (RFC 4180): a header row, then one row per rep with the same fields, names and units as the JSON
 * API. Text fields that a spreadsheet would take for a formula get a leading apostrophe, so that opening an
 * export never runs anything a gateway put in a name.
 */
final class RepsCsv {
    static final String HEADER = "id,gateway,band,session,leg,angle,rep,start,end,steady_s,target_s,verdict,"
            + "mean_n,peak_n,cv_pct,drift_pct,rest_n,amplitude_n,dropped,has_curve";

    private final Writer out;

    RepsCsv(Writer out) {
        this.out = out;
        line(HEADER);
    }

    void add(StoredRep stored) {
        RepMessage r = stored.rep();
        StringBuilder sb = new StringBuilder(200);
        text(sb, r.id()).append(',');
        text(sb, r.gateway()).append(',');
        text(sb, r.band()).append(',');
        text(sb, r.session()).append(',');
        text(sb, r.leg()).append(',');
        sb.append(r.angle() == null ? "" : r.angle().toString()).append(',');
        sb.append(r.rep()).append(',');
        sb.append(r.start()).append(',');
        sb.append(r.end()).append(',');
        number(sb, r.steadyS()).append(',');
        number(sb, r.targetS()).append(',');
        sb.append(r.verdict().name()).append(',');
        number(sb, r.meanN()).append(',');
        number(sb, r.peakN()).append(',');
        number(sb, r.cvPct()).append(',');
        number(sb, r.driftPct()).append(',');
        number(sb, r.restN()).append(',');
        number(sb, r.amplitudeN()).append(',');
        sb.append(r.dropped()).append(',');
        sb.append(stored.hasCurve());
        line(sb.toString());
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
