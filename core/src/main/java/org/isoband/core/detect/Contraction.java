package org.isoband.core.detect;

/**
 * One contraction, from its onset to its end: created when a rep starts, so nothing of the last rep
 * survives into the next. It follows the rep's phases RAMP, HOLD and UNSTEADY (settling, steady stretches,
 * breaks, wobbles) and, at its end, judges it.
 */
final class Contraction {
    /** How long the level follows slow fatigue drift and the band's stress relaxation. */
    private static final double LEVEL_TAU_S = 2.0;
    /** How much of the end of a steady stretch gives the level it ended at. */
    private static final double END_LEVEL_S = 0.5;
    /** Shares of the rise: data that stops this close to rest ends a release; one that settles this close ends it. */
    private static final double RELEASED_FRACTION = 0.1;
    private static final double NEAR_REST_FRACTION = 0.15;
    /** A release that settles higher ends the rep once it has sat there this long (the next angle's rest). */
    private static final double LOWER_LEVEL_WAIT_S = 5.0;

    private final DetectorConfig config;
    private final SampleBuffer buffer;
    private final TrailingWindows windows;

    final long startSeq;
    final double startT;
    /** The rest tension the rep is measured against (a truncated start learns it at the release). */
    double rest;
    final double restSigma;
    final long droppedAtStart;
    /** The recording began inside this rep: what came before it is unknown. */
    boolean startsInside;
    /** It rose from a segment's first moments: whether it began at rest is known only at its release. */
    private boolean restUnknown;
    private double restAtStart;
    double peakX = Double.NEGATIVE_INFINITY;
    double maxS;
    double maxST;
    /** The lowest smoothed tension since the top, and when: a rise that fell back and climbs again. */
    double floorSinceTopS;
    double floorSinceTopT;
    Phase phase = Phase.RAMP;

    // The steady stretch in progress (phase HOLD) and the best one of the rep.
    private double stretchStartT;
    private long stretchStartSeq;
    private double stretchTolerance;
    private double level;
    private long excursionSeq = -1;
    private int excursionDir;
    /** The side and time of the last sample outside the band, to see a swing across the level. */
    private int lastExcursionDir;
    private double lastExcursionT = Double.NEGATIVE_INFINITY;
    double bestStartT;
    double bestLength;
    private boolean moved;
    private double unsteadySeconds;
    /** Steady stretches broken by a wobble rather than a movement: two of them and the rep never held still. */
    private int wobbleBreaks;
    private double lastWobbleT = Double.NEGATIVE_INFINITY;
    private PendingBreak pending;

    // The release in progress.
    long releaseSeq;
    double floorS;
    long floorSeq;

    Contraction(DetectorConfig config, SampleBuffer buffer, TrailingWindows windows, long startSeq, double rest,
                double restSigma, long droppedAtStart, boolean startsInside) {
        this.config = config;
        this.buffer = buffer;
        this.windows = windows;
        this.startSeq = startSeq;
        this.startT = buffer.t(startSeq);
        this.rest = rest;
        this.restSigma = restSigma;
        this.droppedAtStart = droppedAtStart;
        this.startsInside = startsInside;
        this.bestStartT = startT;
    }

    /** Takes in the samples from the start up to {@code seq} (the foot of the ramp, seen before the onset). */
    void seed(long seq, double t, double s) {
        for (long i = startSeq; i <= seq; i++) {
            peakX = Math.max(peakX, buffer.x(i));
        }
        maxS = s;
        maxST = t;
        floorSinceTopS = s;
        floorSinceTopT = t;
    }

    double rise() {
        return maxS - rest;
    }

    double releaseLevel() {
        return rest + config.releaseFraction() * (maxS - rest);
    }

    /** One sample in RAMP, HOLD or UNSTEADY. */
    void step(long seq, double t, double x, double s, double dt) {
        peakX = Math.max(peakX, x);
        if (s > maxS) {
            maxS = s;
            maxST = t;
            floorSinceTopS = s;
            floorSinceTopT = t;
        } else if (s < floorSinceTopS) {
            floorSinceTopS = s;
            floorSinceTopT = t;
        }
        if (phase == Phase.HOLD) {
            holdStep(seq, t, s, dt);
        } else {
            if (phase == Phase.UNSTEADY) {
                unsteadySeconds += dt;
            }
            settleStep(seq, t);
        }
        if (pending != null && t >= pending.breakT() + config.moveCheckS()) {
            judgeBreak(buffer.end());
        }
    }

    /**
     * Half-width of the steady band around {@code level}: a share of the amplitude, widened for weak or noisy
     * signals to three deviations of what the smoothed tension of a steady hold still carries: the sensor's
     * noise measured at rest and a healthy tremor of the force itself. (Not measured during the hold: a
     * wobble would teach the detector to call itself steady.)
     */
    double band(double around) {
        double smoothedVariance = holdVariance(around) / Math.max(1, windows.smooth.count());
        return Math.max(config.bandPct() / 100 * (around - rest), 3 * Math.sqrt(smoothedVariance));
    }

    private double holdVariance(double around) {
        double tremor = config.tremorPct() / 100 * Math.abs(around);
        return restSigma * restSigma + tremor * tremor;
    }

    private boolean near(long seq, double tolerance) {
        return Math.abs(buffer.x(seq) - level) <= tolerance;
    }

    /** The raw tension over the last {@code wobbleS} varies more than noise and a steady tremor explain. */
    private boolean isWobbly(double around) {
        if (windows.wobble.span() < config.wobbleS() * 0.9) {
            return false;
        }
        double swing = config.wobblePct() / 100 * (around - rest);
        return windows.wobble.variance() > swing * swing + holdVariance(around);
    }

    private void settleStep(long seq, double t) {
        double mean = windows.settle.mean();
        double amplitude = mean - rest;
        double band = band(mean);
        boolean settled = amplitude >= config.minAmplitudeN()
                && windows.settle.span() >= config.settleS()
                && windows.settleSpread(seq) <= band
                && !(t - lastWobbleT < 2 * config.wobbleS() && isWobbly(mean));
        if (settled) {
            // The smoothed values still carry the foot of the ramp; the raw samples of the window do not.
            level = buffer.meanX(windows.settle.from(), seq + 1);
            long from = Math.max(startSeq, buffer.seqAtOrAfter(t - config.settleS() - config.smoothS()));
            stretchTolerance = StretchEdges.tolerance(buffer, from, seq, band, Math.sqrt(holdVariance(level)));
            long q = StretchEdges.firstNear(buffer, startSeq, windows.settle.from(), seq, level, stretchTolerance);
            stretchStartSeq = q;
            stretchStartT = StretchEdges.start(buffer, startSeq, q, level, band(level), stretchTolerance);
            excursionSeq = -1;
            phase = Phase.HOLD;
        } else if (phase == Phase.RAMP && t - maxST >= config.settleS()) {
            phase = Phase.UNSTEADY;
        }
    }

    private void holdStep(long seq, double t, double s, double dt) {
        double band = band(level);
        double deviation = s - level;
        if (Math.abs(deviation) <= band) {
            excursionSeq = -1;
            level += dt / (LEVEL_TAU_S + dt) * (s - level);
            // Judged only while the newest sample is in the band: the first sample of a release or a move
            // would otherwise pass for a wobble of the whole last second.
            // (From the first sample near the level: the edge placed between samples may lie on the ramp.)
            if (t - buffer.t(stretchStartSeq) >= config.wobbleS() && near(seq, band) && isWobbly(level)) {
                wobbled(t);
            }
            return;
        }
        int dir = deviation > 0 ? 1 : -1;
        if (excursionSeq < 0 || dir != excursionDir) {
            if (swingsAcross(t, dir)) {
                return;
            }
            excursionSeq = seq;
            excursionDir = dir;
        }
        lastExcursionDir = dir;
        lastExcursionT = t;
        if (t - buffer.t(excursionSeq) >= config.breakConfirmS()) {
            double end = stretchEnd(excursionSeq);
            double length = closeStretch(end);
            if (length >= config.minStretchS()) {
                pending = new PendingBreak(end, level, level - rest, excursionDir);
            }
            excursionSeq = -1;
            phase = Phase.UNSTEADY;
        }
    }

    /** Wobbling somewhere in the last window: none of it counts as steady. */
    private void wobbled(double t) {
        closeStretch(Math.max(stretchStartT, t - config.wobbleS()));
        lastWobbleT = t;
        wobbleBreaks++;
        phase = Phase.UNSTEADY;
    }

    /**
     * The tension leaves the band on the other side less than a wobble window after it left it on this one,
     * and the window varies like a wobble: an oscillation across the level. (At a few samples per second the
     * smoothed tension is back in the band only while the newest raw sample is at a swing's far side, so
     * the check made in the band never sees it; a release or a move leaves the level one way.)
     */
    private boolean swingsAcross(double t, int dir) {
        if (lastExcursionDir == -dir && t - lastExcursionT < config.wobbleS()
                && t - buffer.t(stretchStartSeq) >= config.wobbleS() && isWobbly(level)) {
            excursionSeq = -1;
            wobbled(t);
            return true;
        }
        return false;
    }

    /**
     * The last raw sample still near the level, walking back from where the smoothed tension left it. The
     * level is the one held just before (the tracked level lags a tiring athlete's drift).
     */
    private double stretchEnd(long fromSeq) {
        double departed = buffer.t(fromSeq) - config.smoothS();
        long from = Math.max(stretchStartSeq, buffer.seqAtOrAfter(departed - END_LEVEL_S));
        long to = buffer.seqAtOrAfter(departed);
        double endLevel = to - from >= 2 ? buffer.meanX(from, to) : level;
        // The tension cannot have left the level much before the smoothed tension did: on a slow, noisy
        // gauge no sample may be within the tolerance, and the walk must not run to the stretch's start.
        // (But it may go back one sample: after lost advertisements the sample before may be 0.5 s older.)
        long earliest = Math.max(stretchStartSeq,
                Math.min(fromSeq - 1, buffer.seqAtOrAfter(departed - config.smoothS())));
        long q = StretchEdges.lastNear(buffer, earliest, fromSeq, endLevel, stretchTolerance);
        return StretchEdges.end(buffer, q, fromSeq, endLevel, band(endLevel), stretchTolerance);
    }

    /** Ends the steady stretch in progress (if any) at {@code endT}; returns its length. */
    double closeStretch(double endT) {
        double length = Math.max(0, endT - stretchStartT);
        if (length > bestLength) {
            bestLength = length;
            bestStartT = stretchStartT;
        }
        return length;
    }

    /** The steady stretch in progress ends where the data ends. */
    void closeAtEnd(double lastT) {
        if (phase == Phase.HOLD) {
            closeStretch(lastT);
        }
    }

    /** Compares the level held after a break, over the samples before {@code toSeq}, with the level before. */
    private void judgeBreak(long toSeq) {
        PendingBreak b = pending;
        pending = null;
        long from = buffer.seqAtOrAfter(b.breakT() + config.moveCheckS() / 2);
        if (toSeq - from < 2) {
            return;
        }
        double releaseLevel = releaseLevel();
        for (long q = from; q < toSeq; q++) {
            if (buffer.s(q) < releaseLevel) {
                return;     // the tension was on its way down: a release, not a movement of the leg
            }
        }
        double after = buffer.meanX(from, toSeq);
        double change = (after - b.level()) * b.dir();
        if (change >= config.movePct() / 100 * b.amplitude()) {
            moved = true;
        } else {
            wobbleBreaks++;
        }
    }

    /** The tension fell below the release level at {@code seq}. */
    void beginRelease(long seq, double t, double s) {
        if (phase == Phase.HOLD) {
            closeStretch(stretchEnd(excursionSeq >= 0 ? excursionSeq : seq));
        }
        if (pending != null) {
            // Judge the new level only on what came before the release began, and only if there was
            // time to hold one: a slow release's first part is no movement of the leg.
            long beforeRelease = buffer.seqAtOrAfter(t - config.smoothS() - config.breakConfirmS());
            if (buffer.t(Math.max(buffer.first(), beforeRelease - 1)) - pending.breakT()
                    >= config.moveCheckS() / 2 + config.breakConfirmS()) {
                judgeBreak(beforeRelease);
            }
        }
        pending = null;
        releaseSeq = seq;
        floorS = s;
        floorSeq = seq;
        phase = Phase.RELEASE;
    }

    /** Where a release is. */
    enum Release { GOING, RISING_AGAIN, ENDED }

    /** One sample of the release: follows the floor, sees the tension rise again or settle (the end). */
    Release releaseStep(long seq, double t, double s, double onsetThreshold) {
        double top = maxS - rest;
        double flat = Math.max(3 * restSigma / Math.sqrt(Math.max(1, windows.smooth.count())), 0.02 * Math.abs(top));
        // Flat means within `flat` of where the floor last moved on, not of the newest low: a slow release
        // falls by less than `flat` a sample for a second and more (a real one: 350 N over 0.8 s at 80 Hz).
        if (s < buffer.s(floorSeq) - flat) {
            floorSeq = seq;
        }
        floorS = Math.min(floorS, s);
        if (startsInside || restUnknown) {
            rest = Math.min(rest, floorS);      // what was before the recording is unknown: the floor is rest
            top = maxS - rest;
        }
        if (s > floorS + Math.max(onsetThreshold, 0.15 * top)) {
            return Release.RISING_AGAIN;
        }
        // Settled well above rest it may be an athlete who gave up half-way and holds on lower (a real
        // all-out test: 160 -> 85 N for 3.5 s, then let go), or the next angle's rest.
        double settled = t - buffer.t(floorSeq);
        return settled >= config.releaseSettleS() && (floorNearRest() || settled >= LOWER_LEVEL_WAIT_S)
                ? Release.ENDED : Release.GOING;
    }

    boolean floorNearRest() {
        return floorS - rest <= NEAR_REST_FRACTION * (maxS - rest);
    }

    /** Rising again from a floor far above rest: a dip of a rep still going (an all-out effort that sags). */
    void resume() {
        phase = Phase.UNSTEADY;
    }

    /** The rep rose from a segment's first moments: the floor its release comes down to tells where it began. */
    void restUnknownUntilTheRelease() {
        restUnknown = true;
        restAtStart = rest;
    }

    /**
     * A rep whose rest was unknown began on its ramp before the recording (it is one started inside) if it
     * began the minimum amplitude, and {@link SegmentOpening#UNSEEN_START_FRACTION} of its rise, above
     * {@code floor}; else at the rest seen.
     */
    void settleUnknownStart(double floor) {
        if (!restUnknown) {
            return;
        }
        restUnknown = false;
        double above = restAtStart - floor;
        if (above >= Math.max(config.minAmplitudeN(), SegmentOpening.UNSEEN_START_FRACTION * (maxS - floor))) {
            startsInside = true;
            rest = Math.min(restAtStart, floor);
        } else {
            rest = restAtStart;
        }
    }

    boolean releasedNearRest(double s) {
        return s - rest <= RELEASED_FRACTION * (maxS - rest);
    }

    /** The first sample after the release began that is back near the floor. */
    double releaseEnd() {
        double tol = Math.max(3 * restSigma, 0.05 * (maxS - rest));
        long q = releaseSeq;
        while (q < floorSeq && buffer.x(q) > floorS + tol) {
            q++;
        }
        return buffer.t(q);
    }

    /** Length of the steady stretch in progress, back-dated to where it began; 0 unless in HOLD. */
    double steadySeconds(double now) {
        return phase == Phase.HOLD ? Math.max(0, now - stretchStartT) : 0;
    }

    double level() {
        return level;
    }

    // ---- the verdict -----------------------------------------------------------------------------------

    Verdict verdictFor(double steady, double duration) {
        if (steady >= config.holdTargetS()) {
            return Verdict.HELD;
        }
        boolean mostlyWobbling = unsteadySeconds >= Math.max(2 * config.minStretchS(), steady);
        // A rep seen wobbling that was unsteady longer than steady is a wobble even if one of its swings,
        // sampled a few times a second, looked like a new level: a leg that moved holds still after it.
        if (moved && !(mostlyWobbling && wobbleBreaks > 0)) {
            return Verdict.MOVED;
        }
        boolean neverSettled = steady == 0 && duration >= 2 * config.minStretchS();
        if (neverSettled || mostlyWobbling || wobbleBreaks >= 2) {
            return Verdict.UNSTEADY;
        }
        return Verdict.SHORT;
    }

    // ---- the rep's figures -----------------------------------------------------------------------------

    /**
     * The finished rep. {@code forced}: INTERRUPTED when the sensor went silent or the data was cut, else
     * null to judge it; {@code truncated}: the recording started or ended inside it.
     */
    RepEvent toEvent(int number, double endT, Verdict forced, boolean truncated, long dropped, TimeBase time) {
        double duration = endT - startT;
        double steady = bestLength >= config.minStretchS() ? bestLength : 0;
        Verdict verdict = forced != null ? forced : verdictFor(steady, duration);
        if (verdict == Verdict.UNSTEADY) {
            steady = 0;     // it never settled: whatever looked still for a moment was a wobble's turning point
        }
        long from;
        long to;
        if (steady > 0) {
            from = buffer.seqAtOrAfter(bestStartT);
            to = buffer.seqAtOrAfter(bestStartT + bestLength);
        } else {
            from = buffer.seqAtOrAfter(startT);
            to = buffer.seqAtOrAfter(endT);
        }
        // A rep that never held still is described by its upper half, not by its ramps.
        double threshold = steady > 0 ? Double.NEGATIVE_INFINITY : rest + 0.5 * (maxS - rest);
        HeldFigures held = HeldFigures.over(buffer, from, to, threshold, maxS);
        double mean = held.meanN();
        double amplitude = mean - rest;
        double drift = steady > 0 && amplitude > 0
                ? 100 * HeldFigures.drift(buffer, bestStartT, bestStartT + bestLength) / amplitude : 0;
        double steadyStart = steady > 0 ? bestStartT : startT;
        return new RepEvent(number, time.toNanos(startT), time.toNanos(endT), time.toNanos(steadyStart), steady,
                verdict, mean, peakX, held.cvPct(), drift, rest, amplitude, dropped, truncated || startsInside);
    }

    /** The detector's clock: seconds since its first sample, back to the sample clock's nanoseconds. */
    @FunctionalInterface
    interface TimeBase {
        long toNanos(double seconds);
    }
}
