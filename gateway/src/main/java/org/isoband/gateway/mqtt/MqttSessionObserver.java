package org.isoband.gateway.mqtt;

import org.isoband.core.coach.Maximum;
import org.isoband.core.coach.RepZone;
import org.isoband.core.message.PlanPlace;
import org.isoband.core.message.ZoneFigures;
import org.isoband.core.coach.PlanPosition;
import org.isoband.core.detect.HoldState;
import org.isoband.core.detect.Phase;
import org.isoband.core.detect.RepEvent;
import org.isoband.device.source.BatteryLevel;
import org.isoband.device.source.LinkState;
import org.isoband.gateway.session.RepContext;
import org.isoband.gateway.session.SessionObserver;

/**
 * Publishes a training session over MQTT: the session loop's detector and coach decide, this says it through
 * {@link BandMessages} (each rep with its leg and hip angle from the coach's plan), and the summary when the
 * session ends.
 */
public final class MqttSessionObserver implements SessionObserver {
    private final BandMessages messages;
    private HoldState live;

    public MqttSessionObserver(BandMessages messages) {
        this.messages = messages;
    }

    @Override
    public void sample(long tNanos, double newtons) {
        messages.sample(tNanos, newtons);
    }

    @Override
    public void phase(Phase from, Phase to, HoldState state, RepContext where) {
        live = state;
        messages.setExercise(where.leg().key(), where.angleIndex());
        messages.phase(state);
    }

    @Override
    public void rep(RepEvent rep, RepContext where) {
        messages.setExercise(where.leg().key(), where.angleIndex());
        messages.rep(rep, restAfter(rep), new PlanPlace(where.angleName(), where.rep(), where.repsPerAngle(), where.attempt()),
                zoneFigures(where.zone()));
    }

    private static ZoneFigures zoneFigures(RepZone z) {
        if (z == null) {
            return null;
        }
        return new ZoneFigures(z.zone().maxN(), z.zone().lowPct(), z.zone().highPct(), z.timeInZoneS(), z.meanPctOfMax());
    }

    @Override
    public void maximum(Maximum maximum, RepContext where) {
        messages.maxTest(maximum.position().leg().key(), maximum.position().angleIndex(), where.angleName(),
                maximum.maxN(), maximum.pullsN().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Right after a rep the band is at rest again, at the tension the rep was measured against. */
    private HoldState restAfter(RepEvent rep) {
        double level = live != null ? live.levelN() : rep.restN();
        return new HoldState(Phase.REST, rep.endNanos(), level, rep.restN(), 0, 0, Double.NaN, Double.NaN);
    }

    @Override
    public void link(LinkState state, String detail) {
        messages.link(state);
    }

    @Override
    public void battery(BatteryLevel level) {
        messages.battery(level.percent());
    }

    @Override
    public void ended(PlanPosition position) {
        messages.end();
    }
}
