package org.isoband.dashboard.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.isoband.core.message.MaxTestMessage;
import org.isoband.core.message.PlanPlace;
import org.isoband.core.message.RepMessage;
import org.isoband.core.message.ZoneFigures;
import org.isoband.core.unit.ForceDisplay;
import org.isoband.dashboard.store.ForceCurve;
import org.isoband.dashboard.store.SessionRow;
import org.isoband.dashboard.store.StoredRep;
import org.isoband.dashboard.store.StrengthHistory;

/** The JSON of the training log's endpoints (docs/dashboard.md): sessions, strength, settings; newtons throughout. */
final class StrengthJson {
    private StrengthJson() {
    }

    /** The rep's optional schema 2 fields, null when the gateway did not send them. */
    static void place(ObjectNode o, RepMessage r) {
        PlanPlace p = r.place();
        o.put("angle_name", p == null ? null : p.angleName());
        integer(o, "plan_rep", p == null ? null : p.planRep());
        integer(o, "plan_reps", p == null ? null : p.planReps());
        integer(o, "attempt", p == null ? null : p.attempt());
        ZoneFigures z = r.zone();
        ApiJson.number(o, "max_n", z == null ? Double.NaN : z.maxN());
        ApiJson.number(o, "zone_low_pct", z == null ? Double.NaN : z.lowPct());
        ApiJson.number(o, "zone_high_pct", z == null ? Double.NaN : z.highPct());
        ApiJson.number(o, "time_in_zone_s", z == null ? Double.NaN : z.timeInZoneS());
        ApiJson.number(o, "pct_of_max", z == null ? Double.NaN : z.pctOfMax());
    }

    private static void integer(ObjectNode o, String field, Integer v) {
        if (v == null) {
            o.putNull(field);
        } else {
            o.put(field, v.intValue());
        }
    }

    static ObjectNode settings(ForceDisplay units, String zone, int sessionsTarget) {
        ObjectNode o = ApiJson.MAPPER.createObjectNode();
        o.put("unit", units.unit().symbol());
        o.put("newtons_per_unit", units.unit().toNewtons(1));
        ApiJson.number(o, "body_weight_kg", units.bodyWeightKg());
        o.put("zone", zone);
        o.put("sessions_target", sessionsTarget);
        return o;
    }

    static ObjectNode sessionRow(SessionRow s) {
        ObjectNode o = ApiJson.MAPPER.createObjectNode();
        o.put("session", s.session());
        o.put("gateway", s.gateway());
        o.put("band", s.band());
        o.put("start", s.start().toString());
        o.put("end", s.end().toString());
        o.put("reps", s.reps());
        o.put("held", s.held());
        o.put("steady_s", ApiJson.round(s.steadyS(), 1));
        o.put("time_in_zone_s", ApiJson.round(s.timeInZoneS(), 1));
        o.put("zone_reps", s.zoneReps());
        o.put("max_tests", s.maxTests());
        return o;
    }

    static ArrayNode sessions(List<SessionRow> rows) {
        ArrayNode a = ApiJson.MAPPER.createArrayNode();
        rows.forEach(r -> a.add(sessionRow(r)));
        return a;
    }

    static ObjectNode maxTest(MaxTestMessage m) {
        ObjectNode o = (ObjectNode) ApiJson.parse(m.toJson());
        o.remove("schema");
        return o;
    }

    /** One session whole: its reps (each with its curve, or null when it was not stored) and its maximum tests. */
    static ObjectNode session(String id, List<StoredRep> reps, Map<String, ForceCurve> curves, List<MaxTestMessage> tests) {
        ObjectNode o = ApiJson.MAPPER.createObjectNode();
        o.put("session", id);
        RepMessage first = reps.isEmpty() ? null : reps.get(0).rep();
        o.put("gateway", first == null ? null : first.gateway());
        o.put("band", first == null ? null : first.band());
        o.put("start", first == null ? null : first.start().toString());
        o.put("end", first == null ? null : reps.get(reps.size() - 1).rep().end().toString());
        ArrayNode a = o.putArray("reps");
        for (StoredRep r : reps) {
            ObjectNode rep = ApiJson.rep(r);
            ForceCurve c = curves.get(r.rep().id());
            if (c == null) {
                rep.putNull("curve");
            } else {
                ObjectNode curve = rep.putObject("curve");
                ArrayNode t = curve.putArray("t_ms");
                for (double v : c.offsetsMs()) {
                    t.add(v);
                }
                ArrayNode n = curve.putArray("n");
                for (double v : c.newtons()) {
                    n.add(v);
                }
            }
            a.add(rep);
        }
        ArrayNode m = o.putArray("max_tests");
        tests.forEach(t -> m.add(maxTest(t)));
        return o;
    }

    static ObjectNode strength(StrengthHistory h, List<MaxTestMessage> tests, String gateway, String band) {
        ObjectNode o = ApiJson.MAPPER.createObjectNode();
        o.put("gateway", gateway);
        o.put("band", band);
        ArrayNode weeks = o.putArray("weeks");
        h.weeks().stream().map(LocalDate::toString).forEach(weeks::add);
        ArrayNode series = o.putArray("series");
        h.series().forEach(series::add);
        ObjectNode names = o.putObject("angle_names");
        h.angleNames().forEach((i, name) -> names.put(String.valueOf(i), name));
        ObjectNode max = o.putObject("max_n");
        h.maxN().forEach((k, v) -> values(max.putArray(k), v));
        ObjectNode hold = o.putObject("hold_n");
        h.holdN().forEach((k, v) -> values(hold.putArray(k), v));
        ArrayNode asym = o.putArray("asymmetry");
        for (StrengthHistory.Asymmetry a : h.asymmetry()) {
            ObjectNode x = asym.addObject();
            x.put("angle", a.angle());
            x.put("angle_name", h.angleNames().get(a.angle()));
            ApiJson.number(x, "right_n", ApiJson.round(a.rightN(), 2));
            ApiJson.number(x, "left_n", ApiJson.round(a.leftN(), 2));
            ApiJson.number(x, "asymmetry_pct", a.pct());
            x.put("basis", a.basis());
        }
        ArrayNode m = o.putArray("max_tests");
        tests.forEach(t -> m.add(maxTest(t)));
        return o;
    }

    private static void values(ArrayNode a, double[] v) {
        for (double x : v) {
            if (Double.isFinite(x)) {
                a.add(ApiJson.round(x, 2));
            } else {
                a.addNull();
            }
        }
    }
}
