package org.isoband.gateway.mqtt;

import java.time.ZoneId;
import org.isoband.core.detect.DetectorConfig;
import org.isoband.core.detect.DetectorListener;
import org.isoband.core.detect.HoldDetector;
import org.isoband.core.detect.Phase;
import org.isoband.core.detect.RepEvent;
import org.isoband.core.message.SessionSummary;
import org.isoband.device.source.LinkState;
import org.isoband.device.source.SampleSink;

/**
 * One band's session on its own: the band's samples go to a {@link HoldDetector} of its own, and what the
 * detector decides goes out through {@link BandMessages}. For the MQTT tests and benchmark, which want the MQTT
 * side without the coach; the gateway's session loop owns its detector and tells a {@link BandMessages}.
 * Runs on the sensor's thread.
 */
final class BandSession implements SampleSink, DetectorListener {
    private final HoldDetector detector;
    private final BandMessages messages;
    private long lastNanos = Long.MIN_VALUE;

    /**
     * @param gateway  the gateway's name (sanitized here)
     * @param band     the band's name (sanitized here)
     * @param detector the detector's settings, with the hold target
     * @param zone     the gateway's time zone, for "today"
     */
    public BandSession(String gateway, String band, DetectorConfig detector, EventPublisher publisher, SampleClock clock, ZoneId zone) {
        this.messages = new BandMessages(gateway, band, detector.holdTargetS(), publisher, clock, zone);
        this.detector = new HoldDetector(detector, this);
    }

    public String sessionId() {
        return messages.sessionId();
    }

    public String band() {
        return messages.band();
    }

    /** What the athlete does now, from the coach: {@code right}/{@code left} and the angle index, or nulls. */
    public void setExercise(String leg, Integer angle) {
        messages.setExercise(leg, angle);
    }

    @Override
    public void sample(long tNanos, double newtons) {
        lastNanos = tNanos;
        detector.accept(tNanos, newtons);
        messages.sample(tNanos, newtons);
    }

    @Override
    public void linkState(LinkState state, String detail) {
        if (state == LinkState.LOST && lastNanos != Long.MIN_VALUE) {
            detector.linkLost(lastNanos);
        }
        messages.link(state);
    }

    @Override
    public void onPhase(Phase from, Phase to, long tNanos) {
        messages.phase(detector.state());
    }

    @Override
    public void onRep(RepEvent rep) {
        messages.rep(rep, detector.state());
    }

    /**
     * Ends the session: a rep still in progress is judged on what was seen, and the summary is published
     * (when there was at least one rep). Call it after the source stopped. Returns the summary, or null.
     */
    public SessionSummary end() {
        detector.finish();
        return messages.end();
    }

    /** Reps finished in this session so far. */
    public int reps() {
        return messages.reps();
    }
}
