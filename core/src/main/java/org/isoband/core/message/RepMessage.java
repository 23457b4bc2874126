package org.isoband.core.message;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.isoband.core.detect.RepEvent;
import org.isoband.core.detect.Verdict;

/**
 * One finished rep as published on {@code isoband/<gateway>/<band>/rep} (schema version 2,
 * docs/schemas/rep.schema.json; version 1 payloads of older gateways are read too, without place and zone). Consumers de-duplicate by {@link #id}: the gateway may deliver a rep more
 * than once (after a reconnect or a crash) but never with another id.
 *
 * @param id        unique per rep, a UUID string
 * @param gateway   the publishing gateway's name, sanitized for topics
 * @param band      the band's name, sanitized for topics
 * @param session   the session the rep belongs to
 * @param leg       {@code right}, {@code left}, or null when no plan is followed
 * @param angle     0-based hip angle index of the plan, or null
 * @param rep       1-based number of the rep within the session
 * @param start     ramp-up began (UTC, to the millisecond)
 * @param end       release ended (UTC, to the millisecond)
 * @param steadyS   longest steady stretch, seconds
 * @param targetS   the hold target the rep was judged against, seconds
 * @param verdict   the detector's verdict
 * @param meanN     mean tension over the steady stretch, N (NaN when unknown: null in JSON)
 * @param peakN     highest tension, N
 * @param cvPct     coefficient of variation over the steady stretch, %
 * @param driftPct  level change over the stretch, % of amplitude
 * @param restN     rest tension the rep is measured against, N
 * @param amplitudeN mean level above rest, N
 * @param dropped   bad samples dropped while the rep lasted
 * @param place     the angle's name and the plan's rep/try numbering, or null (no plan, or a schema 1 gateway)
 * @param zone      the force zone the rep aimed for and how it went, or null (no maximum for the position)
 */
public record RepMessage(
        String id,
        String gateway,
        String band,
        String session,
        String leg,
        Integer angle,
        int rep,
        Instant start,
        Instant end,
        double steadyS,
        double targetS,
        Verdict verdict,
        double meanN,
        double peakN,
        double cvPct,
        double driftPct,
        double restN,
        double amplitudeN,
        long dropped,
        PlanPlace place,
        ZoneFigures zone) {

    public static final int SCHEMA = 2;
    /** The oldest schema version still read: gateways not yet updated publish it. */
    public static final int OLDEST_SCHEMA = 1;
    static final String KIND = "rep";

    public RepMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(verdict, "verdict");
        Legs.check(leg);
        start = start.truncatedTo(ChronoUnit.MILLIS);
        end = end.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A rep without place and zone (a gateway without a plan or a maximum, or one of schema 1). */
    public RepMessage(String id, String gateway, String band, String session, String leg, Integer angle, int rep,
                      Instant start, Instant end, double steadyS, double targetS, Verdict verdict, double meanN,
                      double peakN, double cvPct, double driftPct, double restN, double amplitudeN, long dropped) {
        this(id, gateway, band, session, leg, angle, rep, start, end, steadyS, targetS, verdict, meanN, peakN, cvPct,
                driftPct, restN, amplitudeN, dropped, null, null);
    }

    /**
     * The message for a detector's rep, with times already on the wall clock and a fresh id. Values are
     * rounded as they will be written, so a message read back equals the one written.
     */
    public static RepMessage of(RepEvent event, Origin origin, Instant start, Instant end, double targetS) {
        return of(event, origin, start, end, targetS, null, null);
    }

    /** The same with the rep's place in the plan and its zone figures (either may be null). */
    public static RepMessage of(RepEvent event, Origin origin, Instant start, Instant end, double targetS,
                                PlanPlace place, ZoneFigures zone) {
        return new RepMessage(UUID.randomUUID().toString(), origin.gateway(), origin.band(), origin.session(),
                origin.leg(), origin.angle(), event.rep(), start, end,
                r(event.steadySeconds(), 3), r(targetS, 3), event.verdict(),
                r(event.meanN(), 2), r(event.peakN(), 2), r(event.cvPct(), 2), r(event.driftPct(), 2),
                r(event.restN(), 2), r(event.amplitudeN(), 2), event.droppedSamples(), place, zone);
    }

    /** The same rep with its zone figures (the dashboard reads them back from its own columns). */
    public RepMessage withZone(ZoneFigures newZone) {
        return new RepMessage(id, gateway, band, session, leg, angle, rep, start, end, steadyS, targetS, verdict, meanN,
                peakN, cvPct, driftPct, restN, amplitudeN, dropped, place, newZone);
    }

    /** The same rep with its place in the plan. */
    public RepMessage withPlace(PlanPlace newPlace) {
        return new RepMessage(id, gateway, band, session, leg, angle, rep, start, end, steadyS, targetS, verdict, meanN,
                peakN, cvPct, driftPct, restN, amplitudeN, dropped, newPlace, zone);
    }

    private static double r(double value, int decimals) {
        return Double.isFinite(value) ? MessageWriter.round(value, decimals) : Double.NaN;
    }

    public String toJson() {
        MessageWriter out = new MessageWriter(SCHEMA)
                .text("id", id).text("gateway", gateway).text("band", band).text("session", session)
                .text("leg", leg).integer("angle", angle).integer("rep", rep)
                .instant("start", start).instant("end", end)
                .number("steady_s", steadyS, 3).number("target_s", targetS, 3)
                .text("verdict", verdict.name())
                .number("mean_n", meanN, 2).number("peak_n", peakN, 2).number("cv_pct", cvPct, 2)
                .number("drift_pct", driftPct, 2).number("rest_n", restN, 2).number("amplitude_n", amplitudeN, 2)
                .integer("dropped", dropped);
        // optional fields are left out rather than written null: a rep without them is a plain rep
        if (place != null) {
            out.text("angle_name", place.angleName()).integer("plan_rep", place.planRep())
                    .integer("plan_reps", place.planReps()).integer("attempt", place.attempt());
        }
        if (zone != null) {
            zone.write(out);
        }
        return out.json();
    }

    /** Reads a rep message; throws {@link MessageFormatException} naming the first bad field. */
    public static RepMessage fromJson(String json) {
        MessageReader in = MessageReader.parse(KIND, json, OLDEST_SCHEMA, SCHEMA);
        String leg = in.optionalText("leg");
        if (!Legs.valid(leg)) {
            throw in.invalid("leg", "expected \"right\", \"left\" or null, got \"" + leg + "\"");
        }
        return new RepMessage(in.text("id"), in.text("gateway"), in.text("band"), in.text("session"), leg,
                in.optionalInteger("angle"), in.integer("rep"), in.instant("start"), in.instant("end"),
                in.number("steady_s"), in.number("target_s"), in.enumValue("verdict", Verdict.class),
                in.number("mean_n"), in.number("peak_n"), in.number("cv_pct"), in.number("drift_pct"),
                in.number("rest_n"), in.number("amplitude_n"), in.longInteger("dropped"), place(in), ZoneFigures.read(in));
    }

    private static PlanPlace place(MessageReader in) {
        String name = in.optionalText("angle_name");
        if (name == null) {
            return null;
        }
        int planRep = in.integer("plan_rep");
        int planReps = in.integer("plan_reps");
        int attempt = in.integer("attempt");
        if (name.isEmpty() || planRep < 1 || planReps < 1 || attempt < 1) {
            throw in.invalid("plan_rep", "angle_name, plan_rep, plan_reps and attempt must be given, counting from 1");
        }
        return new PlanPlace(name, planRep, planReps, attempt);
    }

    public boolean isHeld() {
        return verdict == Verdict.HELD;
    }
}
