package org.isoband.dashboard.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.util.JavalinBindException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.regex.Pattern;
import org.isoband.core.message.RepMessage;
import org.isoband.core.unit.ForceDisplay;
import org.isoband.dashboard.ingest.Ingest;
import org.isoband.dashboard.store.History;
import org.isoband.dashboard.store.RepQuery;
import org.isoband.dashboard.store.RepStore;
import org.isoband.dashboard.store.StoreException;
import org.isoband.dashboard.store.StoredRep;
import org.isoband.dashboard.store.StrengthStore;

/** The HTTP side: the page, the JSON API, the CSV export and the event stream (docs/dashboard.md). */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,64}");
    private static final String STATIC = "/org/isoband/dashboard/web/public";
    /**
     * Scripts and styles from this server only, no framing, no referrer (the token may be in the URL). Chart.js
     * sizes its canvas through style attributes, hence the inline styles.
     */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final int MAX_WEEKS = 260;

    /** What the server shows. */
    public record Sources(RepStore store, Ingest ingest, LiveBroadcast broadcast, BooleanSupplier brokerConnected,
                          String brokerUrl) {
    }

    private final Javalin app;
    private final AccessToken token;
    private final Sources sources;
    private final ZoneId zone;
    private final Clock clock;
    private final int sessionsTarget;
    private final String bind;
    private final ForceDisplay units;

    public WebServer(String bind, String token, Sources sources, Clock clock, int sessionsTarget) {
        this(bind, token, sources, clock, sessionsTarget, ForceDisplay.NEWTONS);
    }

    /** @param units the force unit the page and the CSV show, from the configuration */
    public WebServer(String bind, String token, Sources sources, Clock clock, int sessionsTarget, ForceDisplay units) {
        this.bind = bind;
        this.units = units;
        this.token = new AccessToken(token);
        this.sources = sources;
        this.clock = clock;
        this.zone = clock.getZone();
        this.sessionsTarget = sessionsTarget;
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = STATIC;
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "no-cache", "Content-Security-Policy", CSP,
                        "X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer", "X-Frame-Options", "DENY");
            });
            config.staticFiles.enableWebjars();
        });
        routes();
    }

    /** The dates a query may name: reps are stamped from 1970 on, and 9999 keeps every sum of weeks in range. */
    private static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private void routes() {
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("Content-Security-Policy", CSP);
        });
        app.before("/api/*", this::guard);
        app.before("/events", this::guard);
        app.get("/api/reps", ctx -> json(ctx, ApiJson.reps(sources.store().reps(query(ctx)))));
        app.get("/api/reps.csv", this::csv);
        app.get("/api/reps/{id}/curve", this::curve);
        app.get("/api/today", this::today);
        app.get("/api/history", this::history);
        app.get("/api/live", ctx -> json(ctx, ApiJson.live(sources.ingest().live())));
        app.get("/api/bands", ctx -> json(ctx, ApiJson.bands(sources.store().bands(), sources.ingest().live())));
        app.get("/api/stats", ctx -> json(ctx, ApiJson.counts(sources.ingest().counts(),
                sources.brokerConnected().getAsBoolean(), sources.brokerUrl())));
        new StrengthRoutes(sources, new StrengthStore(sources.store().database()), clock, sessionsTarget, units).register(app);
        app.sse("/events", client -> sources.broadcast().join(client, ApiJson.live(sources.ingest().live()).toString()));
        app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
        app.exception(StoreException.class, (e, ctx) -> {
            LOG.warn(e.getMessage());
            error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "the database is not available: " + e.getMessage());
        });
    }

    private void guard(Context ctx) {
        if (!token.admits(ctx.header("Authorization"), ctx.header("X-Isoband-Token"), ctx.queryParam("token"))) {
            error(ctx, HttpStatus.UNAUTHORIZED, "this dashboard needs its access token: open the page as /?token=... "
                    + "or send the header 'Authorization: Bearer ...'");
            ctx.skipRemainingHandlers();
        }
    }

    /** Starts listening; a port of 0 takes any free one. */
    public WebServer start(int port) {
        try {
            app.start(bind, port);
        } catch (JavalinBindException e) {
            // Javalin calls every bind failure "port already in use", even an address that is not this machine's.
            try {
                java.net.InetAddress.getByName(bind);
            } catch (java.net.UnknownHostException unknown) {
                throw new IllegalStateException("cannot listen on " + bind + ":" + port + ": '" + bind + "' is not an "
                        + "address of this machine (127.0.0.1: this machine only, 0.0.0.0: every network)", e);
            }
            throw new IllegalStateException("cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
        return this;
    }

    public int port() {
        return app.port();
    }

    /** The page's address (on the loopback address when listening on every interface). */
    public String url() {
        String host = bind.equals("0.0.0.0") || bind.equals("::") || bind.isEmpty() ? "127.0.0.1" : bind;
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port() + "/";
    }

    private RepQuery query(Context ctx) {
        String from = ctx.queryParam("from");
        String to = ctx.queryParam("to");
        return new RepQuery(name(ctx, "gateway"), name(ctx, "band"), leg(ctx), from == null ? null : instant("from", from, false),
                to == null ? null : instant("to", to, true), integer(ctx, "limit", 0, 0, Integer.MAX_VALUE));
    }

    private void csv(Context ctx) throws IOException {
        RepQuery query = query(ctx);
        var unit = StrengthRoutes.unit(ctx, units.unit());
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"isoband-reps.csv\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
        RepsCsv csv = new RepsCsv(out, unit);
        sources.store().forEach(query, csv::add);
        out.flush();
    }

    private void curve(Context ctx) {
        String id = ctx.pathParam("id");
        StoredRep rep = sources.store().rep(id).orElse(null);
        if (rep == null) {
            error(ctx, HttpStatus.NOT_FOUND, "no rep with id " + id);
            return;
        }
        var curve = sources.store().curve(id);
        if (curve.isEmpty()) {
            error(ctx, HttpStatus.NOT_FOUND, "the force curve of this rep was not stored: the dashboard did not see "
                    + "its force live (it was offline, or the force batches were lost)");
            return;
        }
        json(ctx, ApiJson.curve(rep, curve.get()));
    }

    private void today(Context ctx) {
        LocalDate day = LocalDate.now(clock);
        RepQuery q = new RepQuery(name(ctx, "gateway"), name(ctx, "band"), null, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant(), 0);
        List<StoredRep> reps = sources.store().reps(q);
        var o = ApiJson.MAPPER.createObjectNode();
        o.put("date", day.toString());
        o.put("zone", zone.getId());
        o.put("reps_total", reps.size());
        o.put("held", reps.stream().filter(r -> r.rep().isHeld()).count());
        o.set("reps", ApiJson.reps(reps));
        json(ctx, o);
    }

    private void history(Context ctx) {
        int weeks = integer(ctx, "weeks", 12, 1, MAX_WEEKS);
        String toParam = ctx.queryParam("to");
        LocalDate last = toParam == null ? LocalDate.now(clock) : date("to", toParam);
        LocalDate first = History.weekOf(last).minusWeeks(weeks - 1L);
        String gateway = name(ctx, "gateway");
        String band = name(ctx, "band");
        RepQuery q = new RepQuery(gateway, band, null, first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant(), 0);
        List<RepMessage> reps = new java.util.ArrayList<>();
        sources.store().forEach(q, r -> reps.add(r.rep()));
        History h = History.of(reps, zone, first, last, sessionsTarget);
        json(ctx, ApiJson.history(h, gateway, band));
    }

    static String name(Context ctx, String param) {
        String v = ctx.queryParam(param);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (!NAME.matcher(v).matches()) {
            throw new IllegalArgumentException(param + " must be a sanitized name ([a-z0-9_-], up to 64), got \""
                    + (v.length() > 40 ? v.substring(0, 40) + "..." : v) + "\"");
        }
        return v;
    }

    private static String leg(Context ctx) {
        String v = ctx.queryParam("leg");
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (!v.equals("right") && !v.equals("left")) {
            throw new IllegalArgumentException("leg must be right or left, got \"" + (v.length() > 20 ? v.substring(0, 20) : v) + "\"");
        }
        return v;
    }

    static int integer(Context ctx, String param, int fallback, int min, int max) {
        String v = ctx.queryParam(param);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new IllegalArgumentException(param + " must be between " + min + " and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(param + " must be a whole number, got \"" + (v.length() > 20 ? v.substring(0, 20) : v) + "\"");
        }
    }

    /**
     * A date ({@code 2026-11-24}, a whole day in the dashboard's zone: {@code to} includes it) or an instant
     * ({@code 2026-11-24T08:00:00Z}).
     */
    private Instant instant(String param, String v, boolean endOfRange) {
        if (v.length() == 10) {
            LocalDate d = date(param, v);
            return (endOfRange ? d.plusDays(1) : d).atStartOfDay(zone).toInstant();
        }
        Instant i;
        try {
            i = Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(param + " must be a date like 2026-11-24 or an instant like "
                    + "2026-11-24T08:00:00Z, got \"" + (v.length() > 40 ? v.substring(0, 40) : v) + "\"");
        }
        if (i.isBefore(FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant())
                || i.isAfter(LAST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            throw outOfRange(param, v);
        }
        return i;
    }

    static LocalDate date(String param, String v) {
        LocalDate d;
        try {
            d = LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(param + " must be a date like 2026-11-24, got \""
                    + (v.length() > 40 ? v.substring(0, 40) : v) + "\"");
        }
        // Far dates parse (LocalDate reaches year -999999999) but overflow the week arithmetic and the store.
        if (d.isBefore(FIRST_DAY) || d.isAfter(LAST_DAY)) {
            throw outOfRange(param, v);
        }
        return d;
    }

    private static IllegalArgumentException outOfRange(String param, String v) {
        return new IllegalArgumentException(param + " must be between " + FIRST_DAY + " and " + LAST_DAY + ", got \""
                + (v.length() > 40 ? v.substring(0, 40) : v) + "\"");
    }

    static void json(Context ctx, Object node) {
        ctx.contentType("application/json; charset=utf-8");
        ctx.header("Cache-Control", "no-store");
        ctx.result(node.toString());
    }

    static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status);
        json(ctx, ApiJson.error(message));
    }

    @Override
    public void close() {
        try {
            app.stop();
        } catch (RuntimeException e) {
            LOG.debug("stopping the web server", e);
        }
    }
}
