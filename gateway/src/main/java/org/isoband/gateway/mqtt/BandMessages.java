package org.isoband.gateway.mqtt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.isoband.core.detect.HoldState;
import org.isoband.core.detect.Phase;
import org.isoband.core.detect.RepEvent;
import org.isoband.core.detect.Verdict;
import org.isoband.core.message.MaxTestMessage;
import org.isoband.core.message.Origin;
import org.isoband.core.message.PlanPlace;
import org.isoband.core.message.RepMessage;
import org.isoband.core.message.SessionSummary;
import org.isoband.core.message.StateMessage;
import org.isoband.core.message.ZoneFigures;
import org.isoband.device.source.LinkState;

/**
 * What one band's session says over MQTT: a state on every phase and link change, a rep event per rep, the
 * force for live charts, a summary at the end. Told what the detector decided by whoever owns the detector
 * (the gateway's session loop through {@link MqttSessionObserver}; tests drive it with a detector of their own); only hands messages to the {@link EventPublisher},
 * which never makes it wait.
 *
 * <p>Sample times are the detector's clock (nanoseconds); messages carry wall-clock instants through the
 * {@link SampleClock}. "Today" is the gateway's local day; its counts start from what the publisher already
 * published today, so a restart does not reset them.
 */
public final class BandMessages {
    private final EventPublisher publisher;
    private final SampleClock clock;
    private final ZoneId zone;
    private final double targetS;
    private Origin origin;

    private String link = LinkState.CONNECTING.name();
    private HoldState live;
    private long firstNanos = Long.MIN_VALUE;
    private long lastNanos;
    private int reps;
    private final Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    private double steadyTotalS;
    private double bestSteadyS;
    private LocalDate day;
    private RepCounts today;
    private StateMessage.LastRep lastRep;
    private Integer batteryPct;
    private boolean ended;
    private int zoneReps;
    private double zoneTimeS;
    private double zonePctSum;
    private int zonePctReps;

    /**
     * @param gateway the gateway's name (sanitized here)
     * @param band    the band's name (sanitized here)
     * @param targetS the hold target reps are judged by
     * @param zone    the gateway's time zone, for "today"
     */
    public BandMessages(String gateway, String band, double targetS, EventPublisher publisher, SampleClock clock, ZoneId zone) {
        this.origin = new Origin(TopicNames.sanitize(gateway), TopicNames.sanitize(band), UUID.randomUUID().toString(), null, null);
        this.publisher = publisher;
        this.clock = clock;
        this.zone = zone;
        this.targetS = targetS;
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

    public void sample(long tNanos, double newtons) {
        if (firstNanos == Long.MIN_VALUE) {
            firstNanos = tNanos;
        }
        lastNanos = tNanos;
        if (Double.isFinite(newtons)) {
            publisher.publishForce(origin.band(), clock.toWall(tNanos), newtons);
        }
    }

    public void link(LinkState state) {
        link = state.name();
        publishState();
    }

    /** The sensor's battery in percent, carried by every state from now on (and published at once). */
    public void battery(int percent) {
        batteryPct = percent;
        publishState();
    }

    /** The detector's live state after a phase change. */
    public void phase(HoldState state) {
        live = state;
        publishState();
    }

    public void rep(RepEvent rep, HoldState state) {
        rep(rep, state, null, null);
    }

    /** A rep with its place in the plan and its force-zone figures (either may be null). */
    public void rep(RepEvent rep, HoldState state, PlanPlace place, ZoneFigures zone) {
        if (zone != null) {
            zoneReps++;
            zoneTimeS += zone.timeInZoneS();
            if (Double.isFinite(zone.pctOfMax())) {
                zonePctSum += zone.pctOfMax();
                zonePctReps++;
            }
        }
        live = state;
        rollDay();
        reps++;
        verdicts.merge(rep.verdict(), 1, Integer::sum);
        steadyTotalS += rep.steadySeconds();
        bestSteadyS = Math.max(bestSteadyS, rep.steadySeconds());
        today = today.plus(rep.verdict() == Verdict.HELD);
        RepMessage message = RepMessage.of(rep, origin, clock.toWall(rep.startNanos()), clock.toWall(rep.endNanos()), targetS,
                place, zone);
        lastRep = StateMessage.LastRep.of(message);
        // The state first: publishRep waits for the outbox's fsync, and the publisher thread stores it before it
        // gets to anything queued behind; the state, queued first, is out meanwhile (docs/performance.md).
        publishState();
        publisher.publishRep(message);
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
        Phase phase = live == null ? Phase.REST : live.phase();
        double steady = live == null ? 0 : live.steadySeconds();
        double level = live == null ? Double.NaN : live.levelN();
        double rest = live == null ? Double.NaN : live.restN();
        publisher.publishState(new StateMessage(origin.gateway(), origin.band(), origin.session(), phase,
                origin.leg(), origin.angle(), reps, steady, level, rest, link, today.reps(), today.held(), clock.toWall(decided),
                lastRep, batteryPct));
    }

    /** Publishes the session's summary (when there was at least one rep) and returns it, or null. Once. */
    public SessionSummary end() {
        if (ended) {
            return null;
        }
        ended = true;
        if (reps == 0) {
            return null;
        }
        SessionSummary.Zone zone = zoneReps == 0 ? null
                : new SessionSummary.Zone(zoneReps, zoneTimeS, zonePctReps == 0 ? Double.NaN : zonePctSum / zonePctReps);
        SessionSummary summary = SessionSummary.of(origin, wall(firstNanos), wall(lastNanos), verdicts, steadyTotalS,
                bestSteadyS, targetS, zone);
        publisher.publishSessionSummary(summary);
        return summary;
    }

    /** A maximum test's result at a leg and angle, now: stored and published like a rep. */
    public void maxTest(String leg, int angle, String angleName, double maxN, double[] pullsN) {
        publisher.publishMaxTest(MaxTestMessage.of(origin, leg, angle, angleName, clock.now(), maxN, pullsN));
    }

    private Instant wall(long nanos) {
        return clock.toWall(nanos);
    }

    /** Reps finished in this session so far. */
    public int reps() {
        return reps;
    }
}
