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
 * {@code isoband/<gateway>/<band>/session} when the session ends (schema version 1,
 * docs/schemas/session.schema.json). Consumers de-duplicate by {@link #id}.
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
        double targetS) {

    public static final int SCHEMA = 1;
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
        int reps = verdicts.values().stream().mapToInt(Integer::intValue).sum();
        return new SessionSummary(UUID.randomUUID().toString(), origin.gateway(), origin.band(), origin.session(),
                start, end, reps, verdicts, steadyTotalS, bestSteadyS, targetS);
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
        return out.number("steady_total_s", steadyTotalS, 3).number("best_steady_s", bestSteadyS, 3)
                .number("target_s", targetS, 3).json();
    }

    /** Reads a session summary; throws {@link MessageFormatException} naming the first bad field. */
    public static SessionSummary fromJson(String json) {
        MessageReader in = MessageReader.parse(KIND, json, SCHEMA);
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
                in.number("best_steady_s"), in.number("target_s"));
    }
}
