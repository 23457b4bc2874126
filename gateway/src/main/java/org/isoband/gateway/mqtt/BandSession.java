package org.isoband.gateway.mqtt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.isoband.core.detect.DetectorConfig;
import org.isoband.core.detect.DetectorListener;
import org.isoband.core.detect.HoldDetector;
import org.isoband.core.detect.Phase;
import org.isoband.core.detect.RepEvent;
import org.isoband.core.detect.Verdict;
import org.isoband.core.message.Origin;
import org.isoband.core.message.RepMessage;
import org.isoband.core.message.SessionSummary;
import org.isoband.core.message.StateMessage;
import org.isoband.device.source.LinkState;
import org.isoband.device.source.SampleSink;

/**
 * One band's training session, live: the band's samples go to its {@link HoldDetector} and to the force
 * chart, and what the detector decides goes out as messages (a state on every phase and link change, a rep
 * event per rep, a summary at the end). Runs on the sensor's thread and only hands messages to the
 * {@link EventPublisher}, which never makes it wait.
 *
 * <p>Sample times are the detector's clock (nanoseconds); messages carry wall-clock instants through the
 * {@link SampleClock}. "Today" is the gateway's local day; its counts start from what the publisher already
 * published today, so a restart does not reset them.
 */
public final class BandSession implements SampleSink, DetectorListener {
    private final HoldDetector detector;
    private final EventPublisher publisher;
    private final SampleClock clock;
    private final ZoneId zone;
    private final double targetS;
    private Origin origin;

    private volatile String link = LinkState.CONNECTING.name();
    private long firstNanos = Long.MIN_VALUE;
    private long lastNanos;
    private int reps;
    private final Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    private double steadyTotalS;
    private double bestSteadyS;
    private LocalDate day;
    private RepCounts today;
    private boolean ended;

    /**
     * @param gateway  the gateway's name (sanitized here)
     * @param band     the band's name (sanitized here)
     * @param detector the detector's settings, with the hold target
     * @param zone     the gateway's time zone, for "today"
     */
    public BandSession(String gateway, String band, DetectorConfig detector, EventPublisher publisher, SampleClock clock, ZoneId zone) {
        this.origin = new Origin(TopicNames.sanitize(gateway), TopicNames.sanitize(band), UUID.randomUUID().toString(), null, null);
        this.detector = new HoldDetector(detector, this);
        this.publisher = publisher;
        this.clock = clock;
        this.zone = zone;
        this.targetS = detector.holdTargetS();
        this.day = LocalDate.ofInstant(clock.now(), zone);
        this.today = publisher.repCountsSince(origin.band(), day.atStartOfDay(zone).toInstant());
    }

    public String sessionId() {
        return origin.session();
    }

    public String band() {
        return origin.band();
    }

    /** What the athlete does now, from the coach: {@code right}/{@code left} and the angle index, or nulls. */
    public void setExercise(String leg, Integer angle) {
        origin = origin.withExercise(leg, angle);
    }

    @Override
    public void sample(long tNanos, double newtons) {
        if (firstNanos == Long.MIN_VALUE) {
            firstNanos = tNanos;
        }
        lastNanos = tNanos;
        detector.accept(tNanos, newtons);
        if (Double.isFinite(newtons)) {
            publisher.publishForce(origin.band(), clock.toWall(tNanos), newtons);
        }
    }

    @Override
    public void linkState(LinkState state, String detail) {
        if (state == LinkState.LOST && firstNanos != Long.MIN_VALUE) {
            detector.linkLost(lastNanos);
        }
        link = state.name();
        publishState();
    }

    @Override
    public void onPhase(Phase from, Phase to, long tNanos) {
        publishState();
    }

    @Override
    public void onRep(RepEvent rep) {
        rollDay();
        reps++;
        verdicts.merge(rep.verdict(), 1, Integer::sum);
        steadyTotalS += rep.steadySeconds();
        bestSteadyS = Math.max(bestSteadyS, rep.steadySeconds());
        today = today.plus(rep.verdict() == Verdict.HELD);
        publisher.publishRep(RepMessage.of(rep, origin, clock.toWall(rep.startNanos()), clock.toWall(rep.endNanos()), targetS));
        publishState();
    }

    private void rollDay() {
        LocalDate now = LocalDate.ofInstant(clock.now(), zone);
        if (!now.equals(day)) {
            day = now;
            today = RepCounts.NONE;
        }
    }

    /** The state as decided now, at the newest sample (the detector back-dates phase changes; "at" does not). */
    private void publishState() {
        rollDay();
        long decided = firstNanos == Long.MIN_VALUE ? clock.nanos() : lastNanos;
        publisher.publishState(new StateMessage(origin.gateway(), origin.band(), origin.session(), detector.phase(),
                origin.leg(), origin.angle(), reps, detector.steadySeconds(), detector.levelN(), detector.restN(), link,
                today.reps(), today.held(), clock.toWall(decided)));
    }

    /**
     * Ends the session: a rep still in progress is judged on what was seen, and the summary is published
     * (when there was at least one rep). Call it after the source stopped. Returns the summary, or null.
     */
    public SessionSummary end() {
        if (ended) {
            return null;
        }
        ended = true;
        detector.finish();
        if (reps == 0) {
            return null;
        }
        SessionSummary summary = SessionSummary.of(origin, wall(firstNanos), wall(lastNanos), verdicts, steadyTotalS, bestSteadyS, targetS);
        publisher.publishSessionSummary(summary);
        return summary;
    }

    private Instant wall(long nanos) {
        return clock.toWall(nanos);
    }

    /** Reps finished in this session so far. */
    public int reps() {
        return reps;
    }
}
