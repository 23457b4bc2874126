package org.isoband.gateway.session;

import org.isoband.core.coach.Leg;

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
 */
public record RepContext(String sessionId, Leg leg, int angleIndex, String angleName, int rep, int attempt,
                         double holdTargetS) {
}
