package org.isoband.core.detect;

import java.util.Objects;

/**
 * Streaming hold detector: fed one sample at a time, it finds each contraction, follows its phases live
 * and emits a {@link RepEvent} when the contraction ends.
 *
 * <h2>Method</h2>
 * <ul>
 *   <li>The tension is smoothed by a short trailing mean ({@code smoothS}) that removes tremor and sensor
 *       noise but keeps what matters: ramps, wobbles, and steps of the leg moving.</li>
 *   <li>A contraction starts when the smoothed tension rises clearly above the rest tension (more than
 *       {@code onsetNoiseFactor} rest-noise deviations, and half the smallest amplitude). Its start is
 *       back-dated to the last sample still at rest, and its rest tension is the mean of the
 *       {@code restWindowS} before that: every percentage is of the amplitude above this rest tension.</li>
 *   <li>The tension has settled when the smoothed values of the last {@code settleS} lie within the steady
 *       band (&plusmn;{@code bandPct} of amplitude, widened to 3 deviations of the smoothed noise for weak or
 *       noisy signals). The steady stretch is back-dated to the first raw sample near the settled level, so
 *       the hold timer counts what the athlete really held.</li>
 *   <li>During HOLD, the level follows slow fatigue drift; an excursion outside the band that lasts
 *       {@code breakConfirmS} breaks the stretch, back-dated to where the tension left the level. If, a
 *       second later, the tension has stayed at least {@code movePct} of amplitude away, the leg moved.</li>
 *   <li>The contraction is being released when the tension falls below {@code releaseFraction} of its top,
 *       and ends when it stops falling; the end is the first sample back near the floor.</li>
 * </ul>
 * Everything is in seconds and newtons, so any rate from 10 Hz to 1 kHz, irregular sampling, and gaps
 * shorter than {@code maxGapS} work alike. A longer gap inside a rep ends it as INTERRUPTED.
 *
 * <p>Bad samples (not finite, not after the previous one, at or above full scale, stuck at the top of a
 * rep) are dropped and counted ({@link #counters()}); the rep they fell in carries the count.
 *
 * <p>Not thread-safe: feed it from one thread. After warm-up it allocates nothing per sample.
 */
public final class HoldDetector {
    /** History kept at rest, to back-date a slow ramp and average the rest tension before it. */
    private static final double REST_HISTORY_EXTRA_S = 2.0;
    private static final double REST_TAU_S = 0.5;
    private static final double NOISE_TAU_S = 1.0;
    private static final double LEVEL_TAU_S = 2.0;
    /** How much of the end of a steady stretch gives the level it ended at. */
    private static final double END_LEVEL_S = 0.5;
    private static final double NANOS = 1e9;

    private final DetectorConfig config;
    private final DetectorListener listener;
    private final SampleBuffer buffer = new SampleBuffer(1024);
    private final RollingWindow smooth;
    private final RollingWindow settle;
    private final RollingWindow wobble;

    private boolean hasOrigin;
    private long originNanos;
    private boolean hasPrevious;
    private double lastT = Double.NEGATIVE_INFINITY;
    private double lastX;
    private double runValue = Double.NaN;
    private double runStartT;

    private long notFinite;
    private long outOfOrder;
    private long saturated;
    private long accepted;

    private double restEma;
    private double noiseVar;
    private boolean hasNoise;

    private Phase phase = Phase.REST;
    private int repCount;

    // The rep in progress.
    private long repStartSeq;
    private double repStartT;
    private double rest;
    private double restSigma;
    private double peakX;
    private double maxS;
    private double maxST;
    private long droppedAtStart;

    // The steady stretch in progress (phase HOLD) and the best one of the rep.
    private double stretchStartT;
    private long stretchStartSeq;
    private double stretchTolerance;
    private double level;
    private long excursionSeq = -1;
    private int excursionDir;
    private double bestStartT;
    private double bestLength;
    private boolean moved;
    private double unsteadySeconds;
    /** Steady stretches broken by a wobble rather than a movement: two of them and the rep never held still. */
    private int wobbleBreaks;
    private double lastWobbleT;

    // A break waiting to be told apart: movement of the leg or a wobble.
    private boolean pendingMove;
    private double pendingBreakT;
    private double pendingLevel;
    private double pendingAmplitude;
    private int pendingDir;

    // The release in progress.
    private long releaseSeq;
    private double floorS;
    private long floorSeq;

    public HoldDetector(DetectorConfig config, DetectorListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.smooth = new RollingWindow(buffer, RollingWindow.Column.RAW, config.smoothS(), false);
        this.settle = new RollingWindow(buffer, RollingWindow.Column.SMOOTHED, config.settleS(), true);
        this.wobble = new RollingWindow(buffer, RollingWindow.Column.RAW, config.wobbleS(), false);
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
        if (!hasOrigin) {
            originNanos = tNanos;
            hasOrigin = true;
        }
        double t = (tNanos - originNanos) / NANOS;
        if (t <= lastT) {
            outOfOrder++;
            return;
        }
        if (newtons >= config.fullScaleN() || isStuck(t, newtons)) {
            saturated++;
            return;
        }
        if (hasPrevious && t - lastT > config.maxGapS()) {
            cutOff(Verdict.INTERRUPTED);
        }
        accepted++;
        long seq = buffer.add(t, newtons);
        smooth.advanceTo(seq);
        double s = smooth.mean();
        buffer.setS(seq, s);
        settle.advanceTo(seq);
        wobble.advanceTo(seq);
        if (hasPrevious) {
            step(seq, t, newtons, s, t - lastT);
        } else {
            restEma = s;
        }
        lastT = t;
        lastX = newtons;
        hasPrevious = true;
    }

    /**
     * The sensor link was lost at {@code tNanos}: a rep in progress ends as INTERRUPTED at its last sample,
     * and the rest tension is learnt anew when samples come back.
     */
    public void linkLost(long tNanos) {
        cutOff(Verdict.INTERRUPTED);
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

    /** Ends a recording: a rep still in progress is judged on what was seen, as if released now. */
    public void finish() {
        if (phase.inContraction() && hasPrevious) {
            long last = buffer.last();
            if (phase == Phase.HOLD) {
                closeStretch(lastT);
            }
            endRep(lastT, null, last);
        }
    }

    private void cutOff(Verdict verdict) {
        if (phase.inContraction() && hasPrevious) {
            if (phase == Phase.HOLD) {
                closeStretch(lastT);
            }
            endRep(lastT, verdict, buffer.last());
        }
        buffer.dropBefore(buffer.end());
        smooth.reset(buffer.end());
        settle.reset(buffer.end());
        wobble.reset(buffer.end());
        hasPrevious = false;
        hasNoise = false;
    }

    private boolean isStuck(double t, double x) {
        if (x != runValue) {
            runValue = x;
            runStartT = t;
            return false;
        }
        return phase.inContraction() && x >= peakX && t - runStartT >= config.stuckS();
    }

    private void step(long seq, double t, double x, double s, double dt) {
        switch (phase) {
            case REST -> restStep(seq, t, x, s, dt);
            case RELEASE -> releaseStep(seq, t, s);
            default -> contractionStep(seq, t, x, s, dt);
        }
    }

    private void updateNoise(double diff, double dt) {
        // Successive differences see white noise (variance 2 sigma^2) but hardly any slow trend; the clip
        // keeps a single spike or the first samples of a ramp from inflating it.
        double v = diff * diff / 2;
        if (!hasNoise) {
            noiseVar = v;
            hasNoise = true;
        } else {
            noiseVar += alpha(dt, NOISE_TAU_S) * (Math.min(v, 16 * noiseVar) - noiseVar);
        }
    }

    private static double alpha(double dt, double tau) {
        return dt / (tau + dt);
    }

    private double sigma() {
        return Math.sqrt(noiseVar);
    }

    private double onsetThreshold(double noiseSigma) {
        return Math.max(0.5 * config.minAmplitudeN(), config.onsetNoiseFactor() * noiseSigma);
    }

    // ---- REST ----------------------------------------------------------------------------------------

    private void restStep(long seq, double t, double x, double s, double dt) {
        double threshold = onsetThreshold(sigma());
        if (s - restEma > threshold) {
            startRep(seq, t, s);
            return;
        }
        if (s < restEma - threshold / 2) {
            // Tension falling at rest is never a contraction: the rest tension is lower (after a dropout
            // mid-rep, or a leg lowered to a new angle).
            restEma = s;
        } else if (Math.abs(s - restEma) < threshold / 2) {
            // Only quiet rest teaches the rest level and noise: not the foot of a ramp.
            updateNoise(x - lastX, dt);
            restEma += alpha(dt, REST_TAU_S) * (s - restEma);
        }
        double keepFrom = t - config.restWindowS() - REST_HISTORY_EXTRA_S;
        long first = buffer.first();
        while (first < seq && buffer.t(first) < keepFrom && first < wobble.from()) {
            first++;
        }
        buffer.dropBefore(first);
    }

    private void startRep(long seq, double t, double s) {
        double tol = Math.max(3 * sigma(), 0.05 * (s - restEma));
        long q = seq;
        while (q > buffer.first() && buffer.x(q) > restEma + tol) {
            q--;
        }
        repStartSeq = q;
        repStartT = buffer.t(q);
        long restFrom = buffer.seqAtOrAfter(repStartT - config.restWindowS());
        rest = q + 1 - restFrom >= 2 ? buffer.meanX(restFrom, q + 1) : restEma;
        restSigma = sigma();
        peakX = Double.NEGATIVE_INFINITY;
        for (long i = q; i <= seq; i++) {
            peakX = Math.max(peakX, buffer.x(i));
        }
        maxS = s;
        maxST = t;
        droppedAtStart = droppedTotal();
        bestLength = 0;
        bestStartT = repStartT;
        moved = false;
        unsteadySeconds = 0;
        wobbleBreaks = 0;
        lastWobbleT = Double.NEGATIVE_INFINITY;
        pendingMove = false;
        excursionSeq = -1;
        enter(Phase.RAMP, t);
    }

    // ---- RAMP, HOLD, UNSTEADY ---------------------------------------------------------------------------

    private void contractionStep(long seq, double t, double x, double s, double dt) {
        peakX = Math.max(peakX, x);
        if (s > maxS) {
            maxS = s;
            maxST = t;
        }
        if (t - repStartT > config.maxContractionS()) {
            // Tension that stays up this long is not a hold: the athlete changed the angle. Learn it as rest.
            restEma = s;
            enter(Phase.REST, t);
            return;
        }
        if (s < rest + config.releaseFraction() * (maxS - rest)) {
            beginRelease(seq, t, s);
            return;
        }
        if (phase == Phase.HOLD) {
            holdStep(seq, t, s, dt);
        } else {
            if (phase == Phase.UNSTEADY) {
                unsteadySeconds += dt;
            }
            settleStep(seq, t);
        }
        if (pendingMove && t >= pendingBreakT + config.moveCheckS()) {
            judgeBreak(buffer.end());
        }
    }

    /**
     * Half-width of the steady band around {@code level}: a share of the amplitude, widened for weak or noisy
     * signals to three deviations of what the smoothed tension of a steady hold still carries: the sensor's
     * noise measured at rest and a healthy tremor of the force itself. (Not measured during the hold: a
     * wobble would teach the detector to call itself steady.)
     */
    private double band(double level) {
        double sigma = holdSigma(level);
        double smoothedSigma = sigma / Math.sqrt(Math.max(1, smooth.count()));
        return Math.max(config.bandPct() / 100 * (level - rest), 3 * smoothedSigma);
    }

    private double holdSigma(double level) {
        double tremor = config.tremorPct() / 100 * Math.abs(level);
        return Math.sqrt(restSigma * restSigma + tremor * tremor);
    }

    /**
     * How near the level a raw sample must be to belong to a steady stretch when back-dating it: 1.25 times
     * the noise just measured on the settled tension (successive differences, blind to the ramp's slope), at
     * least an eighth of the band. Wider would count the slow tail of a ramp as held; narrower, the noise.
     */
    private double backdateTolerance(double band, double level, long seq) {
        long from = Math.max(repStartSeq, buffer.seqAtOrAfter(buffer.t(seq) - config.settleS() - config.smoothS()));
        double squares = 0;
        for (long q = from + 1; q <= seq; q++) {
            double d = buffer.x(q) - buffer.x(q - 1);
            squares += d * d;
        }
        double noise = seq > from ? Math.sqrt(squares / (2.0 * (seq - from))) : holdSigma(level);
        return Math.min(band, Math.max(band / 8, 1.25 * noise));
    }

    private boolean near(long seq, double tolerance) {
        return Math.abs(buffer.x(seq) - level) <= tolerance;
    }

    /** The raw tension over the last {@code wobbleS} varies more than noise and a steady tremor explain. */
    private boolean isWobbly(double level) {
        if (wobble.span() < config.wobbleS() * 0.9) {
            return false;
        }
        double swing = config.wobblePct() / 100 * (level - rest);
        double noise = holdSigma(level);
        return wobble.sd() > Math.sqrt(swing * swing + noise * noise);
    }

    private void settleStep(long seq, double t) {
        double mean = settle.mean();
        double amplitude = mean - rest;
        double band = band(mean);
        boolean settled = amplitude >= config.minAmplitudeN()
                && settle.span() >= config.settleS()
                && settle.max() - settle.min() <= band
                && !(t - lastWobbleT < 2 * config.wobbleS() && isWobbly(mean));
        if (settled) {
            // The smoothed values still carry the foot of the ramp; the raw samples of the window do not.
            level = buffer.meanX(settle.from(), seq + 1);
            stretchTolerance = backdateTolerance(band, level, seq);
            double tol = stretchTolerance;
            long q = Math.max(settle.from(), repStartSeq);
            // Walk back over the settled samples; one noisy sample does not end the walk, two in a row do.
            while (q > repStartSeq && (near(q - 1, tol) || (q - 1 > repStartSeq && near(q - 2, tol)))) {
                q--;
            }
            while (q < seq && !near(q, tol)) {
                q++;
            }
            stretchStartSeq = q;
            stretchStartT = buffer.t(q);
            excursionSeq = -1;
            enter(Phase.HOLD, t);
        } else if (phase == Phase.RAMP && t - maxST >= config.settleS()) {
            enter(Phase.UNSTEADY, t);
        }
    }

    private void holdStep(long seq, double t, double s, double dt) {
        double band = band(level);
        double deviation = s - level;
        if (Math.abs(deviation) <= band) {
            excursionSeq = -1;
            level += alpha(dt, LEVEL_TAU_S) * (s - level);
            // Judged only while the newest sample is in the band: the first sample of a release or a move
            // would otherwise pass for a wobble of the whole last second.
            if (t - stretchStartT >= config.wobbleS() && near(seq, band) && isWobbly(level)) {
                // Wobbling somewhere in the last window: none of it counts as steady.
                closeStretch(Math.max(stretchStartT, t - config.wobbleS()));
                lastWobbleT = t;
                wobbleBreaks++;
                enter(Phase.UNSTEADY, t);
            }
            return;
        }
        int dir = deviation > 0 ? 1 : -1;
        if (excursionSeq < 0 || dir != excursionDir) {
            excursionSeq = seq;
            excursionDir = dir;
        }
        if (t - buffer.t(excursionSeq) >= config.breakConfirmS()) {
            double end = stretchEnd(excursionSeq);
            double length = closeStretch(end);
            if (length >= config.minStretchS()) {
                pendingMove = true;
                pendingBreakT = end;
                pendingLevel = level;
                pendingAmplitude = level - rest;
                pendingDir = excursionDir;
            }
            excursionSeq = -1;
            enter(Phase.UNSTEADY, t);
        }
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
        long q = fromSeq;
        while (q > stretchStartSeq && Math.abs(buffer.x(q) - endLevel) > stretchTolerance) {
            q--;
        }
        return buffer.t(q);
    }

    private double closeStretch(double endT) {
        double length = Math.max(0, endT - stretchStartT);
        if (length > bestLength) {
            bestLength = length;
            bestStartT = stretchStartT;
        }
        return length;
    }

    /** Compares the level held after a break, over the samples before {@code toSeq}, with the level before. */
    private void judgeBreak(long toSeq) {
        pendingMove = false;
        long from = buffer.seqAtOrAfter(pendingBreakT + config.moveCheckS() / 2);
        if (toSeq - from < 2) {
            return;
        }
        double releaseLevel = rest + config.releaseFraction() * (maxS - rest);
        for (long q = from; q < toSeq; q++) {
            if (buffer.s(q) < releaseLevel) {
                return;     // the tension was on its way down: a release, not a movement of the leg
            }
        }
        double after = buffer.meanX(from, toSeq);
        double change = (after - pendingLevel) * pendingDir;
        if (change >= config.movePct() / 100 * pendingAmplitude) {
            moved = true;
        } else {
            wobbleBreaks++;
        }
    }

    // ---- RELEASE ---------------------------------------------------------------------------------------

    private void beginRelease(long seq, double t, double s) {
        if (phase == Phase.HOLD) {
            closeStretch(stretchEnd(excursionSeq >= 0 ? excursionSeq : seq));
        }
        if (pendingMove) {
            // Judge the new level only on what came before the release began, and only if there was
            // time to hold one: a slow release's first part is no movement of the leg.
            long beforeRelease = buffer.seqAtOrAfter(t - config.smoothS() - config.breakConfirmS());
            if (buffer.t(Math.max(buffer.first(), beforeRelease - 1)) - pendingBreakT >= config.moveCheckS() / 2 + config.breakConfirmS()) {
                judgeBreak(beforeRelease);
            }
        }
        pendingMove = false;
        releaseSeq = seq;
        floorS = s;
        floorSeq = seq;
        enter(Phase.RELEASE, t);
    }

    private void releaseStep(long seq, double t, double s) {
        double top = maxS - rest;
        double flat = Math.max(3 * restSigma / Math.sqrt(Math.max(1, smooth.count())), 0.02 * top);
        if (s < floorS - flat) {
            floorS = s;
            floorSeq = seq;
        } else if (s < floorS) {
            floorS = s;
        }
        if (s > floorS + Math.max(onsetThreshold(restSigma), 0.15 * top)) {
            // Rising again before settling: this rep ends at its floor and the next one starts from there.
            endRep(releaseEnd(top), null, floorSeq);
            restEma = floorS;
            startRep(seq, t, s);
        } else if (t - buffer.t(floorSeq) >= config.releaseSettleS()) {
            double end = releaseEnd(top);
            endRep(end, null, seq);
            restEma = floorS;
        }
    }

    /** The first sample after the release began that is back near the floor. */
    private double releaseEnd(double top) {
        double tol = Math.max(3 * restSigma, 0.05 * top);
        long q = releaseSeq;
        while (q < floorSeq && buffer.x(q) > floorS + tol) {
            q++;
        }
        return buffer.t(q);
    }

    // ---- the rep ---------------------------------------------------------------------------------------

    private void endRep(double endT, Verdict forced, long lastSeq) {
        double duration = endT - repStartT;
        boolean tooSmall = maxS - rest < config.minAmplitudeN() || duration < config.minStretchS();
        if (forced == null && tooSmall) {
            enter(Phase.REST, buffer.t(lastSeq));
            return;
        }
        double steady = bestLength >= config.minStretchS() ? bestLength : 0;
        Verdict verdict = forced != null ? forced : verdictFor(steady, duration);
        if (verdict == Verdict.UNSTEADY) {
            steady = 0;     // it never settled: whatever looked still for a moment was a wobble's turning point
        }
        RepEvent event = summarize(endT, steady, verdict);
        enter(Phase.REST, buffer.t(lastSeq));
        listener.onRep(event);
    }

    private Verdict verdictFor(double steady, double duration) {
        if (steady >= config.holdTargetS()) {
            return Verdict.HELD;
        }
        if (moved) {
            return Verdict.MOVED;
        }
        boolean neverSettled = steady == 0 && duration >= 2 * config.minStretchS();
        boolean mostlyWobbling = unsteadySeconds >= Math.max(2 * config.minStretchS(), steady);
        if (neverSettled || mostlyWobbling || wobbleBreaks >= 2) {
            return Verdict.UNSTEADY;
        }
        return Verdict.SHORT;
    }

    private RepEvent summarize(double endT, double steady, Verdict verdict) {
        long from;
        long to;
        if (steady > 0) {
            from = buffer.seqAtOrAfter(bestStartT);
            to = buffer.seqAtOrAfter(bestStartT + bestLength);
        } else {
            from = buffer.seqAtOrAfter(repStartT);
            to = buffer.seqAtOrAfter(endT);
        }
        double threshold = steady > 0 ? Double.NEGATIVE_INFINITY : rest + 0.5 * (maxS - rest);
        double sum = 0;
        long n = 0;
        for (long q = from; q <= to && q < buffer.end(); q++) {
            if (buffer.x(q) >= threshold) {
                sum += buffer.x(q);
                n++;
            }
        }
        double mean = n > 0 ? sum / n : maxS;
        double squares = 0;
        for (long q = from; q <= to && q < buffer.end(); q++) {
            if (buffer.x(q) >= threshold) {
                double d = buffer.x(q) - mean;
                squares += d * d;
            }
        }
        double cv = n > 1 && mean != 0 ? 100 * Math.sqrt(squares / (n - 1)) / Math.abs(mean) : 0;
        double amplitude = mean - rest;
        double drift = steady > 0 && amplitude > 0 ? 100 * driftOver(bestStartT, bestStartT + bestLength) / amplitude : 0;
        long dropped = droppedTotal() - droppedAtStart;
        double steadyStart = steady > 0 ? bestStartT : repStartT;
        return new RepEvent(++repCount, toNanos(repStartT), toNanos(endT), toNanos(steadyStart), steady, verdict, mean,
                peakX, cv, drift, rest, amplitude, dropped);
    }

    /** Level of the last second of a stretch minus that of its first second. */
    private double driftOver(double from, double to) {
        double window = Math.min(1.0, (to - from) / 2);
        double head = buffer.meanX(buffer.seqAtOrAfter(from), buffer.seqAtOrAfter(from + window));
        double tail = buffer.meanX(buffer.seqAtOrAfter(to - window), buffer.seqAtOrAfter(to));
        return Double.isNaN(head) || Double.isNaN(tail) ? 0 : tail - head;
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

    /** Length of the steady stretch in progress, back-dated to where it began; 0 unless in HOLD. */
    public double steadySeconds() {
        return phase == Phase.HOLD ? Math.max(0, lastT - stretchStartT) : 0;
    }

    /** Smoothed tension now. */
    public double levelN() {
        return buffer.isEmpty() ? Double.NaN : buffer.s(buffer.last());
    }

    /** Rest tension: during a rep the one it is measured against, at rest the current estimate. */
    public double restN() {
        return phase.inContraction() ? rest : restEma;
    }

    public SampleCounters counters() {
        return new SampleCounters(accepted, notFinite, outOfOrder, saturated);
    }

    /** A snapshot for display and telemetry. */
    public HoldState state() {
        boolean holding = phase == Phase.HOLD;
        double band = holding ? band(level) : Double.NaN;
        double current = steadySeconds();
        double best = phase.inContraction() ? Math.max(bestLength, current) : 0;
        return new HoldState(phase, hasPrevious ? toNanos(lastT) : 0, levelN(), restN(), current, best,
                holding ? level - band : Double.NaN, holding ? level + band : Double.NaN);
    }
}
