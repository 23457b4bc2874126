package org.isoband.gateway.display;

import org.isoband.core.unit.ForceUnit;
import org.isoband.core.coach.CoachView;
import org.isoband.core.detect.HoldState;
import org.isoband.device.source.LinkState;

/**
 * One frame's worth of what the athlete should see.
 *
 * @param coach  the coach's view (plan position, rest, message, reason)
 * @param live   the detector's live state (phase, steady seconds, level, rest tension, steady band)
 * @param trace  the last seconds of force
 * @param link   the sensor link
 * @param broker the MQTT link in words ("connected", "offline (3 queued)", "off")
 * @param unit   the unit force is shown in (the configuration's {@code units.force})
 */
public record ScreenModel(CoachView coach, HoldState live, ForceHistory.Trace trace, LinkState link, String broker,
                          ForceUnit unit) {

    /** Force in newtons. */
    public ScreenModel(CoachView coach, HoldState live, ForceHistory.Trace trace, LinkState link, String broker) {
        this(coach, live, trace, link, broker, ForceUnit.N);
    }
}
