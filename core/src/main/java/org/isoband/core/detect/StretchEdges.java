package org.isoband.core.detect;

/**
 * Where a steady stretch begins and ends among the raw samples. At 80 Hz and up a sample is 12 ms or less
 * and an edge can simply be a sample; on a crane scale heard through advertisements (5-8 samples/s, a fifth
 * of them lost) a sample is 150-400 ms, so snapping to one costs a large share of a short hold. Three rules
 * make the placement independent of the rate:
 * <ul>
 *   <li>a sample belongs to the stretch when it lies within a tolerance of the level measured on the
 *       settled samples' noise; two or three differences are no measurement, so the noise a steady hold is
 *       expected to carry fills in for those missing to {@link #MIN_DIFFERENCES};</li>
 *   <li>one noisy sample does not end the walk over the stretch, two in a row do;</li>
 *   <li>when the sample before the first one is on the ramp (outside the steady band), the edge is the
 *       instant the straight line between the two crosses the tolerance (and likewise at the release), not
 *       either sample: at high rates that moves it by less than a sample, at a few samples per second it
 *       puts it where the ramp reached the level.</li>
 * </ul>
 */
final class StretchEdges {
    /** Fewer successive differences than this are topped up with the expected noise of a hold. */
    static final int MIN_DIFFERENCES = 6;

    private StretchEdges() {
    }

    /**
     * How near the level a raw sample must be to belong to the stretch: 1.25 times the noise of the samples
     * {@code [from, seq]} (successive differences, blind to a ramp's slope), at least an eighth of the band.
     * Wider would count the slow tail of a ramp as held; narrower, the noise.
     */
    static double tolerance(SampleBuffer buffer, long from, long seq, double band, double expectedNoise) {
        double squares = 0;
        for (long q = from + 1; q <= seq; q++) {
            double d = buffer.x(q) - buffer.x(q - 1);
            squares += d * d;
        }
        double missing = Math.max(0, MIN_DIFFERENCES - (seq - from));
        double noise = Math.sqrt((squares / 2 + missing * expectedNoise * expectedNoise) / (seq - from + missing));
        return Math.min(band, Math.max(band / 8, 1.25 * noise));
    }

    /** The first sample of the stretch: walking back from {@code from} over near samples, no earlier than {@code first}. */
    static long firstNear(SampleBuffer buffer, long first, long from, long last, double level, double tol) {
        long q = Math.max(from, first);
        while (q > first && (near(buffer, q - 1, level, tol) || (q - 1 > first && near(buffer, q - 2, level, tol)))) {
            q--;
        }
        while (q < last && !near(buffer, q, level, tol)) {
            q++;
        }
        return q;
    }

    /** The last sample near the level, walking back from {@code from}, no earlier than {@code earliest}. */
    static long lastNear(SampleBuffer buffer, long earliest, long from, double level, double tol) {
        long q = from;
        while (q > earliest && !near(buffer, q, level, tol)) {
            q--;
        }
        return q;
    }

    /**
     * The start of a stretch whose first sample is {@code q}, no earlier than {@code first}: between it and
     * the sample before when that one is on the ramp (outside the band); a noisy neighbour inside the band
     * says nothing about where the ramp reached the level.
     */
    static double start(SampleBuffer buffer, long first, long q, double level, double band, double tol) {
        if (q - 1 < first || near(buffer, q - 1, level, band)) {
            return buffer.t(q);
        }
        return crossing(buffer, q - 1, q, level, tol);
    }

    /** The end of a stretch whose last sample is {@code q}, no later than {@code last} (as {@link #start}). */
    static double end(SampleBuffer buffer, long q, long last, double level, double band, double tol) {
        if (q + 1 > last || near(buffer, q + 1, level, band)) {
            return buffer.t(q);
        }
        return crossing(buffer, q, q + 1, level, tol);
    }

    private static boolean near(SampleBuffer buffer, long q, double level, double tol) {
        return Math.abs(buffer.x(q) - level) <= tol;
    }

    /** When the line from sample {@code a} to sample {@code b} (one near the level, one not) crosses the tolerance. */
    private static double crossing(SampleBuffer buffer, long a, long b, double level, double tol) {
        double da = Math.abs(buffer.x(a) - level);
        double db = Math.abs(buffer.x(b) - level);
        double fraction = Math.max(0, Math.min(1, (da - tol) / (da - db)));
        return buffer.t(a) + fraction * (buffer.t(b) - buffer.t(a));
    }
}
