package org.isoband.core.detect;

/**
 * What tells set-up tension (the athlete taking up the band's slack and sitting there for seconds) from the
 * first rise of a real pull, on the smoothed tension of a {@link SampleBuffer}. Set-up tension stays at its
 * level for seconds, wandering by a third of its rise at most, before the pull leaves it; a pull's first
 * bump (real shoulder rotations: 3 to 19 N, back to 10 N within 0.6 s, then up to 98 N) falls back by half
 * its rise and climbs again within a second, and is part of the rep.
 */
final class SetUpTension {
    /** How far back the plateau is looked for (and how long it must have sat still before that). */
    static final double LOOKBACK_S = 1.0;
    /** How much further than the plateau's own rise the pull must climb from it. */
    private static final double RISE_FACTOR = 1.5;
    /** How still a plateau sits before a pull: this share of its rise, plus the onset threshold. */
    private static final double STILL_FRACTION = 0.25;
    /**
     * How still a rise that stopped sits when it is a new rest: within half its rise over the last second.
     * Set-up tension and a new angle's rest wander by a third of it at most (real hamstring set-up: 9-19 N,
     * +/-2 N); a pull's first bump falls back by half of it and more before the real rise.
     */
    private static final double NEW_REST_STILL_FRACTION = 0.5;

    private final SampleBuffer buffer;
    /** Where the tension was {@link #LOOKBACK_S} and twice that ago: looked up every sample of a contraction. */
    private final TimeCursor oneBack;
    private final TimeCursor twoBack;

    SetUpTension(SampleBuffer buffer) {
        this.buffer = buffer;
        this.oneBack = new TimeCursor(buffer);
        this.twoBack = new TimeCursor(buffer);
    }

    /** The smoothed tension {@link #LOOKBACK_S} before {@code t}. */
    double secondAgo(double t) {
        return buffer.s(oneBack.seqAtOrAfter(t - LOOKBACK_S));
    }

    /**
     * The tension a second ago sat low (below {@code plateauRise} above {@code rest}, and about as high a
     * second before) and has since risen far more than it had risen itself, without falling back by half its
     * rise just before: a pull from set-up tension. A wobble or a movement of the leg never does that, and a
     * slow ramp rises by less in a second than it has already risen.
     */
    boolean risesFromAPlateau(double startT, double rest, double t, double s, double plateauRise, double onset) {
        if (t - startT < 2 * LOOKBACK_S) {
            return false;
        }
        double base = secondAgo(t);
        double before = buffer.s(twoBack.seqAtOrAfter(t - 2 * LOOKBACK_S));
        double baseRise = base - rest;
        double still = STILL_FRACTION * Math.max(0, baseRise) + onset;
        // Cheap tests first: the scan of the seconds before runs only when everything else says "a pull".
        return Math.abs(base - before) <= still && baseRise < plateauRise
                && s - base > RISE_FACTOR * Math.max(0, baseRise) + onset
                && !fellBackAndClimbs(Math.max(startT, t - 3 * LOOKBACK_S), t, rest);
    }

    /**
     * Over [from, to] the smoothed tension fell back from a top by half its rise above {@code rest} or more,
     * less than two {@link #LOOKBACK_S} ago: a pull's first bump that dips before the real rise, not set-up
     * tension (which wanders by a third of its rise at most, real hamstring set-up: 9-19 N, +/-2 N).
     */
    private boolean fellBackAndClimbs(double from, double to, double rest) {
        double top = Double.NEGATIVE_INFINITY;
        for (long q = buffer.seqAtOrAfter(from), end = buffer.seqAtOrAfter(to); q < end; q++) {
            double v = buffer.s(q);
            top = Math.max(top, v);
            if (top - v >= NEW_REST_STILL_FRACTION * (top - rest) && to - buffer.t(q) < 2 * LOOKBACK_S) {
                return true;
            }
        }
        return false;
    }

    /**
     * The smoothed tension stayed within {@code still} over the whole of [from, to]: a plateau held there,
     * not a bump that rose and fell back between two instants that happen to agree.
     */
    private boolean satStill(double from, double to, double still) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (long q = buffer.seqAtOrAfter(from), end = buffer.seqAtOrAfter(to); q <= end && q < buffer.end(); q++) {
            min = Math.min(min, buffer.s(q));
            max = Math.max(max, buffer.s(q));
        }
        return max - min <= still;
    }

    /**
     * A rise that stopped (rising {@code rise} above rest) sits at a new rest now: the smoothed tension sat
     * still over the last {@link #LOOKBACK_S}, and if it fell back from its top by half the rise or more
     * ({@code fellBack}), its floor ({@code floorT}) is that long ago too. A pull whose first bump fell back
     * before the real rise climbs again from the floor within a second; a fidget that settles lower sits.
     */
    boolean sitsAtANewRest(double t, double rise, double fellBack, double floorT) {
        double still = NEW_REST_STILL_FRACTION * Math.max(0, rise);
        return (fellBack <= still || t - floorT >= LOOKBACK_S) && satStill(t - LOOKBACK_S, t, still);
    }
}
