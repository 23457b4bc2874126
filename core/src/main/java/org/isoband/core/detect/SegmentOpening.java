package org.isoband.core.detect;

/**
 * How a segment begins (a recording, or the samples after a clock that went back): perhaps inside a rep,
 * with nothing before it to show it. Until the segment's first rep it keeps the level the segment began at
 * (the top of its first second), whose release then shows a rep the recording began inside; and it tells
 * whether a rep rises from the segment's first moments, whose release then shows whether it began at rest
 * ({@link Contraction#settleUnknownStart}).
 */
final class SegmentOpening {
    /** A recording that starts inside a rep: its release falls below this share of the level it began at. */
    private static final double RELEASE_FRACTION = 0.4;
    /**
     * A segment's first rep that rises from its first moments (this long, or three samples) began before the
     * recording if it began {@link #UNSEEN_START_FRACTION} of its rise above the floor its release came down
     * to. (A real export restarts its clock at 182 N on a pull to 470 N, its rests 26-50 N. A recording cut
     * 0.15 s into a real pull begins 7 N above its 1 N rest, 7 % of the rise: its start is as good as seen.
     * Set-up tension that a recording begins at sits still first, so it does not rise from the first moments.)
     */
    private static final double UNSEEN_START_WITHIN_S = 0.25;
    static final double UNSEEN_START_FRACTION = 0.15;

    private final SampleBuffer buffer;
    private final DetectorConfig config;
    private boolean open;
    /**
     * After a gap longer than this the samples are a new recording (a gauge that records only each rep's
     * window, two minutes apart); after a shorter one a rep cut by it was already reported, and what
     * follows is its continuation or rest.
     */
    private static final double NEW_RECORDING_GAP_S = 30;

    /** At the start and after a clock restart or a long gap, not after a short gap. */
    private boolean mayBeginInside = true;
    private double endedAtT = Double.NEGATIVE_INFINITY;
    private double levelS;
    private double lowS;
    private long firstSeq;
    private long droppedAtBegin;

    SegmentOpening(SampleBuffer buffer, DetectorConfig config) {
        this.buffer = buffer;
        this.config = config;
    }

    /** The segment's first sample, at {@code t}; {@code dropped}: the readings dropped before it. */
    void begin(long seq, double t, double s, long dropped) {
        open = mayBeginInside || t - endedAtT > NEW_RECORDING_GAP_S;
        levelS = s;
        lowS = s;
        firstSeq = seq;
        droppedAtBegin = dropped;
    }

    /** Each later sample: those of the first second give the level the segment began at. */
    void see(double t, double s) {
        if (learning(t)) {
            levelS = Math.max(levelS, s);
        }
        lowS = Math.min(lowS, s);
    }

    /**
     * The data stops at {@code lastT} with {@code candidate} in progress (null at rest): if the segment is
     * still open (no rep seen, no release from where it began), never came down to where rest or set-up
     * tension can be (twice the first rep's floor above the sensor's zero) and lasted a second, it was all
     * inside one rep (a real gauge's 30 s endurance test records only the hold, at 195-292 N): that rep,
     * in place of a candidate that is no rep by itself. Otherwise the candidate as it is.
     */
    Contraction repIfAllInside(Contraction candidate, boolean hasSamples, double lastT, RecentReps recent,
                               double restSigma) {
        boolean candidateOnly = candidate == null || candidate.rise() < recent.minimumRise(config, candidate.rest);
        boolean allInside = open && hasSamples && lowS >= recent.plateauRise(config, 0)
                && lastT - buffer.t(firstSeq) >= config.minStretchS();
        return candidateOnly && allInside ? followedAsOneRep(restSigma) : candidate;
    }

    /** Until the first rep: what came before the segment is still unknown. */
    boolean isOpen() {
        return open;
    }

    /** The segment's first second, which only learns the level and its noise: it may be the inside of a rep. */
    boolean learning(double t) {
        return open && t - buffer.t(firstSeq) < config.restWindowS();
    }

    /**
     * At rest: the tension {@code s} is the release of a rep the segment began inside (it fell by a rep's
     * {@code minimumRise} from the level it began at, and below {@link #RELEASE_FRACTION} of it).
     */
    boolean releasedFromInside(double t, double s, double minimumRise) {
        if (open && t - buffer.t(firstSeq) > config.maxContractionS()) {
            open = false;       // no rep lasts this long: it was rest
        }
        if (open && levelS - s >= minimumRise && Math.max(0, s) < RELEASE_FRACTION * Math.abs(levelS)) {
            open = false;
            return true;
        }
        return false;
    }

    /** A rep starting at sample {@code q} rises from the segment's first moments: its release tells where it began. */
    boolean risesFromTheFirstMoments(long q) {
        return open && (q - firstSeq < 3 || buffer.t(q) - buffer.t(firstSeq) <= UNSEEN_START_WITHIN_S);
    }

    /** A rep was seen: whatever came before it is known now. */
    void repSeen() {
        open = false;
    }

    /** The segment ends at {@code lastT}; the next may begin inside a rep after a clock restart or a long gap. */
    void end(boolean restart, double lastT) {
        mayBeginInside = restart;
        endedAtT = lastT;
    }

    long firstSeq() {
        return firstSeq;
    }

    /**
     * The segment's samples followed as one rep started inside, measured from the sensor's zero (the only
     * rest there is), through windows of their own: the detector's have moved on.
     */
    private Contraction followedAsOneRep(double restSigma) {
        TrailingWindows replay = new TrailingWindows(buffer, config);
        replay.reset(firstSeq);
        Contraction rep = new Contraction(config, buffer, replay, firstSeq, 0, restSigma, droppedAtBegin, true);
        rep.seed(firstSeq, buffer.t(firstSeq), replay.advanceTo(firstSeq));
        for (long q = firstSeq + 1; q < buffer.end(); q++) {
            rep.step(q, buffer.t(q), buffer.x(q), replay.advanceTo(q), buffer.t(q) - buffer.t(q - 1));
        }
        return rep;
    }

    /** The level the segment began at. */
    double levelS() {
        return levelS;
    }
}
