package org.isoband.dashboard.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.isoband.core.message.MaxTestMessage;
import org.isoband.core.message.RepMessage;
import org.isoband.core.unit.ForceDisplay;
import org.isoband.core.unit.ForceUnit;
import org.isoband.dashboard.store.ForceCurve;
import org.isoband.dashboard.store.History;
import org.isoband.dashboard.store.RepQuery;
import org.isoband.dashboard.store.StoredRep;
import org.isoband.dashboard.store.StrengthHistory;
import org.isoband.dashboard.store.StrengthStore;

/**
 * The training log's endpoints (docs/dashboard.md): {@code /api/settings}, {@code /api/sessions},
 * {@code /api/sessions/{id}} and {@code /api/strength}. Parameters are checked as in the rest of the API.
 */
final class StrengthRoutes {
    private static final int MAX_SESSIONS = 500;

    private final WebServer.Sources sources;
    private final StrengthStore strength;
    private final Clock clock;
    private final ZoneId zone;
    private final int sessionsTarget;
    private final ForceDisplay units;

    StrengthRoutes(WebServer.Sources sources, StrengthStore strength, Clock clock, int sessionsTarget, ForceDisplay units) {
        this.sources = sources;
        this.strength = strength;
        this.clock = clock;
        this.zone = clock.getZone();
        this.sessionsTarget = sessionsTarget;
        this.units = units;
    }

    void register(Javalin app) {
        app.get("/api/settings", ctx -> WebServer.json(ctx, StrengthJson.settings(units, zone.getId(), sessionsTarget)));
        app.get("/api/sessions", this::sessions);
        app.get("/api/sessions/{id}", this::session);
        app.get("/api/strength", this::strength);
    }

    /** {@code unit=N|kg|lb}, or the configured one. */
    static ForceUnit unit(Context ctx, ForceUnit fallback) {
        String v = ctx.queryParam("unit");
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            return ForceUnit.parse(v.length() > 10 ? v.substring(0, 10) : v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unit must be N, kg or lb, got \"" + (v.length() > 10 ? v.substring(0, 10) : v) + "\"");
        }
    }

    /** The range of days {@code from}..{@code to} (dates, inclusive), by default the last {@code weeks} weeks. */
    private Instant[] range(Context ctx, int defaultWeeks) {
        String toParam = ctx.queryParam("to");
        String fromParam = ctx.queryParam("from");
        LocalDate last = toParam == null || toParam.isEmpty() ? LocalDate.now(clock) : WebServer.date("to", toParam);
        LocalDate first = fromParam == null || fromParam.isEmpty()
                ? History.weekOf(last).minusWeeks(defaultWeeks - 1L) : WebServer.date("from", fromParam);
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("from (" + first + ") is after to (" + last + ")");
        }
        return new Instant[] {first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant()};
    }

    private void sessions(Context ctx) {
        String gateway = WebServer.name(ctx, "gateway");
        String band = WebServer.name(ctx, "band");
        Instant[] r = range(ctx, 52);
        int limit = WebServer.integer(ctx, "limit", 100, 1, MAX_SESSIONS);
        WebServer.json(ctx, StrengthJson.sessions(strength.sessions(gateway, band, r[0], r[1], limit)));
    }

    private void session(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.length() > 128) {
            throw new IllegalArgumentException("a session id has at most 128 characters");
        }
        List<StoredRep> reps = strength.sessionReps(id);
        if (reps.isEmpty()) {
            WebServer.error(ctx, HttpStatus.NOT_FOUND, "no session with id " + id);
            return;
        }
        Map<String, ForceCurve> curves = new HashMap<>();
        for (StoredRep r : reps) {
            if (r.hasCurve()) {
                sources.store().curve(r.rep().id()).ifPresent(c -> curves.put(r.rep().id(), c));
            }
        }
        WebServer.json(ctx, StrengthJson.session(id, reps, curves, strength.maxTestsOfSession(id)));
    }

    private void strength(Context ctx) {
        int weeks = WebServer.integer(ctx, "weeks", 12, 1, WebServer.MAX_WEEKS);
        String toParam = ctx.queryParam("to");
        LocalDate last = toParam == null || toParam.isEmpty() ? LocalDate.now(clock) : WebServer.date("to", toParam);
        LocalDate first = History.weekOf(last).minusWeeks(weeks - 1L);
        String gateway = WebServer.name(ctx, "gateway");
        String band = WebServer.name(ctx, "band");
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        List<RepMessage> reps = new ArrayList<>();
        sources.store().forEach(new RepQuery(gateway, band, null, from, to, 0), r -> reps.add(r.rep()));
        List<MaxTestMessage> tests = strength.maxTests(gateway, band, from, to);
        StrengthHistory h = StrengthHistory.of(reps, tests, zone, first, last);
        WebServer.json(ctx, StrengthJson.strength(h, tests, gateway, band));
    }
}
