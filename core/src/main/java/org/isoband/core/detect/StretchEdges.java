package org.isoband.core.detect;

/**
 * Where a steady stretch begins and ends, placed between the raw samples. At 80 Hz and up a sample is
 * 12 ms or less and the edge can simply be a sample; on a crane scale heard through advertisements (5-8
 * samples/s, a fifth of them lost) one sample is 150-400 ms, so snapping to a sample, or losing the one noisy
 * sample at the edge, costs a large share of a short hold. Two rules make the placement rate-independent:
 * <ul>
 *   <li>the first (or last) sample of the plateau counts even when its noise puts it outside the tight
 *       tolerance, as long as it lies inside the steady band and the sample before it (after it) is clearly
 *       on the ramp (the release): then it is the plateau's first sample, not the ramp's slow tail, which at
 *       high rates holds several in-band samples and is left alone;</li>
 *   <li>the edge is the instant the straight line between the last ramp sample and the first plateau sample
 *       crosses the band's edge (and likewise at the release), not either sample: at high rates that moves
 *       it by less than a sample, at low rates it puts the edge where the ramp reached the level.</li>
 * </ul>
 */
final class StretchEdges {
    private StretchEdges() {
    }

    /**
     * The start of a stretch whose first near sample (within the noise tolerance of {@code level}) is
     * {@code q}, no earlier than {@code first}.
     */
    static double start(SampleBuffer buffer, long first, long q, double level, double band, double tol) {
        if (q - 1 < first || within(buffer, q - 1, level, band)) {
            return buffer.t(q);
        }
        return crossing(buffer, q - 1, q, level, tol);
    }

    /** The end of a stretch whose last near sample is {@code q}, no later than {@code last}. */
    static double end(SampleBuffer buffer, long q, long last, double level, double band, double tol) {
        if (q + 1 > last || within(buffer, q + 1, level, band)) {
            return buffer.t(q);
        }
        return crossing(buffer, q, q + 1, level, tol);
    }

    private static boolean within(SampleBuffer buffer, long q, double level, double band) {
        return Math.abs(buffer.x(q) - level) <= band;
    }

    /**
     * When the line from sample {@code a} to sample {@code b} (one of them inside the band, one outside)
     * crosses the band's edge.
     */
    private static double crossing(SampleBuffer buffer, long a, long b, double level, double edge) {
        double da = Math.abs(buffer.x(a) - level);
        double db = Math.abs(buffer.x(b) - level);
        double fraction = (da - edge) / (da - db);
        fraction = Math.max(0, Math.min(1, fraction));
        return buffer.t(a) + fraction * (buffer.t(b) - buffer.t(a));
    }
}
