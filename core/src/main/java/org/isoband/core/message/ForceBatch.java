package org.isoband.core.message;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;

/**
 * A batch of force samples for live charts, published on {@code isoband/<gateway>/<band>/force} at QoS 0,
 * rate-limited (schema version 1, docs/schemas/force.schema.json). Sample {@code i} was taken
 * {@code offsetsMs[i]} milliseconds after {@link #start} and read {@code newtons[i]}.
 *
 * @param gateway   sanitized gateway name
 * @param band      sanitized band name
 * @param start     time of the first sample (UTC, to the millisecond)
 * @param offsetsMs milliseconds from {@code start}, ascending, to 0.01 ms
 * @param newtons   tension of each sample, N, to 0.01 N
 * @param dropped   samples left out since the previous batch because the link or the publisher was too slow
 */
public record ForceBatch(String gateway, String band, Instant start, double[] offsetsMs, double[] newtons, long dropped) {

    public static final int SCHEMA = 1;
    static final String KIND = "force";

    public ForceBatch {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(band, "band");
        start = start.truncatedTo(ChronoUnit.MILLIS);
        if (offsetsMs.length != newtons.length) {
            throw new IllegalArgumentException("t_ms has " + offsetsMs.length + " values but n has " + newtons.length);
        }
        if (dropped < 0) {
            throw new IllegalArgumentException("dropped must not be negative, got " + dropped);
        }
        offsetsMs = rounded(offsetsMs);
        newtons = rounded(newtons);
    }

    private static double[] rounded(double[] values) {
        double[] copy = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = MessageWriter.round(values[i], 2);
        }
        return copy;
    }

    public int size() {
        return newtons.length;
    }

    /** The newest tension of the batch, the one a gauge shows; NaN for an empty batch. */
    public double lastNewtons() {
        return newtons.length == 0 ? Double.NaN : newtons[newtons.length - 1];
    }

    public String toJson() {
        return new MessageWriter(SCHEMA)
                .text("gateway", gateway).text("band", band).instant("start", start)
                .numbers("t_ms", offsetsMs, 2).numbers("n", newtons, 2)
                .number("last_n", lastNewtons(), 2)
                .integer("dropped", dropped)
                .json();
    }

    /** Reads a force batch; throws {@link MessageFormatException} naming the first bad field. */
    public static ForceBatch fromJson(String json) {
        MessageReader in = MessageReader.parse(KIND, json, SCHEMA);
        double[] t = in.numbers("t_ms");
        double[] n = in.numbers("n");
        if (t.length != n.length) {
            throw in.invalid("n", "has " + n.length + " values but t_ms has " + t.length);
        }
        long dropped = in.longInteger("dropped");
        if (dropped < 0) {
            throw in.invalid("dropped", "must not be negative, got " + dropped);
        }
        return new ForceBatch(in.text("gateway"), in.text("band"), in.instant("start"), t, n, dropped);
    }

    // Arrays compare by content: a batch read back equals the batch written.
    @Override
    public boolean equals(Object o) {
        return o instanceof ForceBatch b && gateway.equals(b.gateway) && band.equals(b.band) && start.equals(b.start)
                && Arrays.equals(offsetsMs, b.offsetsMs) && Arrays.equals(newtons, b.newtons) && dropped == b.dropped;
    }

    @Override
    public int hashCode() {
        return Objects.hash(gateway, band, start, Arrays.hashCode(offsetsMs), Arrays.hashCode(newtons), dropped);
    }

    @Override
    public String toString() {
        return "ForceBatch[" + gateway + "/" + band + ", start=" + start + ", " + size() + " samples, dropped=" + dropped + "]";
    }
}
