package org.isoband.gateway.session;

import org.isoband.core.coach.Leg;
import org.isoband.core.coach.RepZone;

/**
 * Where in the plan a rep was made: what MQTT and the dashboard store beside the detector's verdict.
 *
 * @param sessionId  the journal's id of the session
 * @param leg        the leg in hand
 * @param angleIndex 0-based hip angle
 * @param angleName  its name in the plan
 * @param rep        1-based rep at that angle
 * @param attempt    1-based attempt at that rep
 * @param holdTargetS the target the rep was judged by
 * @param repsPerAngle reps the plan asks for at that angle
 * @param zone       the force zone the rep aimed for and its figures, or null (no maximum for the position)
 */
public record RepContext(String sessionId, Leg leg, int angleIndex, String angleName, int rep, int attempt,
                         double holdTargetS, int repsPerAngle, RepZone zone) {

    /** A rep without a zone, of a plan of {@code rep} reps at least. */
    public RepContext(String sessionId, Leg leg, int angleIndex, String angleName, int rep, int attempt, double holdTargetS) {
        this(sessionId, leg, angleIndex, angleName, rep, attempt, holdTargetS, rep, null);
    }
}
