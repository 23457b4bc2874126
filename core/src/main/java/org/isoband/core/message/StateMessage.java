package org.isoband.core.message;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;
import org.isoband.core.detect.Phase;
import org.isoband.core.detect.Verdict;

/**
 * The live state of one band, published retained on {@code isoband/<gateway>/<band>/state} whenever the phase
 * or the sensor link changes and after every rep (schema version 1, docs/schemas/state.schema.json).
 *
 * @param gateway    sanitized gateway name
 * @param band       sanitized band name
 * @param session    session id
 * @param phase      the detector's phase
 * @param leg        {@code right}, {@code left} or null
 * @param angle      0-based hip angle index, or null
 * @param rep        reps finished so far in the session
 * @param steadyS    steady seconds of the hold in progress (0 unless HOLD)
 * @param levelN     smoothed tension now, N (NaN before the first sample: null in JSON)
 * @param restN      rest tension, N
 * @param link       the sensor link: {@code CONNECTING}, {@code STREAMING}, {@code LOST} or {@code STOPPED}
 * @param repsToday  reps finished today (gateway's local day)
 * @param heldToday  of those, the ones HELD
 * @param at         when this state was decided (UTC)
 * @param lastRep    the band's newest rep, or null before its first: retained with the state so that a
 *                   consumer that (re)starts, such as Home Assistant, knows it without the rep event
 * @param batteryPct the sensor's battery, 0-100, when the sensor reports one (some BLE gauges); null otherwise,
 *                   and then absent from the JSON (an optional field of schema version 1)
 */
public record StateMessage(
        String gateway,
        String band,
        String session,
        Phase phase,
        String leg,
        Integer angle,
        int rep,
        double steadyS,
        double levelN,
        double restN,
        String link,
        int repsToday,
        int heldToday,
        Instant at,
        LastRep lastRep,
        Integer batteryPct) {

    /**
     * What a consumer needs of the newest rep to show it after a restart.
     *
     * @param steadyS steady seconds of the rep
     * @param verdict its verdict
     * @param end     when it ended (UTC)
     */
    public record LastRep(double steadyS, Verdict verdict, Instant end) {
        public LastRep {
            Objects.requireNonNull(verdict, "verdict");
            steadyS = Double.isFinite(steadyS) ? MessageWriter.round(steadyS, 3) : Double.NaN;
            end = end.truncatedTo(ChronoUnit.MILLIS);
        }

        public static LastRep of(RepMessage rep) {
            return new LastRep(rep.steadyS(), rep.verdict(), rep.end());
        }
    }

    /** A state without a rep yet (or from a publisher that does not know it), of a sensor that reports no battery. */
    public StateMessage(String gateway, String band, String session, Phase phase, String leg, Integer angle, int rep,
                        double steadyS, double levelN, double restN, String link, int repsToday, int heldToday, Instant at) {
        this(gateway, band, session, phase, leg, angle, rep, steadyS, levelN, restN, link, repsToday, heldToday, at, null, null);
    }

    public static final int SCHEMA = 1;
    static final String KIND = "state";
    /** The names of the device's LinkState (core cannot see the device module). */
    public static final Set<String> LINKS = Set.of("CONNECTING", "STREAMING", "LOST", "STOPPED");

    public StateMessage {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(phase, "phase");
        Legs.check(leg);
        if (!LINKS.contains(link)) {
            throw new IllegalArgumentException("link must be one of " + LINKS + ", got " + link);
        }
        if (heldToday > repsToday) {
            throw new IllegalArgumentException("held_today " + heldToday + " exceeds reps_today " + repsToday);
        }
        steadyS = Double.isFinite(steadyS) ? MessageWriter.round(steadyS, 3) : Double.NaN;
        levelN = Double.isFinite(levelN) ? MessageWriter.round(levelN, 2) : Double.NaN;
        restN = Double.isFinite(restN) ? MessageWriter.round(restN, 2) : Double.NaN;
        at = at.truncatedTo(ChronoUnit.MILLIS);
        if (batteryPct != null && (batteryPct < 0 || batteryPct > 100)) {
            throw new IllegalArgumentException("battery_pct must be 0-100, got " + batteryPct);
        }
    }

    /** The same state with the sensor's battery level. */
    public StateMessage withBatteryPct(Integer pct) {
        return new StateMessage(gateway, band, session, phase, leg, angle, rep, steadyS, levelN, restN, link,
                repsToday, heldToday, at, lastRep, pct);
    }

    /** Share of today's reps that were HELD, in percent; NaN before the first rep of the day. */
    public double heldPctToday() {
        return repsToday == 0 ? Double.NaN : 100.0 * heldToday / repsToday;
    }

    /** This state with the newest rep set. */
    public StateMessage withLastRep(LastRep newest) {
        return new StateMessage(gateway, band, session, phase, leg, angle, rep, steadyS, levelN, restN, link, repsToday,
                heldToday, at, newest, batteryPct);
    }

    /** This state on a new local day: nothing done today yet, decided at {@code now}. */
    public StateMessage newDay(Instant now) {
        return new StateMessage(gateway, band, session, phase, leg, angle, rep, steadyS, levelN, restN, link, 0, 0, now,
                lastRep, batteryPct);
    }

    public String toJson() {
        MessageWriter out = new MessageWriter(SCHEMA)
                .text("gateway", gateway).text("band", band).text("session", session)
                .text("phase", phase.name()).text("leg", leg).integer("angle", angle).integer("rep", rep)
                .number("steady_s", steadyS, 3).number("level_n", levelN, 2).number("rest_n", restN, 2)
                .text("link", link).integer("reps_today", repsToday).integer("held_today", heldToday)
                .number("held_pct_today", heldPctToday(), 1)
                .instant("at", at);
        if (batteryPct != null) {
            out.integer("battery_pct", batteryPct);
        }
        out.object("last_rep", lastRep == null ? null : new MessageWriter().number("steady_s", lastRep.steadyS(), 3)
                .text("verdict", lastRep.verdict().name()).instant("end", lastRep.end()));
        return out.json();
    }

    /** Reads a state message; throws {@link MessageFormatException} naming the first bad field. */
    public static StateMessage fromJson(String json) {
        MessageReader in = MessageReader.parse(KIND, json, SCHEMA);
        String leg = in.optionalText("leg");
        if (!Legs.valid(leg)) {
            throw in.invalid("leg", "expected \"right\", \"left\" or null, got \"" + leg + "\"");
        }
        String link = in.text("link");
        if (!LINKS.contains(link)) {
            throw in.invalid("link", "unknown value \"" + link + "\"");
        }
        int reps = in.integer("reps_today");
        int held = in.integer("held_today");
        if (held > reps) {
            throw in.invalid("held_today", held + " exceeds reps_today " + reps);
        }
        return new StateMessage(in.text("gateway"), in.text("band"), in.text("session"),
                in.enumValue("phase", Phase.class), leg, in.optionalInteger("angle"), in.integer("rep"),
                in.number("steady_s"), in.number("level_n"), in.number("rest_n"), link, reps, held,
                in.instant("at"), lastRep(in), battery(in));
    }

    private static Integer battery(MessageReader in) {
        Integer pct = in.optionalInteger("battery_pct");
        if (pct != null && (pct < 0 || pct > 100)) {
            throw in.invalid("battery_pct", "expected 0-100, got " + pct);
        }
        return pct;
    }

    /** Absent in states from before the field (and null before the first rep). */
    private static LastRep lastRep(MessageReader in) {
        MessageReader rep = in.optionalObject("last_rep");
        if (rep == null) {
            return null;
        }
        return new LastRep(rep.number("steady_s"), rep.enumValue("verdict", Verdict.class), rep.instant("end"));
    }
}
