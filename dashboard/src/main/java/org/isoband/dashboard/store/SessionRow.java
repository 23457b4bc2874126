package org.isoband.dashboard.store;

import java.time.Instant;

/**
 * One training session as the log lists it, summed from its reps.
 *
 * @param gateway      the gateway
 * @param band         the band
 * @param session      the session id
 * @param start        its first rep's start
 * @param end          its last rep's end
 * @param reps         reps of any verdict
 * @param held         reps HELD
 * @param steadyS      steady seconds, summed
 * @param timeInZoneS  seconds in the force zone, summed (0 without zones)
 * @param zoneReps     reps that had a zone
 * @param maxTests     maximum tests made in the session
 */
public record SessionRow(String gateway, String band, String session, Instant start, Instant end, int reps, int held,
                         double steadyS, double timeInZoneS, int zoneReps, int maxTests) {
}
