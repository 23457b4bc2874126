package org.isoband.core.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.isoband.core.detect.Verdict;

/**
 * What one session on one band came to, published at QoS 1 through the outbox on
 * {@code isoband/<gateway>/<band>/session} when the session ends (schema version 2,
 * docs/schemas/session.schema.json; version 1 is read too, without the zone). Consumers de-duplicate by {@link #id}.
 *
 * @param id            unique per summary, a UUID string
 * @param gateway       sanitized gateway name
 * @param band          sanitized band name
 * @param session       the session summed up
 * @param start         the session's first sample (UTC)
 * @param end           its last sample (UTC)
 * @param reps          reps in the session
 * @param verdicts      how many reps got each verdict (every verdict present, 0 when none)
 * @param steadyTotalS  sum of the reps' steady seconds
 * @param bestSteadyS   longest steady stretch of the session
 * @param targetS       the hold target, seconds
 * @param zone          how the reps with a force zone went, or null (none had one)
 */
public record SessionSummary(
        String id,
        String gateway,
        String band,
        String session,
        Instant start,
        Instant end,
        int reps,
        Map<Verdict, Integer> verdicts,
        double steadyTotalS,
        double bestSteadyS,
        double targetS,
        Zone zone) {

    public static final int SCHEMA = 2;
    public static final int OLDEST_SCHEMA = 1;

    /**
     * The session against its force zones (optional, schema 2).
     *
     * @param reps         reps that had a zone
     * @param timeInZoneS  their seconds inside it, summed
     * @param meanPctOfMax their mean tension, % of each one's maximum, averaged (NaN: unknown)
     */
    public record Zone(int reps, double timeInZoneS, double meanPctOfMax) {
        public Zone {
            if (reps < 1 || !(timeInZoneS >= 0)) {
                throw new IllegalArgumentException("a session zone needs reps >= 1 and a time >= 0, got " + reps + ", " + timeInZoneS);
            }
            timeInZoneS = MessageWriter.round(timeInZoneS, 3);
            meanPctOfMax = Double.isFinite(meanPctOfMax) ? MessageWriter.round(meanPctOfMax, 1) : Double.NaN;
        }
    }

    /** A summary without zone figures (schema 1's fields). */
    public SessionSummary(String id, String gateway, String band, String session, Instant start, Instant end, int reps,
                          Map<Verdict, Integer> verdicts, double steadyTotalS, double bestSteadyS, double targetS) {
        this(id, gateway, band, session, start, end, reps, verdicts, steadyTotalS, bestSteadyS, targetS, null);
    }
    static final String KIND = "session";

    public SessionSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(session, "session");
        start = start.truncatedTo(ChronoUnit.MILLIS);
        end = end.truncatedTo(ChronoUnit.MILLIS);
        EnumMap<Verdict, Integer> all = new EnumMap<>(Verdict.class);
        int sum = 0;
        for (Verdict v : Verdict.values()) {
            int count = verdicts.getOrDefault(v, 0);
            all.put(v, count);
            sum += count;
        }
        if (sum != reps) {
            throw new IllegalArgumentException("the verdict counts add up to " + sum + ", not to reps " + reps);
        }
        verdicts = Collections.unmodifiableMap(all);
        steadyTotalS = MessageWriter.round(steadyTotalS, 3);
        bestSteadyS = MessageWriter.round(bestSteadyS, 3);
        targetS = MessageWriter.round(targetS, 3);
    }

    /** A summary with a fresh id. */
    public static SessionSummary of(Origin origin, Instant start, Instant end, Map<Verdict, Integer> verdicts,
            double steadyTotalS, double bestSteadyS, double targetS) {
        return of(origin, start, end, verdicts, steadyTotalS, bestSteadyS, targetS, null);
    }

    /** The same with the session's zone figures (null: no rep had a zone). */
    public static SessionSummary of(Origin origin, Instant start, Instant end, Map<Verdict, Integer> verdicts,
            double steadyTotalS, double bestSteadyS, double targetS, Zone zone) {
        int reps = verdicts.values().stream().mapToInt(Integer::intValue).sum();
        return new SessionSummary(UUID.randomUUID().toString(), origin.gateway(), origin.band(), origin.session(),
                start, end, reps, verdicts, steadyTotalS, bestSteadyS, targetS, zone);
    }

    public int held() {
        return verdicts.get(Verdict.HELD);
    }

    public String toJson() {
        MessageWriter out = new MessageWriter(SCHEMA)
                .text("id", id).text("gateway", gateway).text("band", band).text("session", session)
                .instant("start", start).instant("end", end).integer("reps", reps);
        var counts = out.object("verdicts");
        verdicts.forEach((v, n) -> counts.put(v.name(), n));
        out.number("steady_total_s", steadyTotalS, 3).number("best_steady_s", bestSteadyS, 3)
                .number("target_s", targetS, 3);
        if (zone != null) {
            out.integer("zone_reps", zone.reps()).number("time_in_zone_s", zone.timeInZoneS(), 3)
                    .number("mean_pct_of_max", zone.meanPctOfMax(), 1);
        }
        return out.json();
    }

    /** Reads a session summary; throws {@link MessageFormatException} naming the first bad field. */
    public static SessionSummary fromJson(String json) {
        MessageReader in = MessageReader.parse(KIND, json, OLDEST_SCHEMA, SCHEMA);
        JsonNode counts = in.object("verdicts");
        EnumMap<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        var names = counts.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            Verdict v;
            try {
                v = Verdict.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw in.invalid("verdicts." + name, "unknown verdict");
            }
            JsonNode n = counts.get(name);
            if (!n.isIntegralNumber() || n.intValue() < 0) {
                throw in.invalid("verdicts." + name, "expected a count, got " + n);
            }
            verdicts.put(v, n.intValue());
        }
        int reps = in.integer("reps");
        int sum = verdicts.values().stream().mapToInt(Integer::intValue).sum();
        if (sum != reps) {
            throw in.invalid("verdicts", "counts add up to " + sum + ", not to reps " + reps);
        }
        return new SessionSummary(in.text("id"), in.text("gateway"), in.text("band"), in.text("session"),
                in.instant("start"), in.instant("end"), reps, verdicts, in.number("steady_total_s"),
                in.number("best_steady_s"), in.number("target_s"), zone(in));
    }

    private static Zone zone(MessageReader in) {
        if (!in.has("zone_reps")) {
            return null;
        }
        int reps = in.integer("zone_reps");
        double time = in.number("time_in_zone_s");
        if (reps < 1 || !(time >= 0)) {
            throw in.invalid("zone_reps", "zone_reps must be 1 or more and time_in_zone_s not negative");
        }
        return new Zone(reps, time, in.optionalNumber("mean_pct_of_max"));
    }
}
