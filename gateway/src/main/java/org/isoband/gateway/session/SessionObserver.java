package org.isoband.gateway.session;

import org.isoband.core.coach.Cue;
import org.isoband.core.coach.Maximum;
import org.isoband.core.coach.PlanPosition;
import org.isoband.core.detect.HoldState;
import org.isoband.core.detect.Phase;
import org.isoband.core.detect.RepEvent;
import org.isoband.device.source.BatteryLevel;
import org.isoband.device.source.LinkState;

/**
 * Hears what happens in a {@link TrainingSession}: MQTT publishing, the buzzer and LED, logs. Called on the
 * session's loop thread; implementations hand work off and return at once (never block on the network).
 */
public interface SessionObserver {

    default void sample(long tNanos, double newtons) {
    }

    default void phase(Phase from, Phase to, HoldState live, RepContext where) {
    }

    default void rep(RepEvent rep, RepContext where) {
    }

    default void cue(Cue cue) {
    }

    default void link(LinkState state, String detail) {
    }

    /** The sensor's battery, when the source can read it (some BLE gauges), once per link or when it changes. */
    default void battery(BatteryLevel level) {
    }

    default void ended(PlanPosition position) {
    }

    /** A maximum test ended with a result ({@code where} is the position tested, its rep fields unused). */
    default void maximum(Maximum maximum, RepContext where) {
    }
}
