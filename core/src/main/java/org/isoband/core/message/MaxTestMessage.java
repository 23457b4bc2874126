package org.isoband.core.message;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * The result of a maximum test at one leg and hip angle, published at QoS 1 through the outbox on
 * {@code isoband/<gateway>/<band>/max_test} (schema version 1, docs/schemas/max_test.schema.json). The
 * maximum is the best 1 s mean of the pulls (a plateau, not a peak); the zone of later reps is a share of it.
 * Consumers de-duplicate by {@link #id}.
 *
 * @param id        unique per test, a UUID string
 * @param gateway   sanitized gateway name
 * @param band      sanitized band name
 * @param session   the session it was made in
 * @param leg       {@code right} or {@code left}
 * @param angle     0-based hip angle index
 * @param angleName the angle's name in the plan
 * @param at        when the test ended (UTC)
 * @param maxN      the maximum, N
 * @param pullsN    each pull's best 1 s mean, N (null in JSON for a pull too short to measure)
 */
public record MaxTestMessage(String id, String gateway, String band, String session, String leg, int angle,
                             String angleName, Instant at, double maxN, double[] pullsN) {

    public static final int SCHEMA = 1;
    static final String KIND = "max_test";

    public MaxTestMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(angleName, "angleName");
        if (leg == null || !Legs.valid(leg)) {
            throw new IllegalArgumentException("leg must be \"right\" or \"left\", got " + leg);
        }
        if (angle < 0) {
            throw new IllegalArgumentException("angle must not be negative, got " + angle);
        }
        if (!(maxN > 0)) {
            throw new IllegalArgumentException("max_n must be positive, got " + maxN);
        }
        at = at.truncatedTo(ChronoUnit.MILLIS);
        maxN = MessageWriter.round(maxN, 2);
        pullsN = Arrays.stream(pullsN).map(v -> Double.isFinite(v) ? MessageWriter.round(v, 2) : Double.NaN).toArray();
    }

    /** A test result with a fresh id. */
    public static MaxTestMessage of(Origin origin, String leg, int angle, String angleName, Instant at, double maxN,
                                    double[] pullsN) {
        return new MaxTestMessage(UUID.randomUUID().toString(), origin.gateway(), origin.band(), origin.session(), leg,
                angle, angleName, at, maxN, pullsN);
    }

    public String toJson() {
        MessageWriter out = new MessageWriter(SCHEMA)
                .text("id", id).text("gateway", gateway).text("band", band).text("session", session)
                .text("leg", leg).integer("angle", angle).text("angle_name", angleName).instant("at", at)
                .number("max_n", maxN, 2);
        var pulls = out.array("pulls_n");
        for (double v : pullsN) {
            if (Double.isFinite(v)) {
                pulls.add(v);
            } else {
                pulls.addNull();
            }
        }
        return out.json();
    }

    /** Reads a test result; throws {@link MessageFormatException} naming the first bad field. */
    public static MaxTestMessage fromJson(String json) {
        MessageReader in = MessageReader.parse(KIND, json, SCHEMA);
        String leg = in.text("leg");
        if (!leg.equals("right") && !leg.equals("left")) {
            throw in.invalid("leg", "expected \"right\" or \"left\", got \"" + leg + "\"");
        }
        int angle = in.integer("angle");
        if (angle < 0) {
            throw in.invalid("angle", "must not be negative, got " + angle);
        }
        double max = in.number("max_n");
        if (!(max > 0)) {
            throw in.invalid("max_n", "must be a positive number of newtons, got " + max);
        }
        return new MaxTestMessage(in.text("id"), in.text("gateway"), in.text("band"), in.text("session"), leg, angle,
                in.text("angle_name"), in.instant("at"), max, in.numbersOrNulls("pulls_n"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MaxTestMessage m && id.equals(m.id) && gateway.equals(m.gateway) && band.equals(m.band)
                && session.equals(m.session) && leg.equals(m.leg) && angle == m.angle && angleName.equals(m.angleName)
                && at.equals(m.at) && Double.compare(maxN, m.maxN) == 0 && Arrays.equals(pullsN, m.pullsN);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, at, maxN, Arrays.hashCode(pullsN));
    }

    @Override
    public String toString() {
        return "MaxTestMessage[" + gateway + "/" + band + " " + leg + ":" + angle + " max " + maxN + " N at " + at + "]";
    }
}
