package org.isoband.dashboard.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.isoband.core.message.ForceBatch;
import org.isoband.core.message.RepMessage;
import org.isoband.core.message.StateMessage;
import org.isoband.dashboard.ingest.IngestCounts;
import org.isoband.dashboard.ingest.LiveState;
import org.isoband.dashboard.store.ForceCurve;
import org.isoband.dashboard.store.History;
import org.isoband.dashboard.store.RepStore;
import org.isoband.dashboard.store.StoredRep;

/**
 * The JSON of the API (docs/dashboard.md). Field names and units follow the MQTT contract's payloads
 * (snake_case, seconds, newtons, ISO-8601 UTC instants); numbers that are not known are null.
 */
final class ApiJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiJson() {
    }

    static ObjectNode rep(StoredRep stored) {
        RepMessage r = stored.rep();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", r.id());
        o.put("gateway", r.gateway());
        o.put("band", r.band());
        o.put("session", r.session());
        o.put("leg", r.leg());
        if (r.angle() == null) {
            o.putNull("angle");
        } else {
            o.put("angle", r.angle().intValue());
        }
        o.put("rep", r.rep());
        o.put("start", r.start().toString());
        o.put("end", r.end().toString());
        number(o, "steady_s", r.steadyS());
        number(o, "target_s", r.targetS());
        o.put("verdict", r.verdict().name());
        number(o, "mean_n", r.meanN());
        number(o, "peak_n", r.peakN());
        number(o, "cv_pct", r.cvPct());
        number(o, "drift_pct", r.driftPct());
        number(o, "rest_n", r.restN());
        number(o, "amplitude_n", r.amplitudeN());
        o.put("dropped", r.dropped());
        o.put("has_curve", stored.hasCurve());
        StrengthJson.place(o, r);
        return o;
    }

    static ArrayNode reps(List<StoredRep> reps) {
        ArrayNode a = MAPPER.createArrayNode();
        reps.forEach(r -> a.add(rep(r)));
        return a;
    }

    static ObjectNode curve(StoredRep stored, ForceCurve curve) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", stored.rep().id());
        o.put("start", stored.rep().start().toString());
        o.put("end", stored.rep().end().toString());
        ArrayNode t = o.putArray("t_ms");
        for (double v : curve.offsetsMs()) {
            t.add(v);
        }
        ArrayNode n = o.putArray("n");
        for (double v : curve.newtons()) {
            n.add(v);
        }
        return o;
    }

    static ObjectNode history(History h, String gateway, String band) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("gateway", gateway);
        o.put("band", band);
        o.put("zone", h.zone().getId());
        o.put("sessions_target", h.sessionsTarget());
        ArrayNode series = o.putArray("series");
        h.series().forEach(series::add);
        ObjectNode totals = o.putObject("totals");
        totals.put("reps", h.reps());
        totals.put("held", h.held());
        number(totals, "held_pct", h.reps() == 0 ? Double.NaN : round(100.0 * h.held() / h.reps(), 1));
        totals.put("sessions", h.sessions());
        totals.put("weeks", h.weeks().size());
        totals.put("weeks_on_target", h.weeksOnTarget());
        ArrayNode weeks = o.putArray("weeks");
        for (History.Week w : h.weeks()) {
            ObjectNode wk = weeks.addObject();
            wk.put("week", w.start().toString());
            wk.put("sessions", w.sessions());
            wk.put("reps", w.reps());
            wk.put("held", w.held());
            number(wk, "held_pct", round(w.heldPct(), 1));
            ObjectNode steady = wk.putObject("steady_s");
            for (Map.Entry<String, Double> e : w.steadyS().entrySet()) {
                steady.put(e.getKey(), e.getValue());
            }
            ObjectNode legs = wk.putObject("steady_by_leg_s");
            legs.put("right", w.steadyRightS());
            legs.put("left", w.steadyLeftS());
            ObjectNode amplitude = wk.putObject("held_amplitude_n");
            number(amplitude, "right", round(w.amplitudeRightN(), 2));
            number(amplitude, "left", round(w.amplitudeLeftN(), 2));
            number(wk, "asymmetry_pct", round(w.asymmetryPct(), 1));
            wk.put("on_target", w.metTarget(h.sessionsTarget()));
        }
        return o;
    }

    static ObjectNode live(LiveState live) {
        ObjectNode o = MAPPER.createObjectNode();
        ObjectNode gateways = o.putObject("gateways");
        live.gateways().forEach((g, online) -> gateways.put(g, online ? "online" : "offline"));
        ArrayNode states = o.putArray("states");
        for (StateMessage s : live.states()) {
            states.add(parse(s.toJson()));
        }
        ArrayNode forces = o.putArray("forces");
        for (ForceBatch f : live.forces()) {
            forces.add(parse(f.toJson()));
        }
        return o;
    }

    static ArrayNode bands(List<RepStore.BandName> stored, LiveState live) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        stored.forEach(b -> keys.add(b.gateway() + "/" + b.band()));
        live.states().forEach(s -> keys.add(s.gateway() + "/" + s.band()));
        ArrayNode a = MAPPER.createArrayNode();
        for (String k : keys) {
            int slash = k.indexOf('/');
            ObjectNode b = a.addObject();
            b.put("gateway", k.substring(0, slash));
            b.put("band", k.substring(slash + 1));
        }
        return a;
    }

    static ObjectNode counts(IngestCounts c, boolean brokerConnected, String broker) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("broker", broker);
        o.put("broker_connected", brokerConnected);
        o.put("reps", c.reps());
        o.put("duplicates", c.duplicates());
        o.put("curves", c.curves());
        o.put("states", c.states());
        o.put("force_batches", c.forceBatches());
        o.put("sessions", c.sessions());
        o.put("statuses", c.statuses());
        o.put("malformed", c.malformed());
        o.put("ignored", c.ignored());
        ObjectNode byTopic = o.putObject("malformed_by_topic");
        c.malformedByTopic().forEach(byTopic::put);
        return o;
    }

    static ObjectNode status(String gateway, boolean online) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("gateway", gateway);
        o.put("status", online ? "online" : "offline");
        return o;
    }

    static ObjectNode error(String message) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("error", message);
        return o;
    }

    static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a message record wrote invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static void number(ObjectNode o, String field, double value) {
        if (Double.isFinite(value)) {
            o.put(field, value);
        } else {
            o.putNull(field);
        }
    }

    static double round(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return value;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
