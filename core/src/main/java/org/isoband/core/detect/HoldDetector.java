package org.isoband.core.detect;

import java.util.Objects;

/**
 * Streaming hold detector: fed one sample at a time, it finds each contraction, follows its phases live
 * and emits a {@link RepEvent} when the contraction ends. The same machine runs live and in
 * {@code isoband analyze}; its method is in docs/detector.md.
 *
 * <ul>
 *   <li>A single wild reading is replaced by its neighbour ({@link WildSampleFilter}, one sample of delay).</li>
 *   <li>At rest it learns the rest tension and its noise; a rise clearly above it starts a {@link Contraction},
 *       back-dated to the last sample still at rest.</li>
 *   <li>A rise is only a rep if it is large for this athlete ({@link RecentReps}); a smaller one that stays
 *       is a new rest, and set-up tension is told from a pull's first bump by {@link SetUpTension}.</li>
 *   <li>The contraction settles, holds and breaks as {@link Contraction} describes; it is being released
 *       when the tension falls below {@code releaseFraction} of its top, and ends when it stops falling.</li>
 * </ul>
 * Everything is in seconds and newtons, so any rate from 5 Hz to 1 kHz, irregular sampling, and gaps shorter
 * than {@code maxGapS} work alike. A longer gap inside a rep, or {@link #linkLost}, ends it as INTERRUPTED;
 * time that goes backwards (a sensor that rebooted, an export whose clock restarts) starts a new segment,
 * and a rep it cuts is marked truncated, like one still going at {@link #finish} (data that stops in a
 * release back near rest ends the rep judged). How a segment that may begin inside a rep is read:
 * {@link SegmentOpening}.
 *
 * <p>Not thread-safe: feed it from one thread. After warm-up it allocates nothing per sample.
 */
public final class HoldDetector {
    /** History kept at rest, to back-date a slow ramp and average the rest tension before it. */
    private static final double REST_HISTORY_EXTRA_S = 2.0;
    private static final double REST_TAU_S = 0.5;
    /** A wild reading lies beyond its neighbours by more than this share of the tension above rest... */
    private static final double WILD_LEVEL_FRACTION = 0.1;
    /** ... and more than this many noise deviations, plus {@link #WILD_MIN_N}. */
    private static final double WILD_NOISE_FACTOR = 6;
    private static final double WILD_MIN_N = 1.0;
    private static final double NANOS = 1e9;

    private final DetectorConfig config;
    private final DetectorListener listener;
    private final SampleBuffer buffer = new SampleBuffer(1024);
    private final TrailingWindows windows;
    private final WildSampleFilter filter = new WildSampleFilter();
    private final RecentReps recent = new RecentReps();
    private final SetUpTension setUp = new SetUpTension(buffer);
    private final Contraction.TimeBase clock = this::toNanos;

    private boolean hasOrigin;
    private long originNanos;
    private final ReadingOrder order = new ReadingOrder();
    private boolean hasPrevious;
    private double lastT = Double.NEGATIVE_INFINITY;
    private double lastX;

    private long notFinite;
    private long outOfOrder;
    private long saturated;
    private long accepted;
    private long segments;

    private double restEma;
    private final RestNoise noise = new RestNoise();
    private final SegmentOpening opening;

    private Phase phase = Phase.REST;
    private int repCount;
    private double lastRepEndT = Double.NEGATIVE_INFINITY;
    /** The contraction in progress; null at rest. */
    private Contraction rep;

    public HoldDetector(DetectorConfig config, DetectorListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.windows = new TrailingWindows(buffer, config);
        this.opening = new SegmentOpening(buffer, config);
    }

    public DetectorConfig config() {
        return config;
    }

    /** Feeds one reading. Bad readings are dropped and counted. */
    public void accept(long tNanos, double newtons) {
        if (!Double.isFinite(newtons)) {
            notFinite++;
            return;
        }
        if (newtons >= config.fullScaleN()) {
            saturated++;
            return;
        }
        if (!hasOrigin) {
            originNanos = tNanos;
            hasOrigin = true;
        }
        double t = (tNanos - originNanos) / NANOS;
        ReadingOrder.Order said = order.classify(t, newtons, filter.hasPending() ? filter.pendingT() : Double.NaN,
                lastT, config.maxGapS());
        switch (said) {
            case REPEATED, KEPT_ASIDE -> {
                outOfOrder++;
                return;
            }
            case HELD_ONE_OUT_OF_LINE -> {
                // Only the held reading was out of line (a single absurd time): drop it, keep going.
                filter.dropPending();
                outOfOrder++;
            }
            case RESTART, RESTART_AT_KEPT -> {
                // The clock went back: a sensor that rebooted, an export that restarted. A new segment,
                // and nothing after it is lost (not even the reading kept aside).
                flushFilter();
                cutOff(null, true);
                segments++;
                if (said == ReadingOrder.Order.RESTART_AT_KEPT) {
                    outOfOrder--;
                    filter.offer(order.keptT(), order.keptX(), wildTolerance());
                }
            }
            case IN_ORDER -> {
            }
        }
        if (filter.offer(t, newtons, wildTolerance())) {
            take(filter.releasedT(), filter.releasedX());
        }
    }

    private double wildTolerance() {
        double reference = rep != null ? rep.rest : restEma;
        double above = hasPrevious ? Math.abs(lastX - reference) : 0;
        return WILD_NOISE_FACTOR * noise.sigma() + WILD_MIN_N + WILD_LEVEL_FRACTION * above;
    }

    private void flushFilter() {
        if (filter.flush()) {
            take(filter.releasedT(), filter.releasedX());
        }
        filter.restart();
    }

    /** A clean reading, in time order. */
    private void take(double t, double x) {
        if (hasPrevious && t - lastT > config.maxGapS()) {
            // Judged on the reading released after the gap, not on its arrival: a single absurd time
            // ahead is no gap, and the filter drops it before it gets here.
            cutOff(Verdict.INTERRUPTED, false);
        }
        accepted++;
        long seq = buffer.add(t, x);
        double s = windows.advanceTo(seq);
        if (hasPrevious) {
            opening.see(t, s);
            step(seq, t, x, s, t - lastT);
        } else {
            restEma = s;
            opening.begin(seq, t, s, droppedTotal());
        }
        lastT = t;
        lastX = x;
        hasPrevious = true;
    }

    /**
     * The sensor link was lost at {@code tNanos}: a rep in progress ends as INTERRUPTED at its last sample,
     * and the rest tension is learnt anew when samples come back.
     */
    public void linkLost(long tNanos) {
        flushFilter();
        cutOff(Verdict.INTERRUPTED, false);
    }

    /**
     * The athlete has moved the leg to a new angle (the coach knows when): at rest, the tension now is the
     * rest tension, however fast it changed. During a contraction this does nothing: the athlete is pushing.
     */
    public void rebaseline() {
        if (phase == Phase.REST && !buffer.isEmpty()) {
            restEma = buffer.s(buffer.last());
        }
    }

    /**
     * Ends a recording or a session: a rep still in progress is cut by the stop, so it is INTERRUPTED and
     * marked truncated (nothing is claimed about a hold that was not seen to its end).
     */
    public void finish() {
        flushFilter();
        rep = opening.repIfAllInside(rep, hasPrevious, lastT, recent, noise.sigma());
        if (rep != null && hasPrevious) {
            endCut(Verdict.INTERRUPTED, true);
        }
    }

    private void cutOff(Verdict verdict, boolean truncated) {
        rep = opening.repIfAllInside(rep, hasPrevious, lastT, recent, noise.sigma());
        if (rep != null && hasPrevious) {
            endCut(verdict != null ? verdict : Verdict.INTERRUPTED, truncated);
        }
        buffer.dropBefore(buffer.end());
        windows.reset(buffer.end());
        hasPrevious = false;
        noise.forget();
        opening.end(truncated, lastT);
        lastT = Double.NEGATIVE_INFINITY;
    }

    /**
     * The rep in progress ends at the last sample, without being judged; unless the data stops in its release,
     * back near rest: then the hold was seen to its end, and only the release's settling was not.
     */
    private void endCut(Verdict verdict, boolean truncated) {
        if (rep.phase == Phase.RELEASE && rep.releasedNearRest(buffer.s(buffer.last()))) {
            endRep(rep.releaseEnd(), buffer.last());
            return;
        }
        rep.closeAtEnd(lastT);
        rep.settleUnknownStart(rep.phase == Phase.RELEASE ? rep.floorS : 0);   // no release: the sensor's zero
        boolean small = rep.rise() < recent.minimumRise(config, rep.rest);
        if (truncated && small) {
            toRest(lastT);      // a fidget cut by the end: nothing to report
            return;
        }
        emit(lastT, verdict, truncated, buffer.last());
    }

    private void step(long seq, double t, double x, double s, double dt) {
        if (rep == null) {
            restStep(seq, t, x, s, dt);
        } else if (rep.phase == Phase.RELEASE) {
            releaseStep(seq, t, s);
        } else {
            contractionStep(seq, t, x, s, dt);
        }
    }

    private double onsetThreshold(double noiseSigma) {
        return Math.max(0.5 * config.minAmplitudeN(), config.onsetNoiseFactor() * noiseSigma);
    }

    // ---- REST ----------------------------------------------------------------------------------------

    private void restStep(long seq, double t, double x, double s, double dt) {
        double threshold = onsetThreshold(noise.sigma());
        // A segment's first second only learns the level and its noise: it may be the inside of a rep, whose
        // tremor is no onset. (A rep rising in it is found after it, back-dated.)
        if (s - restEma > threshold && !opening.learning(t)) {
            startRep(seq, t, s);
            return;
        }
        if (opening.isOpen() && opening.releasedFromInside(t, s, recent.minimumRise(config, s))) {
            openedInside(seq, t, s);
            return;
        }
        if (s < restEma - threshold / 2) {
            // Tension falling at rest is never a contraction: the rest tension is lower (after a dropout
            // mid-rep, or a leg lowered to a new angle).
            restEma = s;
        } else if (Math.abs(s - restEma) < threshold / 2) {
            // Only quiet rest teaches the rest level and noise: not the foot of a ramp.
            noise.learn(x - lastX, dt);
            restEma += dt / (REST_TAU_S + dt) * (s - restEma);
        }
        if (!opening.isOpen()) {
            double keepFrom = t - config.restWindowS() - REST_HISTORY_EXTRA_S;
            long first = buffer.first();
            while (first < seq && buffer.t(first) < keepFrom && first < windows.oldestInUse()) {
                first++;
            }
            buffer.dropBefore(first);
        }
    }

    private void startRep(long seq, double t, double s) {
        double tol = Math.max(3 * noise.sigma(), 0.05 * (s - restEma));
        long q = seq;
        while (q > buffer.first() && buffer.x(q) > restEma + tol) {
            q--;
        }
        long restFrom = buffer.seqAtOrAfter(buffer.t(q) - config.restWindowS());
        double rest = q + 1 - restFrom >= 2 ? buffer.meanX(restFrom, q + 1) : restEma;
        rep = new Contraction(config, buffer, windows, q, rest, noise.sigma(), droppedTotal(), false);
        if (opening.risesFromTheFirstMoments(q)) {
            rep.restUnknownUntilTheRelease();
        }
        rep.seed(seq, t, s);
        enter(Phase.RAMP, t);
    }

    /** The release of a rep the segment began inside: judged from what was seen, marked truncated. */
    private void openedInside(long seq, double t, double s) {
        rep = new Contraction(config, buffer, windows, opening.firstSeq(), s, noise.sigma(), droppedTotal(), true);
        rep.seed(seq, t, s);
        rep.maxS = opening.levelS();
        rep.beginRelease(seq, t, s);
        enter(Phase.RELEASE, t);
    }

    // ---- RAMP, HOLD, UNSTEADY ---------------------------------------------------------------------------

    private void contractionStep(long seq, double t, double x, double s, double dt) {
        double age = t - rep.startT;
        if (age > config.maxContractionS()
                || (age >= config.candidateS() && t - rep.maxST >= 2 * config.candidateS() / 3
                        && rep.rise() < recent.minimumRise(config, rep.rest)
                        && setUp.sitsAtANewRest(t, rep.rise(), rep.maxS - rep.floorSinceTopS, rep.floorSinceTopT))) {
            // Tension that stays up this long, or stopped rising this little above rest, is no rep: set-up
            // tension, a fidget, the leg at a new angle. It is the rest tension now. (A slow ramp still rises,
            // or pauses for less than a second; a pull that dipped after its first bump does not sit still.)
            restEma = s;
            toRest(t);
            return;
        }
        if (setUp.risesFromAPlateau(rep.startT, rep.rest, t, s, recent.plateauRise(config, rep.rest),
                onsetThreshold(rep.restSigma))) {
            // What came before was set-up tension (or the rest at a new angle): the rep starts now.
            restEma = setUp.secondAgo(t);
            rep = null;
            startRep(seq, t, s);
            return;
        }
        if (s < rep.releaseLevel()) {
            rep.beginRelease(seq, t, s);
            enter(Phase.RELEASE, t);
            return;
        }
        rep.step(seq, t, x, s, dt);
        enter(rep.phase, t);
    }

    // ---- RELEASE ---------------------------------------------------------------------------------------

    private void releaseStep(long seq, double t, double s) {
        Contraction.Release release = rep.releaseStep(seq, t, s, onsetThreshold(rep.restSigma));
        if (release == Contraction.Release.GOING) {
            return;
        }
        boolean risingAgain = release == Contraction.Release.RISING_AGAIN;
        if (risingAgain && !rep.floorNearRest() && rep.rise() >= recent.plateauRise(config, rep.rest)) {
            // A rep-sized contraction that sagged and comes back from far above rest: the same rep goes on.
            rep.resume();
            enter(rep.phase, t);
            return;
        }
        double floor = rep.floorS;
        // Rising again before settling: this rep ends at its floor and the next one starts from there.
        endRep(rep.releaseEnd(), risingAgain ? rep.floorSeq : seq);
        restEma = floor;
        if (risingAgain) {
            startRep(seq, t, s);
        }
    }

    // ---- the rep ---------------------------------------------------------------------------------------

    /** A released contraction: a rep if it was long and large enough, judged. */
    private void endRep(double endT, long lastSeq) {
        rep.settleUnknownStart(rep.floorS);
        double duration = endT - rep.startT;
        boolean restPlateau = rep.startT - lastRepEndT < config.plateauRestS()
                && rep.rise() < recent.plateauRise(config, rep.rest);
        if (restPlateau) {
            lastRepEndT = endT;     // the rest goes on: a plateau after a plateau is rest too
        }
        boolean fidget = rep.bestLength < config.minStretchS() && rep.rise() < recent.unsteadyFloor();
        if (rep.rise() < recent.minimumRise(config, rep.rest) || duration < config.minStretchS() || restPlateau
                || fidget) {
            toRest(buffer.t(lastSeq));
            return;
        }
        emit(endT, rep.startsInside ? Verdict.INTERRUPTED : null, false, lastSeq);
    }

    private void emit(double endT, Verdict forced, boolean truncated, long lastSeq) {
        RepEvent event = rep.toEvent(++repCount, endT, forced, truncated, droppedTotal() - rep.droppedAtStart, clock);
        if (rep.phase != Phase.RAMP) {
            recent.add(rep.rise());     // its top was seen, even if its start or end was not
        }
        lastRepEndT = endT;
        opening.repSeen();
        toRest(buffer.t(lastSeq));
        listener.onRep(event);
    }

    private void toRest(double t) {
        rep = null;
        enter(Phase.REST, t);
    }

    private void enter(Phase next, double t) {
        Phase previous = phase;
        phase = next;
        if (previous != next) {
            listener.onPhase(previous, next, toNanos(t));
        }
    }

    private long toNanos(double seconds) {
        return originNanos + Math.round(seconds * NANOS);
    }

    private long droppedTotal() {
        return notFinite + outOfOrder + saturated;
    }

    // ---- live state ------------------------------------------------------------------------------------

    public Phase phase() {
        return phase;
    }

    /**
     * Length of the steady stretch in progress, back-dated to where it began; 0 unless in HOLD. It counts
     * to the newest reading, even the one the wild-sample filter still holds back.
     */
    public double steadySeconds() {
        return rep != null ? rep.steadySeconds(filter.hasPending() ? filter.pendingT() : lastT) : 0;
    }

    /** Smoothed tension now. */
    public double levelN() {
        return buffer.isEmpty() ? Double.NaN : buffer.s(buffer.last());
    }

    /** Rest tension: during a rep the one it is measured against, at rest the current estimate. */
    public double restN() {
        return rep != null ? rep.rest : restEma;
    }

    public SampleCounters counters() {
        return new SampleCounters(accepted, notFinite, outOfOrder, saturated, filter.replaced(), segments);
    }

    /** A snapshot for display and telemetry. */
    public HoldState state() {
        boolean holding = phase == Phase.HOLD;
        double band = holding ? rep.band(rep.level()) : Double.NaN;
        double current = steadySeconds();
        double best = rep != null ? Math.max(rep.bestLength, current) : 0;
        return new HoldState(phase, hasPrevious ? toNanos(lastT) : 0, levelN(), restN(), current, best,
                holding ? rep.level() - band : Double.NaN, holding ? rep.level() + band : Double.NaN);
    }
}
