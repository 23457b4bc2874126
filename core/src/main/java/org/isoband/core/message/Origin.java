package org.isoband.core.message;

/**
 * Where a message comes from and what the athlete was doing: the gateway, the band, the session and, when a
 * plan is followed, the leg and hip angle.
 *
 * @param gateway sanitized gateway name
 * @param band    sanitized band name
 * @param session session id
 * @param leg     {@code right}, {@code left} or null
 * @param angle   0-based angle index, or null
 */
public record Origin(String gateway, String band, String session, String leg, Integer angle) {
    public Origin {
        Legs.check(leg);
    }

    public Origin withExercise(String newLeg, Integer newAngle) {
        return new Origin(gateway, band, session, newLeg, newAngle);
    }
}
