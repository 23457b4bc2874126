package org.isoband.core.detect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a {@link RepEvent} in the analyze contract (README.md, the fields of "isoband analyze FILE.csv"): {@code rep}, {@code start_s},
 * {@code end_s}, {@code steady_s}, {@code verdict}, {@code mean_n}, {@code peak_n}, {@code cv_pct}, then the
 * extras {@code steady_start_s}, {@code drift_pct}, {@code rest_n}, {@code amplitude_n}, {@code dropped}, and
 * {@code truncated} (true when the recording started or ended inside the rep).
 * Times are seconds on the recording's clock; values are rounded to what the sensors resolve.
 */
public final class RepEventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RepEventJson() {
    }

    public static ObjectNode toNode(RepEvent rep) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("rep", rep.rep());
        put(node, "start_s", rep.startNanos() / 1e9, 3);
        put(node, "end_s", rep.endNanos() / 1e9, 3);
        put(node, "steady_s", rep.steadySeconds(), 3);
        node.put("verdict", rep.verdict().name());
        put(node, "mean_n", rep.meanN(), 2);
        put(node, "peak_n", rep.peakN(), 2);
        put(node, "cv_pct", rep.cvPct(), 2);
        put(node, "steady_start_s", rep.steadyStartNanos() / 1e9, 3);
        put(node, "drift_pct", rep.driftPct(), 2);
        put(node, "rest_n", rep.restN(), 2);
        put(node, "amplitude_n", rep.amplitudeN(), 2);
        node.put("dropped", rep.droppedSamples());
        node.put("truncated", rep.truncated());
        return node;
    }

    /** One line of {@code isoband analyze} output. */
    public static String toLine(RepEvent rep) {
        return toNode(rep).toString();
    }

    /** JSON has no NaN: a value that is not finite is written as null. */
    private static void put(ObjectNode node, String field, double value, int decimals) {
        if (Double.isFinite(value)) {
            double scale = Math.pow(10, decimals);
            node.put(field, Math.round(value * scale) / scale);
        } else {
            node.putNull(field);
        }
    }
}
